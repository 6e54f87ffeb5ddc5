package lint

import (
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleUnclosedFence: a code block never closed.
const RuleUnclosedFence = "unclosed-fence"

// unclosed-fence: the next block's opening fence stands inside a block,
// which Markdown reads on to the next bare fence. Reported at the opening
// fence, as itself, not only as the error its content causes further
// down; the reading closes it where the prose starts, so the blocks after
// it are still read and checked. The fix writes the closing fence there,
// on the blank line before that prose.
var _ = register(Rule{
	Name:     RuleUnclosedFence,
	Severity: SeverityError,
	Doc:      "a code block is never closed: the next block's opening fence stands inside it (the blocks after it are still read; fix: the closing fence before the prose)",
	Example:  "```` ```yaml ```` … no closing fence … the text, then ```` ```shell ````",
	Phase:    PhaseText,
	Run:      textRule(checkUnclosedFences),
})

func checkUnclosedFences(s *Source) []Finding {
	var out []Finding
	for _, u := range guide.UnclosedFences(s.Raw) {
		f := Finding{Line: u.Open, Severity: SeverityError, Rule: RuleUnclosedFence,
			Message: fmt.Sprintf("the code block opened at line %d is never closed: the fence at line %d (%s) opens the next block inside it, and everything between renders as code; close it with %s",
				u.Open, u.Inner, strings.TrimSpace(s.RawLine(u.Inner)), u.Marker)}
		if u.Close > 0 {
			f.Message += fmt.Sprintf(" before line %d", u.Close+1)
			f.Fix = &Fix{Line: u.Close, Old: s.RawLine(u.Close), New: u.Marker}
		}
		out = append(out, f)
	}
	return out
}
