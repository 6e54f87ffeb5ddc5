package lint

import "strings"

// Fixed is a guide's text once the fixes of its findings are applied, as
// check --fix writes it and --format diff shows it.
type Fixed struct {
	Old, New   []string // lines, without their line ends
	EOL        string   // "\n" or "\r\n"
	FinalEOL   bool
	Applied    []Fix
	NotApplied []Fix // a second fix of a line already fixed
}

// ApplyFixes applies to src the fixes of its findings, each once; a fix
// whose line no longer reads as it expects (another fix changed it) is
// applied where its change is, if it is there once, else left.
func ApplyFixes(src []byte, findings []Finding) *Fixed {
	text := string(src)
	fg := &Fixed{EOL: "\n"}
	if strings.Contains(text, "\r\n") {
		fg.EOL = "\r\n"
	}
	fg.FinalEOL = strings.HasSuffix(text, fg.EOL)
	fg.Old = strings.Split(strings.TrimSuffix(text, fg.EOL), fg.EOL)
	fg.New = append([]string(nil), fg.Old...)
	for _, f := range findings {
		fx := f.Fix
		if fx == nil || fx.Line < 1 || fx.Line > len(fg.New) {
			continue
		}
		cur := fg.New[fx.Line-1]
		switch {
		case cur == fx.New:
		case cur == fx.Old:
			fg.New[fx.Line-1] = fx.New
			fg.Applied = append(fg.Applied, *fx)
		default:
			// Another fix changed the line (two broken links on one line):
			// apply this one's change where it is, if it is there once.
			if merged, ok := rebase(cur, *fx); ok {
				fg.New[fx.Line-1] = merged
				fg.Applied = append(fg.Applied, *fx)
			} else {
				fg.NotApplied = append(fg.NotApplied, *fx)
			}
		}
	}
	return fg
}

// rebase applies fx's change (what differs between its Old and New, past
// their common start and end) to cur, when cur holds the old part once.
func rebase(cur string, fx Fix) (string, bool) {
	p := 0
	for p < len(fx.Old) && p < len(fx.New) && fx.Old[p] == fx.New[p] {
		p++
	}
	q := 0
	for q < len(fx.Old)-p && q < len(fx.New)-p && fx.Old[len(fx.Old)-1-q] == fx.New[len(fx.New)-1-q] {
		q++
	}
	// Widen the changed part to whole words so it is found in its place.
	for p > 0 && !strings.ContainsRune(" \t([`'\"", rune(fx.Old[p-1])) {
		p--
	}
	for q > 0 && !strings.ContainsRune(" \t)]`'\"", rune(fx.Old[len(fx.Old)-q])) {
		q--
	}
	from, to := fx.Old[p:len(fx.Old)-q], fx.New[p:len(fx.New)-q]
	if from == "" || strings.Count(cur, from) != 1 {
		return "", false
	}
	return strings.Replace(cur, from, to, 1), true
}

// Bytes is the fixed text, with the guide's line ends.
func (fg *Fixed) Bytes() []byte {
	s := strings.Join(fg.New, fg.EOL)
	if fg.FinalEOL {
		s += fg.EOL
	}
	return []byte(s)
}
