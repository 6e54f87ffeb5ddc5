package lint

// RuleMethodNames: two methods name one setting differently.
const RuleMethodNames = "method-names"

// method-names: two environments of one application name a setting the same way.
var _ = register(Rule{
	Name:     RuleMethodNames,
	Severity: SeverityError,
	Doc:      "two environment blocks (.env, compose) of one application name one setting differently",
	Example:  "`DT_OAUTH2_SCOPE` beside `DT_OAUTH2_SCOPES`",
	Phase:    PhaseMethods,
	Run:      checkMethodNames,
})

func checkMethodNames(p *Pass) {
	for _, c := range p.comparisons() {
		if !c.twoEnvironments() {
			continue
		}
		for _, e := range c.restA {
			if other, ok := namedDifferently(e, c.restB); ok {
				p.Reportf(SeverityError, e.method, e.line, "%s and %s name one setting differently: line %d sets %s, line %d sets %s; use the application's name in both (neither is authoritative: no fix)", c.a.desc, c.b.desc, e.line, e.name, other.line, other.name)
			}
		}
	}
}
