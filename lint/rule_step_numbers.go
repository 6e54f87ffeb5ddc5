package lint

import "fmt"

// RuleStepNumbers: two steps with one number, or a gap.
const RuleStepNumbers = "step-numbers"

// step-numbers: the steps of a numbered list (guide.NumberedList), as
// written, go on from the steps before them one by one.
var _ = register(Rule{
	Name:     RuleStepNumbers,
	Severity: SeverityError,
	Doc:      "numbered steps written with one number twice or with a gap",
	Example:  "`1.`, `2.`, `2.`, `3.`, or `1.`, `2.`, `3.`, `6.`",
	Phase:    PhaseReading,
	Run:      checkStepNumbers,
})

func checkStepNumbers(p *Pass) {
	for _, l := range p.Guide.NumberedLists {
		at := map[int]int{} // number -> line
		for _, st := range l.Steps[:l.Before] {
			at[st.Number] = st.Line
		}
		for i := l.Before; i < len(l.Steps); i++ {
			st := l.Steps[i]
			want := 1
			if i > 0 {
				want = l.Steps[i-1].Number + 1
			}
			renumber := fmt.Sprintf("number it %d", want)
			if i+1 < len(l.Steps) {
				renumber += " and the steps after it in turn"
			}
			switch {
			case !l.Written[i-l.Before] || st.Number == want:
			case at[st.Number] > 0:
				p.Reportf(SeverityError, l.Method, st.Line, "two steps are numbered %d: line %d and line %d; %s", st.Number, at[st.Number], st.Line, renumber)
			case i > 0 && st.Number > want:
				// The reader sees the gap as written: a step is missing, or the
				// number is wrong.
				prev := l.Steps[i-1]
				p.Reportf(SeverityError, l.Method, st.Line, "step %d is missing: step %d (line %d) is followed by step %d; %s", want, prev.Number, prev.Line, st.Number, renumber)
			}
			at[st.Number] = st.Line
		}
	}
}
