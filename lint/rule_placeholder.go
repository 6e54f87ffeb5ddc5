package lint

import (
	"fmt"
	"strings"
)

// RulePlaceholder: a placeholder nothing in the guide explains.
const RulePlaceholder = "placeholder"

// placeholder: a <name> in a value is for the reader to replace; the guide
// says with what: the name appears in its prose (an Assumption, a step, a
// callout), a comment on the value's line explains it, or the placeholder
// is itself an instruction (three words or more).
var _ = register(Rule{
	Name:     RulePlaceholder,
	Severity: SeverityError,
	Doc:      "a <placeholder> in a value that nothing in the guide explains",
	Example:  "`'OAUTH2_BUTTON_COLOR': '<button-color>'` with no word on what colour to give",
	Phase:    PhaseText,
	Run:      textRule(checkPlaceholders),
})

func checkPlaceholders(s *Source) []Finding {
	var out []Finding
	prose := map[int]string{}
	for n := 1; n <= len(s.Rendered); n++ {
		if !s.inFence(n) {
			prose[n] = s.Rendered[n-1]
		}
	}
	// Where each placeholder is written: a code span in a sentence about a
	// placeholder written elsewhere too explains it, it is not a value.
	lines := map[string]map[int]bool{}
	for _, v := range s.values() {
		for _, m := range placeholderRe.FindAllString(v.Text, -1) {
			if lines[m] == nil {
				lines[m] = map[int]bool{}
			}
			lines[m][v.Line] = true
		}
	}
	for _, v := range s.values() {
		if isMarkup(v) || v.Aside { // a callout's code spans describe a form
			continue
		}
		for _, m := range placeholderRe.FindAllStringSubmatchIndex(v.Text, -1) {
			if v.Code && !v.Whole && len(lines[v.Text[m[0]:m[1]]]) > 1 && len(strings.Fields(normalWords(s.proseLine(v.Line)))) >= 3 {
				continue
			}
			if m[0] > 0 && isWordByte(v.Text[m[0]-1]) {
				continue // a generic: List<String>
			}
			name := v.Text[m[2]:m[3]]
			if len(strings.Fields(name)) >= 3 || !v.Code && lineComment(v.Text[m[1]:]) {
				continue
			}
			if explained(prose, v, name) || selfNamed(v.Text[:m[0]], name) || addressesReader(name) {
				continue
			}
			out = append(out, Finding{Line: v.Line, Severity: SeverityError, Rule: RulePlaceholder,
				Message: fmt.Sprintf("the placeholder <%s> is explained nowhere in the guide, so the reader copies it as it is: give a real value, or say what to put in its place", name)})
		}
	}
	return out
}

// selfNamed: the placeholder stands for the key just before it
// (redirect_uri=<redirect_uri>, state: <state>): its name says what goes there.
func selfNamed(before, name string) bool {
	before = strings.TrimRight(before, " \t'\"")
	before = strings.TrimRight(before, "=:")
	i := strings.LastIndexAny(before, "?&;, \t{(")
	return normalWords(before[i+1:]) == normalWords(name) && normalWords(name) != ""
}

// addressesReader: a placeholder that speaks to the reader (<your-host>,
// <my domain>) is an instruction, not a value left behind.
func addressesReader(name string) bool {
	w := strings.Fields(normalWords(name))
	return len(w) > 1 && (w[0] == "your" || w[0] == "my")
}

// lineComment: the rest of a block line holds a comment.
func lineComment(rest string) bool { return commentRe.MatchString(rest) }

// explained: the placeholder's name appears in the prose of the guide,
// outside the value itself.
func explained(prose map[int]string, v value, name string) bool {
	want := " " + normalWords(name) + " "
	for n, l := range prose {
		if n == v.Line && v.Code {
			l = strings.Replace(l, v.Text, " ", 1)
		} else if n == v.Line {
			continue
		}
		if strings.Contains(" "+normalWords(l)+" ", want) {
			return true
		}
	}
	return false
}

// normalWords lower-cases s and keeps its words, separated by one space.
func normalWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}), " ")
}
