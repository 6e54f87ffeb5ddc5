package lint

import (
	"github.com/guidewalk/guidewalk/guide"
)

// RuleScopeSeparator: methods write one scope list with different separators.
const RuleScopeSeparator = "scope-separator"

// scope-separator: two methods (not configuration files) that agree on the scopes write them with one separator.
var _ = register(Rule{
	Name:     RuleScopeSeparator,
	Severity: SeverityWarning,
	Doc:      "two methods (not configuration files) that request the same scopes separate them the same way",
	Example:  "`openid,profile` beside `openid profile`",
	Phase:    PhaseMethods,
	Run:      checkScopeSeparators,
})

func checkScopeSeparators(p *Pass) {
	for _, c := range p.comparisons() {
		for _, pr := range c.sure() {
			x, y := pr[0], pr[1]
			if !agree(x, y) || (x.meaning != meaningScopes && y.meaning != meaningScopes) || x.kind == guide.MethodFile || y.kind == guide.MethodFile {
				continue
			}
			if sx, sy := separator(x.value), separator(y.value); sx != "" && sy != "" && sx != sy {
				p.Reportf(SeverityWarning, x.method, x.line, "%s and %s separate the scopes differently: %s, %s (which one the application reads is its business)", x.desc, y.desc, x.phrase, y.phrase)
			}
		}
	}
}
