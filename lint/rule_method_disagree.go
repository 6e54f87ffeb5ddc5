package lint

// RuleMethodDisagree: two methods give one setting different values.
const RuleMethodDisagree = "method-disagree"

// method-disagree: two methods that set one setting (matched by meaning) give it one value.
var _ = register(Rule{
	Name:     RuleMethodDisagree,
	Severity: SeverityError,
	Doc:      "two methods give one setting different values",
	Example:  "`.env` scopes `openid,profile` beside compose `openid,profile,email`",
	Phase:    PhaseMethods,
	Run:      checkMethodsDisagree,
})

func checkMethodsDisagree(p *Pass) {
	for _, c := range p.comparisons() {
		for _, pr := range c.sure() {
			x, y := pr[0], pr[1]
			if !agree(x, y) {
				p.Reportf(SeverityError, x.method, x.line, "%s and %s disagree: %s, %s%s; make them one value (neither is authoritative: no fix)", x.desc, y.desc, x.phrase, y.phrase, whereLongValuesDiffer(x.value, y.value))
			}
		}
	}
}
