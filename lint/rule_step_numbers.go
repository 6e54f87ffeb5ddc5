package lint

// step-numbers: numbered steps written with one number twice or with a gap. Reported by the reading (read.go)
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleStepNumbers,
	Severity: SeverityError,
	Doc:      "numbered steps written with one number twice or with a gap",
	Example:  "`1.`, `2.`, `2.`, `3.`, or `1.`, `2.`, `3.`, `6.`",
})
