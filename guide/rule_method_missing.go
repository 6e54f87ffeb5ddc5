package guide

// method-missing: a variable one method sets and another leaves out. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleMethodMissing,
	Severity: SeverityWarning,
	Doc:      "a variable one method sets and another leaves out",
	Example:  "`X_REDIRECT_URI` in `.env` only",
})
