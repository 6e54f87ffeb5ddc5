package lint

// method-names: two environment blocks (.env, compose) of one application name one setting differently. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleMethodNames,
	Severity: SeverityError,
	Doc:      "two environment blocks (.env, compose) of one application name one setting differently",
	Example:  "`DT_OAUTH2_SCOPE` beside `DT_OAUTH2_SCOPES`",
})
