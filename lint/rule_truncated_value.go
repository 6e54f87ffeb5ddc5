package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// RuleTruncatedValue: a value cut short with an ellipsis.
const RuleTruncatedValue = "truncated-value"

// truncated-value: "..." or "…" glued to a value (not a YAML document end,
// a spread, a comment, nor a form with placeholders): the reader copies the
// dots. An error in a quoted scalar or KEY=VALUE of a block, or a whole
// Assumption or form value; a warning in a code span of prose.
var _ = register(Rule{
	Name:     RuleTruncatedValue,
	Severity: SeverityError,
	Doc:      "a value cut short with ... or … where the full value is expected",
	Example:  "`client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$...'`",
	Phase:    PhaseText,
	Run:      textRule(checkTruncatedValues),
})

var (
	ellipsisRe = regexp.MustCompile(`\.\.\.|…`)
	quotedRe   = regexp.MustCompile(`'[^']*'|"[^"]*"`)
	assignRe   = regexp.MustCompile(`^\s*(?:export\s+|-\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*[=:]\s*\S`)
)

func checkTruncatedValues(s *Source) []Finding {
	var out []Finding
	for _, v := range s.values() {
		if markupLangs[v.Lang] || v.Aside || placeholderRe.MatchString(v.Text) {
			continue
		}
		t := v.Text
		if !v.Code {
			if c := commentRe.FindStringIndex(t); c != nil {
				t = t[:c[0]]
			}
			if strings.TrimSpace(t) == "..." {
				continue // YAML's end of document
			}
		}
		for _, m := range ellipsisRe.FindAllStringIndex(t, -1) {
			before, after := t[:m[0]], t[m[1]:]
			if before == "" || isSpaceByte(before[len(before)-1]) || strings.ContainsAny(before[len(before)-1:], "([{,") {
				continue // a spread (...args), an elided list item
			}
			if after != "" && isWordByte(after[0]) {
				continue // a range (1...10)
			}
			sev := SeverityWarning
			switch {
			case v.Code && v.Whole:
				sev = SeverityError
			case !v.Code && (inQuoted(t, m[0]) || assignRe.MatchString(t)):
				sev = SeverityError
			}
			token := t[strings.LastIndexAny(before, " \t'\"=`")+1 : m[1]]
			out = append(out, Finding{Line: v.Line, Severity: sev, Rule: RuleTruncatedValue,
				Message: fmt.Sprintf("%s is cut short: the reader copies the dots; write the whole value", token)})
			break
		}
	}
	return out
}

// inQuoted: byte i of t lies inside a quoted string.
func inQuoted(t string, i int) bool {
	for _, q := range quotedRe.FindAllStringIndex(t, -1) {
		if i > q[0] && i < q[1] {
			return true
		}
	}
	return false
}
