package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/replay"
)

const historyArgs = "[--since DATE] [--first-parent] [--format text|json|markdown] [--severity error|warning|notice] [--sitevars name=value,...] PATH..."

// history replays the git history of the guides under the paths, in the
// work tree it runs in, and reports each distinct finding once: the commit
// that brought it, the commit that fixed it (or removed its guide), or that
// it is still open.
func history(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("history", historyArgs, stderr)
	since := flags.String("since", "", `only the commits after this date, as git reads it ("2024-06-01", "1 year ago")`)
	firstParent := flags.Bool("first-parent", false, "only the mainline: the first parent of each merge")
	format := flags.String("format", "text", "text, json or markdown (a table to paste into an issue)")
	severity := flags.String("severity", "error", "the least severity of the findings followed: error, warning or notice")
	sitevars := sitevarsFlag(flags)
	paths, err := parse(flags, args)
	if err != nil {
		return flagStatus(err)
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "guidewalk history: "+format+"\n", args...)
		return exitUsage
	}
	if len(paths) == 0 {
		flags.Usage()
		return usageErr("no PATH: name guides or folders holding them")
	}
	least, err := lint.ParseSeverity(*severity)
	if err != nil {
		return usageErr("--severity: %v", err)
	}
	write, ok := historyFormats[*format]
	if !ok {
		return usageErr("--format %q: want text, json or markdown", *format)
	}
	vars, err := guide.ParseSitevars(*sitevars)
	if err != nil {
		return usageErr("--sitevars: %v", err)
	}
	top, err := replay.Git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		return usageErr("not in a git work tree: %v", err)
	}
	rel, err := repoPaths(top, paths)
	if err != nil {
		return usageErr("%v", err)
	}
	o := lint.Options{Sitevars: vars}
	r, err := replay.Run(top, rel, replay.Options{
		Since:       *since,
		FirstParent: *firstParent,
		Check: func(path string, src []byte, tree fs.FS) []lint.Finding {
			o := o
			o.Tree = tree
			_, found := lint.Read(path, src, o)
			kept := found[:0]
			for _, f := range found {
				if f.Severity >= least {
					kept = append(kept, f)
				}
			}
			return kept
		},
	})
	if err != nil {
		fmt.Fprintf(stderr, "guidewalk history: %v\n", err)
		return exitFindings
	}
	if err := write(stdout, r); err != nil {
		return usageErr("writing the report: %v", err)
	}
	return exitOK
}

// repoPaths is each path relative to the repository's root top, in git's
// form (slashes); a path the work tree no longer has is taken as written.
func repoPaths(top string, paths []string) ([]string, error) {
	root, err := filepath.EvalSymlinks(top)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		} else if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
			abs = filepath.Join(dir, filepath.Base(abs))
		}
		r, err := filepath.Rel(root, abs)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s is outside the repository %s", p, top)
		}
		if r == "." {
			r = ""
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out, nil
}

var historyFormats = map[string]func(io.Writer, *replay.Result) error{
	"text":     historyText,
	"json":     historyJSON,
	"markdown": historyMarkdown,
}

func short(h string) string { return h[:min(len(h), 10)] }

func day(t time.Time) string { return t.Format("2006-01-02") }

// historySummary is the one line that says what the history holds.
func historySummary(r *replay.Result) string {
	s := r.Summary
	fixed := plural(s.Fixed, "fixed later by an edit")
	if s.Fixed > 0 {
		fixed = fmt.Sprintf("%d fixed later by an edit (median %s, longest %s)", s.Fixed, daysText(s.MedianFixedDays), daysText(s.LongestFixDays))
	} else {
		fixed = "0 fixed later by an edit"
	}
	line := fmt.Sprintf("history: %s, %s, %d distinct findings: %s", plural(r.Commits, "commit"), plural(r.Guides, "guide"), s.Distinct, fixed)
	if s.Changed > 0 {
		line += fmt.Sprintf(", %d changed form in an edit", s.Changed)
	}
	if s.Removed > 0 {
		line += fmt.Sprintf(", %d gone with their guide", s.Removed)
	}
	return line + fmt.Sprintf(", %d open", s.Open)
}

func daysText(d float64) string {
	if d < 1 {
		return "under a day"
	}
	return plural(int(d+0.5), "day")
}

func commitText(c replay.Commit) string {
	return fmt.Sprintf("%s %s %q", short(c.Hash), day(c.Date), c.Subject)
}

// historyText: one block per finding, in the order they entered, then the
// summary.
func historyText(w io.Writer, r *replay.Result) error {
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s:%d: %s: %s: %s\n", f.Seen.Path, f.Seen.Line, f.Severity, f.Rule, f.Message)
		entered := "entered"
		if f.AtStart {
			entered = "there at"
		}
		fmt.Fprintf(w, "    %-8s %s (%s:%d)\n", entered, commitText(f.Entered), f.At.Path, f.At.Line)
		switch f.Status {
		case replay.Open:
			fmt.Fprintf(w, "    %-8s for %s\n", "open", daysText(f.Days))
		default:
			fmt.Fprintf(w, "    %-8s %s after %s\n", f.Status, commitText(*f.Left), daysText(f.Days))
		}
	}
	if r.First != nil {
		fmt.Fprintf(w, "commits %s (%s) to %s (%s); %d guide versions checked\n", short(r.First.Hash), day(r.First.Date), short(r.Last.Hash), day(r.Last.Date), r.Versions)
	}
	_, err := fmt.Fprintln(w, historySummary(r))
	return err
}

func historyJSON(w io.Writer, r *replay.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// historyMarkdown is a table a maintainer can paste into an issue.
func historyMarkdown(w io.Writer, r *replay.Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## guidewalk history\n\n%s.\n\n", historySummary(r))
	b.WriteString("| Guide | Rule | Finding | Entered | Left | Days |\n| --- | --- | --- | --- | --- | ---: |\n")
	cm := func(c replay.Commit) string {
		return fmt.Sprintf("`%s` %s %s", short(c.Hash), day(c.Date), cell(c.Subject))
	}
	for _, f := range r.Findings {
		entered := cm(f.Entered)
		if f.AtStart {
			entered = "there at " + entered
		}
		left := "open"
		if f.Left != nil {
			left = string(f.Status) + ": " + cm(*f.Left)
		}
		fmt.Fprintf(&b, "| `%s`:%d | %s %s | %s | %s | %s | %d |\n", cell(f.Seen.Path), f.Seen.Line, f.Severity, f.Rule, cell(f.Message), entered, left, int(f.Days+0.5))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
