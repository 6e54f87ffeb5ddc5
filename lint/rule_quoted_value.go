package lint

import (
	"fmt"
	"strings"
)

// RuleQuotedValue: a value in literal quotes instead of a code span.
const RuleQuotedValue = "quoted-value"

// quoted-value: an Assumption or a form entry ("Label: value") whose value
// is written in quotes, not in a code span: the quotes render as part of
// the value and the reader types them.
var _ = register(Rule{
	Name:     RuleQuotedValue,
	Severity: SeverityError,
	Doc:      "an Assumption or form value written in literal quotes instead of a code span",
	Example:  "`__Port:__ '443'` or `- Redirect URI: 'https://app.example.com/callback'`",
	Phase:    PhaseText,
	Run:      textRule(checkQuotedValues),
})

func checkQuotedValues(s *Source) []Finding {
	var out []Finding
	report := func(line int, what, v string) {
		inner, ok := quotedValue(v)
		if !ok {
			return
		}
		f := Finding{Line: line, Severity: SeverityError, Rule: RuleQuotedValue,
			Message: fmt.Sprintf("%s %s is in quotes, not a code span: the quotes render as part of the value; write `%s`", what, v, inner)}
		if raw := s.RawValue(line, v); raw != "" {
			f.Fix = s.fixValue(line, v, "`"+raw[len(v[:1]):len(raw)-len(v[len(v)-1:])]+"`")
			if q := []rune(v); len(q) > 0 && (q[0] == '‘' || q[0] == '“') {
				f.Fix = s.fixValue(line, v, "`"+strings.TrimSuffix(strings.TrimPrefix(raw, string(q[0])), string(q[len(q)-1]))+"`")
			}
		}
		out = append(out, f)
	}
	for _, a := range s.Assumptions {
		if !strings.Contains(s.RawLine(a.Line), "`") {
			report(a.Line, fmt.Sprintf("the assumption %q:", a.Name), a.Value)
		}
	}
	for _, m := range s.Methods {
		for _, st := range m.Steps {
			for _, it := range st.Items {
				if it.Label != "" && len(it.Codes) == 0 {
					report(it.Line, fmt.Sprintf("the value of %q", it.Label), strings.TrimSuffix(it.Value, "."))
				}
			}
		}
	}
	return out
}

// quotedValue: v is one quoted word or URL ('443', "https://…"), and what
// is inside the quotes.
func quotedValue(v string) (string, bool) {
	r := []rune(v)
	if len(r) < 3 {
		return "", false
	}
	pairs := map[rune]rune{'\'': '\'', '"': '"', '‘': '’', '“': '”'}
	end, ok := pairs[r[0]]
	if !ok || r[len(r)-1] != end {
		return "", false
	}
	inner := string(r[1 : len(r)-1])
	if strings.ContainsRune(inner, end) || strings.ContainsRune(inner, r[0]) || strings.ContainsAny(inner, " \t") {
		return "", false
	}
	return inner, true
}
