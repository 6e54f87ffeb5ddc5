package lint

// method-disagree: two methods give one setting different values. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleMethodDisagree,
	Severity: SeverityError,
	Doc:      "two methods give one setting different values",
	Example:  "`.env` scopes `openid,profile` beside compose `openid,profile,email`",
})
