package guide

// block-syntax: a code block that does not parse as its language (YAML, JSON, TOML, a compose environment). Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleBlockSyntax,
	Severity: SeverityError,
	Doc:      "a code block that does not parse as its language (YAML, JSON, TOML, a compose environment)",
	Example:  "`environment:` holding bare `KEY=VALUE` lines",
})
