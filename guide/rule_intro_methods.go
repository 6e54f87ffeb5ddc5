package guide

// intro-methods: the introduction names the methods the guide has, no more and no fewer. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleIntroMethods,
	Severity: SeverityError,
	Doc:      "the introduction names the methods the guide has, no more and no fewer",
	Example:  "\"there are three methods\" above one method",
})
