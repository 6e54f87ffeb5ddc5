package guide

// step-numbers: numbered steps written with a number twice or a gap. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleStepNumbers,
	Severity: SeverityError,
	Doc:      "numbered steps written with a number twice or a gap",
	Example:  "`1.`, `2.`, `3.`, `6.`",
})
