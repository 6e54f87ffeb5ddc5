package guide

// scope-separator: methods write one scope list with one separator. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleScopeSeparator,
	Severity: SeverityWarning,
	Doc:      "methods write one scope list with one separator",
	Example:  "`openid,profile` beside `openid profile`",
})
