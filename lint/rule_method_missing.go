package lint

// RuleMethodMissing: a variable one method sets and another does not.
const RuleMethodMissing = "method-missing"

// method-missing: a variable one environment of an application sets, the other sets too (under its name or another).
var _ = register(Rule{
	Name:     RuleMethodMissing,
	Severity: SeverityWarning,
	Doc:      "a variable one environment block (.env, compose) sets and another of the same application leaves out",
	Example:  "`X_REDIRECT_URI` in `.env` only",
	Phase:    PhaseMethods,
	Run:      checkMethodMissing,
})

func checkMethodMissing(p *Pass) {
	for _, c := range p.comparisons() {
		if !c.twoEnvironments() {
			continue
		}
		sides := []struct {
			from, to   view
			rest, free []entry
		}{{c.a, c.b, c.restA, c.restB}, {c.b, c.a, c.restB, c.restA}}
		for _, s := range sides {
			for _, e := range s.rest {
				if _, ok := namedDifferently(e, s.free); ok {
					continue // method-names
				}
				p.Reportf(SeverityWarning, e.method, e.line, "%s (line %d) sets %s=%s, %s (line %d) does not set it", s.from.desc, e.line, e.name, short(e.value), s.to.desc, s.to.m.Block.Line)
			}
		}
	}
}
