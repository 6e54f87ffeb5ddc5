package guide

import (
	"fmt"
	"regexp"
	"strings"
)

// ProblemUnclosedFence is a code block never closed: the next block's
// opening fence stands inside it.
const ProblemUnclosedFence = "unclosed-fence"

// fenceLine says whether l is a fence of backticks or tildes (at most 3
// spaces or a list's indentation before it): its marker and info string.
func fenceLine(l string) (marker, info string, ok bool) {
	t := strings.TrimLeft(l, " \t")
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(t) && t[n] == c {
			n++
		}
		if n >= 3 {
			return t[:n], strings.TrimSpace(t[n:]), true
		}
	}
	return "", "", false
}

// closeUnclosedFences finds the code blocks left open: inside a block, a
// line that opens one (a fence with a language, "```yaml") means the block
// before was never closed, so Markdown reads on to the next bare fence and
// swallows what lies between. Lenient, the reading closes it where the
// prose before that fence starts (the blank line above that prose, which
// keeps every line number) so the blocks after it are still read, and says
// so as a Problem at the opening fence.
func (p *parser) closeUnclosedFences(body []byte) []byte {
	lines := strings.Split(string(body), "\n")
	changed := false
	open, marker := 0, ""
	for i := 0; i < len(lines); i++ {
		m, info, ok := fenceLine(lines[i])
		if !ok {
			continue
		}
		if open == 0 {
			open, marker = i+1, m
			continue
		}
		if m[0] != marker[0] || len(m) < len(marker) {
			continue
		}
		if info == "" {
			open = 0 // closed
			continue
		}
		// A fence with an info string inside the block: it opens the next.
		close := 0 // the first blank line before a heading or prose
		for j := open; j < i-1; j++ {
			if strings.TrimSpace(lines[j]) == "" && isProse(lines[j+1]) {
				close = j
				break
			}
		}
		msg := fmt.Sprintf("the code block opened at line %d is never closed: the fence at line %d (%s) opens the next block inside it, and everything between renders as code; close it with %s", open, i+1, strings.TrimSpace(lines[i]), marker)
		if close > 0 {
			msg += fmt.Sprintf(" before line %d", close+2)
			lines[close] = marker
			changed = true
		}
		p.g.Problems = append(p.g.Problems, Problem{Kind: ProblemUnclosedFence, Line: open, Message: msg})
		open, marker = i+1, m
	}
	if !changed {
		return body
	}
	return []byte(strings.Join(lines, "\n"))
}

// isProse: a line a reader reads as the page's, not as code: a heading,
// or a sentence (four words or more, not a key: value nor KEY=value).
func isProse(l string) bool {
	if l != strings.TrimLeft(l, " \t") {
		return false
	}
	if strings.HasPrefix(l, "#") {
		return strings.HasPrefix(strings.TrimLeft(l, "#"), " ")
	}
	if codeLikeRe.MatchString(l) || len(strings.Fields(l)) < 4 {
		return false
	}
	c := l[0]
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '['
}

var codeLikeRe = regexp.MustCompile(`^[\w.-]+\s*[:=]|[{};]\s*$`)
