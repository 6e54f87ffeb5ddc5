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
	path string
	*lint.Fixed
}

// applyFixes applies to a guide the fixes of its findings (lint.ApplyFixes).
func applyFixes(g guideReport) (*fixedGuide, error) {
	src, err := os.ReadFile(g.Path)
	if err != nil {
		return nil, err
	}
	return &fixedGuide{path: g.Path, Fixed: lint.ApplyFixes(src, g.Findings)}, nil
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
		if len(fg.Applied) == 0 {
			continue
		}
		if write {
			st, err := os.Stat(g.Path)
			if err != nil {
				return out, err
			}
			if err := os.WriteFile(g.Path, fg.Bytes(), st.Mode().Perm()); err != nil {
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
		writeDiff(w, steps.RepoPath(fg.path), fg.Old, fg.New)
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
