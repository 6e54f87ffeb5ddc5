package guide

// duplicate-var: a variable or key set twice in one block. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleDuplicateVar,
	Severity: SeverityError,
	Doc:      "a variable or key set twice in one block",
	Example:  "`X_CLIENT_ID=a` … `X_CLIENT_ID=b`",
})
