package lint

// RuleBlockSyntax: a code block that does not parse.
const RuleBlockSyntax = "block-syntax"

// block-syntax: a block the reader could not parse (guide.ProblemBlockSyntax).
var _ = register(Rule{
	Name:     RuleBlockSyntax,
	Severity: SeverityError,
	Doc:      "a YAML or JSON block (front matter, the Authelia client, a compose or configuration file) that does not parse, or a compose environment that is neither a map nor a list",
	Example:  "`environment:` holding bare `KEY=VALUE` lines",
	Phase:    PhaseReading,
	Run:      reportProblems,
})
