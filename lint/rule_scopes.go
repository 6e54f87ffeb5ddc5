package lint

// scopes: a method requests only scopes the client has (a scope left out is a warning). Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleScopes,
	Severity: SeverityError,
	Doc:      "a method requests only scopes the client has (a scope left out is a warning)",
	Example:  "`openid email profile` beside `scopes: ['openid', 'email']`",
})
