package lint

// RuleIntroMethods: the introduction names methods the guide does not have.
const RuleIntroMethods = "intro-methods"

// intro-methods: an introduction the reader found naming other methods than the sections (guide.ProblemIntroMethods).
var _ = register(Rule{
	Name:     RuleIntroMethods,
	Severity: SeverityError,
	Doc:      "each method the introduction names (\"there are two methods, using …\") has a section of its own",
	Example:  "\"there are two methods, using Environment Variables or the Web GUI\" above no Web GUI section",
	Phase:    PhaseReading,
	Run:      reportProblems,
})
