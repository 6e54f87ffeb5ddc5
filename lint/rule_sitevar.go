package lint

// sitevar: one sitevar given two values. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleSitevar,
	Severity: SeverityError,
	Doc:      "one sitevar given two values",
	Example:  "`nojs=\"example.com\"` and `nojs=\"example.org\"` for `domain`",
})
