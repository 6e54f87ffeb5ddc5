package lint

// intro-methods: each method the introduction names ("there are two methods, using …") has a section of its own. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleIntroMethods,
	Severity: SeverityError,
	Doc:      "each method the introduction names (\"there are two methods, using …\") has a section of its own",
	Example:  "\"there are two methods, using Environment Variables or the Web GUI\" above no Web GUI section",
})
