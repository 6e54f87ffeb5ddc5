package lint

// RuleDuplicateVar: a variable set twice in one block.
const RuleDuplicateVar = "duplicate-var"

// duplicate-var: a variable the reader met twice in one block (guide.ProblemDuplicateVar).
var _ = register(Rule{
	Name:     RuleDuplicateVar,
	Severity: SeverityError,
	Doc:      "an environment variable set twice in one .env block or in one compose service's environment",
	Example:  "`X_CLIENT_ID=a` … `X_CLIENT_ID=b`",
	Phase:    PhaseReading,
	Run:      reportProblems,
})
