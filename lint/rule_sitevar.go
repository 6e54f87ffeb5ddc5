package lint

// RuleSitevar: one sitevar given two values.
const RuleSitevar = "sitevar"

// sitevar: a sitevar the reader met with two values (guide.ProblemSitevar): the reader of the docs site sees one of them.
var _ = register(Rule{
	Name:     RuleSitevar,
	Severity: SeverityError,
	Doc:      "one sitevar given two values",
	Example:  "`nojs=\"example.com\"` and `nojs=\"example.org\"` for `domain`",
	Phase:    PhaseAgree,
	Run:      reportProblems,
})
