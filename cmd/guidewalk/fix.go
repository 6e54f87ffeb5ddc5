package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/steps"
)

// fixedGuide is a guide's text once its findings' fixes are applied.
type fixedGuide struct {
	path       string
	old, new   []string // lines, without their line ends
	eol        string   // "\n" or "\r\n"
	finalEOL   bool
	fixed      []lint.Fix
	notApplied []lint.Fix // a second fix of a line already fixed
}

// applyFixes applies to a guide the fixes of its findings, each once; a fix
// whose line no longer reads as it expects (another fix changed it) is left.
func applyFixes(g guideReport) (*fixedGuide, error) {
	src, err := os.ReadFile(g.Path)
	if err != nil {
		return nil, err
	}
	text := string(src)
	fg := &fixedGuide{path: g.Path, eol: "\n"}
	if strings.Contains(text, "\r\n") {
		fg.eol = "\r\n"
	}
	fg.finalEOL = strings.HasSuffix(text, fg.eol)
	fg.old = strings.Split(strings.TrimSuffix(text, fg.eol), fg.eol)
	fg.new = append([]string(nil), fg.old...)
	for _, f := range g.Findings {
		fx := f.Fix
		if fx == nil || fx.Line < 1 || fx.Line > len(fg.new) {
			continue
		}
		cur := fg.new[fx.Line-1]
		switch {
		case cur == fx.New:
		case cur == fx.Old:
			fg.new[fx.Line-1] = fx.New
			fg.fixed = append(fg.fixed, *fx)
		default:
			// Another fix changed the line (two broken links on one line):
			// apply this one's change where it is, if it is there once.
			if merged, ok := rebase(cur, *fx); ok {
				fg.new[fx.Line-1] = merged
				fg.fixed = append(fg.fixed, *fx)
			} else {
				fg.notApplied = append(fg.notApplied, *fx)
			}
		}
	}
	return fg, nil
}

// rebase applies fx's change (what differs between its Old and New, past
// their common start and end) to cur, when cur holds the old part once.
func rebase(cur string, fx lint.Fix) (string, bool) {
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

func (fg *fixedGuide) bytes() []byte {
	s := strings.Join(fg.new, fg.eol)
	if fg.finalEOL {
		s += fg.eol
	}
	return []byte(s)
}

// fixReports applies the fixes of every guide of the report; write says
// whether the guides are written back.
func fixReports(r checkReport, write bool) ([]*fixedGuide, error) {
	var out []*fixedGuide
	for _, g := range r.Guides {
		fg, err := applyFixes(g)
		if err != nil {
			return out, err
		}
		if len(fg.fixed) == 0 {
			continue
		}
		if write {
			st, err := os.Stat(g.Path)
			if err != nil {
				return out, err
			}
			if err := os.WriteFile(g.Path, fg.bytes(), st.Mode().Perm()); err != nil {
				return out, err
			}
		}
		out = append(out, fg)
	}
	return out, nil
}

// diffReport is the fixes as a unified diff (git apply, patch -p1), three
// lines of context; a fix replaces one line, so hunks keep their length.
func diffReport(w io.Writer, r checkReport) error {
	fixed, err := fixReports(r, false)
	if err != nil {
		return err
	}
	for _, fg := range fixed {
		writeDiff(w, steps.RepoPath(fg.path), fg.old, fg.new)
	}
	return nil
}

func writeDiff(w io.Writer, name string, old, new []string) {
	name = strings.TrimPrefix(name, "./")
	fmt.Fprintf(w, "--- a/%s\n+++ b/%s\n", name, name)
	const ctx = 3
	var changed []int
	for i := range old {
		if old[i] != new[i] {
			changed = append(changed, i)
		}
	}
	// A fix may put several lines for one (an Assumption added below
	// another): shift is how many lines the new file has gained so far.
	shift := 0
	for k := 0; k < len(changed); {
		from := max(changed[k]-ctx, 0)
		end := k
		for end+1 < len(changed) && changed[end+1]-changed[end] <= 2*ctx {
			end++
		}
		to := min(changed[end]+ctx+1, len(old))
		var body strings.Builder
		newLen := 0
		for i := from; i < to; i++ {
			if old[i] == new[i] {
				fmt.Fprintf(&body, " %s\n", old[i])
				newLen++
				continue
			}
			fmt.Fprintf(&body, "-%s\n", old[i])
			for _, l := range strings.Split(new[i], "\n") {
				fmt.Fprintf(&body, "+%s\n", l)
				newLen++
			}
		}
		fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@\n%s", from+1, to-from, from+1+shift, newLen, body.String())
		shift += newLen - (to - from)
		k = end + 1
	}
}

// suggestion is one pull request review comment that offers a fix as a
// GitHub suggested change (POST /repos/{owner}/{repo}/pulls/{n}/comments).
type suggestion struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Side string `json:"side"`
	Body string `json:"body"`
}

// suggestionsReport writes one suggestion a line (JSON lines), for each
// finding with a fix: the action posts each with the pull request's token.
func suggestionsReport(w io.Writer, r checkReport) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, g := range r.Guides {
		for _, f := range g.Findings {
			if f.Fix == nil {
				continue
			}
			body := fmt.Sprintf("**guidewalk** %s (`%s`): %s\n\n```suggestion\n%s\n```\n", f.Severity, f.Rule, f.Message, f.Fix.New)
			s := suggestion{Path: strings.TrimPrefix(steps.RepoPath(g.Path), "./"), Line: f.Fix.Line, Side: "RIGHT", Body: body}
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
	}
	return nil
}
