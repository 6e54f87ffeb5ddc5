package lint

// RuleStepNumbers: two steps with one number, or a gap.
const RuleStepNumbers = "step-numbers"

// step-numbers: steps the reader met numbered twice or with a gap (guide.ProblemStepNumbers).
var _ = register(Rule{
	Name:     RuleStepNumbers,
	Severity: SeverityError,
	Doc:      "numbered steps written with one number twice or with a gap",
	Example:  "`1.`, `2.`, `2.`, `3.`, or `1.`, `2.`, `3.`, `6.`",
	Phase:    PhaseReading,
	Run:      reportProblems,
})
