package lint

// scope-separator: two methods (not configuration files) that request the same scopes separate them the same way. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleScopeSeparator,
	Severity: SeverityWarning,
	Doc:      "two methods (not configuration files) that request the same scopes separate them the same way",
	Example:  "`openid,profile` beside `openid profile`",
})
