package lint

// method-missing: a variable one environment block (.env, compose) sets and another of the same application leaves out. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleMethodMissing,
	Severity: SeverityWarning,
	Doc:      "a variable one environment block (.env, compose) sets and another of the same application leaves out",
	Example:  "`X_REDIRECT_URI` in `.env` only",
})
