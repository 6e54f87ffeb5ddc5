package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleEscapedShortcode: an escaped shortcode inside a value or URL.
const RuleEscapedShortcode = "escaped-shortcode"

// escaped-shortcode: {{</* x */>}} is how the docs show shortcode syntax;
// Hugo prints it as written. Glued into a value or a URL (text right
// before or after it), it was meant to render.
var _ = register(Rule{
	Name:     RuleEscapedShortcode,
	Severity: SeverityError,
	Doc:      "an escaped shortcode ({{</* … */>}}, printed as written) inside a value or URL",
	Example:  "`https://app.{{</* sitevar name=\"domain\" nojs=\"example.com\" */>}}/account`",
	Phase:    PhaseText,
	Run:      textRule(checkEscapedShortcodes),
})

var escapedRe = regexp.MustCompile(`\{\{([<%])/\*\s*(.*?)\s*\*/([>%])\}\}`)

func checkEscapedShortcodes(s *Source) []Finding {
	var out []Finding
	seen := map[int]bool{}
	check := func(n int, text string) {
		if seen[n] {
			return
		}
		for _, m := range escapedRe.FindAllStringSubmatchIndex(text, -1) {
			before, after := text[:m[0]], text[m[1]:]
			glued := before != "" && !isSpaceByte(before[len(before)-1]) && before[len(before)-1] != '`' ||
				after != "" && !isSpaceByte(after[0]) && after[0] != '`'
			if !glued {
				continue
			}
			seen[n] = true
			esc := text[m[0]:m[1]]
			open, close := text[m[2]:m[3]], text[m[6]:m[7]]
			want := "{{" + open + " " + text[m[4]:m[5]] + " " + close + "}}"
			msg := fmt.Sprintf("the escaped shortcode %s is printed as written, not rendered: write %s", esc, want)
			if sc, ok := guide.ParseShortcode(text[m[4]:m[5]]); ok && sc.Name == guide.Sitevar && sc.Args["nojs"] != "" {
				msg = fmt.Sprintf("the escaped shortcode %s is printed as written instead of %s: write %s", esc, sc.Args["nojs"], want)
			}
			f := Finding{Line: n, Severity: SeverityError, Rule: RuleEscapedShortcode, Message: msg}
			if raw := s.RawLine(n); strings.Count(raw, esc) == 1 {
				f.Fix = &Fix{Line: n, Old: raw, New: strings.Replace(raw, esc, want, 1)}
			}
			out = append(out, f)
		}
	}
	for _, v := range s.values() {
		if !markupLangs[v.Lang] {
			check(v.Line, v.Text)
		}
	}
	for _, l := range s.links() {
		check(l.Line, l.Dest)
	}
	return out
}
