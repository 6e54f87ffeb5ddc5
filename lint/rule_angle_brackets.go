package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// RuleAngleBrackets: a value left wrapped in a placeholder's angle brackets.
const RuleAngleBrackets = "angle-brackets"

// angle-brackets: a concrete value (a URL, a sitevar's value) still inside
// the <…> of the placeholder it replaced; the reader copies the brackets.
var _ = register(Rule{
	Name:     RuleAngleBrackets,
	Severity: SeverityError,
	Doc:      "a value (URL, sitevar) left inside a placeholder's angle brackets in a code span or block",
	Example:  "`oidc-issuer = <https://auth.example.com>`",
	Phase:    PhaseText,
	Run:      textRule(checkAngleBrackets),
})

var angledRe = regexp.MustCompile(`<([^<>\s]+)>`)

func checkAngleBrackets(s *Source) []Finding {
	var out []Finding
	for _, v := range s.values() {
		if markupLangs[v.Lang] {
			continue
		}
		for _, m := range angledRe.FindAllStringSubmatch(v.Text, -1) {
			inner := m[1]
			if !strings.Contains(inner, "://") && !holdsSitevar(s, v.Line, inner) {
				continue
			}
			f := Finding{Line: v.Line, Severity: SeverityError, Rule: RuleAngleBrackets,
				Message: fmt.Sprintf("%s keeps the angle brackets of a placeholder, which the reader copies into the value: write %s", m[0], inner)}
			if raw := s.RawValue(v.Line, inner); raw != "" {
				f.Fix = s.fixValue(v.Line, m[0], raw)
			}
			out = append(out, f)
		}
	}
	return out
}

// holdsSitevar: the text on line n is written with a sitevar shortcode.
func holdsSitevar(s *Source, n int, text string) bool {
	return strings.Contains(s.RawValue(n, text), "{{<")
}
