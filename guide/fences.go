package guide

import (
	"regexp"
	"strings"
)

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

// UnclosedFence is a code block never closed: inside it, at Inner, a fence
// with an info string ("```yaml") opens the next block, so Markdown reads
// on to the next bare fence and swallows what lies between.
type UnclosedFence struct {
	Open, Inner int    // the lines of its opening fence and of the next block's
	Close       int    // the blank line before the first heading or prose after Open, where it ends; 0 when none
	Marker      string // its fence: "```"
}

// UnclosedFences are the code blocks of lines (a file's, 1-based) never
// closed.
func UnclosedFences(lines []string) []UnclosedFence {
	var out []UnclosedFence
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
		u := UnclosedFence{Open: open, Inner: i + 1, Marker: marker}
		for j := open; j < i-1; j++ {
			if strings.TrimSpace(lines[j]) == "" && isProse(lines[j+1]) {
				u.Close = j + 1
				break
			}
		}
		out = append(out, u)
		open, marker = i+1, m
	}
	return out
}

// closeUnclosedFences closes, for the lenient reading, each block never
// closed where its prose starts (a blank line becomes its fence, every line
// number kept), so the blocks after it are read; the checker reports it
// (lint's unclosed-fence).
func closeUnclosedFences(body []byte) []byte {
	lines := strings.Split(string(body), "\n")
	changed := false
	for _, u := range UnclosedFences(lines) {
		if u.Close > 0 {
			lines[u.Close-1] = u.Marker
			changed = true
		}
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
