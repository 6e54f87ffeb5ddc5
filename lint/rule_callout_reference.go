package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// RuleCalloutReference: a reference link inside a {{< callout >}}.
const RuleCalloutReference = "callout-reference"

// callout-reference: the docs' callout shortcode, called with angle
// brackets, renders its content on its own, apart from the page: the
// page's [label]: definitions are not there, so [label] renders as
// literal brackets. Authelia's maintainers wrote such links inline
// (authelia/authelia 335400f43). The page's definition is authoritative:
// the fix writes its destination inline. The {{% callout %}} form renders
// with the page and is not reported.
var _ = register(Rule{
	Name:     RuleCalloutReference,
	Severity: SeverityError,
	Doc:      "a reference link inside a {{< callout >}} renders as literal brackets: the callout renders apart from the page's definitions",
	Example:  "`[BookStack] does not properly URL encode…` between `{{< callout … >}}` and `{{< /callout >}}`",
	Phase:    PhaseText,
	Run:      textRule(checkCalloutReferences),
})

var (
	calloutOpenRe  = regexp.MustCompile(`\{\{<\s*callout\b`)
	calloutCloseRe = regexp.MustCompile(`\{\{<\s*/callout\s*>\}\}`)
	// calloutRefRe is [text] or [text][label], the brackets' content holding a
	// letter or digit.
	calloutRefRe = regexp.MustCompile(`\[([^\[\]]*[\pL\pN][^\[\]]*)\](?:\[([^\[\]]*)\])?`)
)

func normLabel(l string) string { return strings.ToLower(strings.Join(strings.Fields(l), " ")) }

func checkCalloutReferences(s *Source) []Finding {
	defs := map[string]string{} // the page's definitions, outside callouts
	var inside [][2]int         // the callouts' bodies, first and last line
	open := 0
	for n := 1; n <= len(s.Raw); n++ {
		if s.inFence(n) {
			continue
		}
		l := s.Raw[n-1]
		if open == 0 && calloutOpenRe.MatchString(l) {
			open = n
		}
		if open > 0 && calloutCloseRe.MatchString(l) {
			inside = append(inside, [2]int{open, n})
			open = 0
		}
	}
	within := func(n int) (int, bool) {
		for i, c := range inside {
			if n >= c[0] && n <= c[1] {
				return i, true
			}
		}
		return 0, false
	}
	own := map[int]map[string]bool{} // definitions inside each callout
	for _, l := range s.links() {
		if !l.Def {
			continue
		}
		if i, ok := within(l.Line); ok {
			if own[i] == nil {
				own[i] = map[string]bool{}
			}
			own[i][normLabel(l.Text)] = true
			continue
		}
		if _, ok := defs[normLabel(l.Text)]; !ok {
			defs[normLabel(l.Text)] = l.Dest
		}
	}
	var out []Finding
	for i, c := range inside {
		for n := c[0]; n <= c[1]; n++ {
			line := s.proseLine(n)
			if line == "" || refDefRe.MatchString(line) {
				continue
			}
			raw := s.RawLine(n)
			fixed, fixable := raw, true
			var labels []string
			for _, m := range calloutRefRe.FindAllStringSubmatchIndex(line, -1) {
				start, end := m[0], m[1]
				if start > 0 && (line[start-1] == '!' || line[start-1] == ']' || line[start-1] == '\\' || isWordByte(line[start-1])) {
					continue
				}
				if end < len(line) && (line[end] == '(' || line[end] == ':') {
					continue // an inline link, or a definition
				}
				text := line[m[2]:m[3]]
				label := text
				if m[4] >= 0 && m[5] > m[4] {
					label = line[m[4]:m[5]]
				}
				dest, ok := defs[normLabel(label)]
				if !ok || own[i][normLabel(label)] {
					continue // no definition (link-reference says so), or the callout's own
				}
				labels = append(labels, "["+label+"]")
				use := line[start:end]
				if strings.Count(fixed, use) >= 1 {
					fixed = strings.Replace(fixed, use, "["+text+"]("+dest+")", 1)
				} else {
					fixable = false
				}
			}
			if len(labels) == 0 {
				continue
			}
			f := Finding{Line: n, Severity: SeverityError, Rule: RuleCalloutReference,
				Message: fmt.Sprintf("%s inside the callout (line %d) renders as literal brackets: the callout renders apart from the page's [label]: definitions; write the link inline, as its definition gives it", strings.Join(labels, " and "), c[0])}
			if fixable && fixed != raw {
				f.Fix = &Fix{Line: n, Old: raw, New: fixed}
			}
			out = append(out, f)
		}
	}
	return out
}
