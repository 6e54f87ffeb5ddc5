package lint

// block-syntax: a YAML or JSON block (front matter, the Authelia client, a compose or configuration file) that does not parse, or a compose environment that is neither a map nor a list. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleBlockSyntax,
	Severity: SeverityError,
	Doc:      "a YAML or JSON block (front matter, the Authelia client, a compose or configuration file) that does not parse, or a compose environment that is neither a map nor a list",
	Example:  "`environment:` holding bare `KEY=VALUE` lines",
})
