package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
)

// check runs every check of a guide that needs no container: the guide's
// own consistency (YAML, digest, methods against Assumptions) and the
// transcription of the feature chosen for it.
func check(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "[--features DIR] [--sitevars name=value,...] GUIDE", stderr)
	features := fs.String("features", "features", "the feature files' root, one folder per guide title (features/minio for \"MinIO\")")
	sitevars := sitevarsFlag(fs)
	g, status, ok := readGuide(fs, args, sitevars, stderr)
	if !ok {
		return status
	}
	if os.Getenv(steps.FeaturesVar) == "" {
		if st, err := os.Stat(*features); err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "guidewalk check: no features folder at %s: run inside the guidewalk repository or pass --features DIR\n", *features)
			return exitUsage
		}
	}

	header(stdout, g)
	findings := g.Consistency()
	choice, err := steps.FeaturesFor(g, *features)
	if err != nil {
		findings = append(findings, err)
	} else {
		fmt.Fprintf(stdout, "feature:  %s\n", strings.Join(choice.Paths, ", "))
		for _, o := range choice.Others {
			fmt.Fprintf(stdout, "          (not chosen: %s)\n", o)
		}
		findings = append(findings, choice.Findings...)
	}
	for _, f := range findings {
		fmt.Fprintln(stdout, f)
	}
	if steps.OnGitHub() {
		githubCheck(stdout, stderr, g, findings)
	}
	if len(findings) > 0 {
		fmt.Fprintf(stdout, "guidewalk check: %d finding(s) in %s\n", len(findings), g.Path)
		return exitFindings
	}
	fmt.Fprintf(stdout, "guidewalk check: no finding in %s\n", g.Path)
	return exitOK
}

// loadGuide reads the guide as the suite does (steps.LoadGuide), with the
// site variables given rather than $GUIDEWALK_SITEVARS's.
func loadGuide(path, sitevars string) (*guide.Guide, error) {
	vars, err := guide.ParseSitevars(sitevars)
	if err != nil {
		return nil, err
	}
	return guide.LoadWith(path, guide.Options{Sitevars: vars})
}

// header says what was checked, so a finding-free run still shows that the
// guide was understood: its versions, methods and the feature chosen.
func header(w io.Writer, g *guide.Guide) {
	fmt.Fprintf(w, "guide:    %s\n", g.Path)
	fmt.Fprintf(w, "title:    %s\n", g.Title)
	var vs []string
	for _, v := range g.TestedVersions {
		vs = append(vs, fmt.Sprintf("%s %s (line %d)", v.Product, v.Version, v.Line))
	}
	fmt.Fprintf(w, "tested:   %s\n", orNone(vs))
	var ms []string
	for _, m := range g.Methods {
		ms = append(ms, fmt.Sprintf("%s (%s, line %d)", m.Label(), m.Kind, m.Line))
	}
	fmt.Fprintf(w, "methods:  %s\n", orNone(ms))
	if len(g.Sitevars) > 0 {
		var sv []string
		for k, v := range g.Sitevars {
			sv = append(sv, k+"="+v)
		}
		slices.Sort(sv)
		fmt.Fprintf(w, "sitevars: %s\n", strings.Join(sv, ", "))
	}
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, "; ")
}

// findingAt is how every finding starts: "path:line: message".
var findingAt = regexp.MustCompile(`^(.+?):(\d+): (?s:(.*))$`)

// located splits a finding into its file, line and message; a finding
// without a line is the whole message.
func located(s string) (string, int, string) {
	m := findingAt.FindStringSubmatch(s)
	if m == nil {
		return "", 0, s
	}
	n, _ := strconv.Atoi(m[2])
	return m[1], n, m[3]
}

// githubCheck annotates each finding's line and sums the check up in the
// job's step summary, where a reviewer looks first.
func githubCheck(stdout, stderr io.Writer, g *guide.Guide, findings []error) {
	var b strings.Builder
	fmt.Fprintf(&b, "## guidewalk check: %s\n\nGuide: `%s`\n\n", g.Title, steps.RepoPath(g.Path))
	if len(findings) == 0 {
		b.WriteString("No finding: the guide agrees with itself and its feature transcribes it.\n")
	}
	for _, f := range findings {
		p, line, msg := located(f.Error())
		steps.Annotate(stdout, "error", p, line, "guidewalk check", msg)
		if p != "" {
			fmt.Fprintf(&b, "- `%s:%d`: %s\n", steps.RepoPath(p), line, strings.Join(strings.Fields(msg), " "))
		} else {
			fmt.Fprintf(&b, "- %s\n", strings.Join(strings.Fields(msg), " "))
		}
	}
	b.WriteString("\n")
	if err := steps.AppendSummary(b.String()); err != nil {
		fmt.Fprintf(stderr, "guidewalk check: step summary: %v\n", err)
	}
}

// readGuide parses the flags and the one GUIDE argument and reads the guide
// with the site variables; on failure it has said why and returns the exit
// status.
func readGuide(fs *flag.FlagSet, args []string, sitevars *string, stderr io.Writer) (*guide.Guide, int, bool) {
	pos, err := parse(fs, args)
	if err != nil {
		return nil, flagStatus(err), false
	}
	path, ok := oneGuide(fs, pos, stderr)
	if !ok {
		return nil, exitUsage, false
	}
	g, err := loadGuide(path, *sitevars)
	if err != nil {
		fmt.Fprintf(stderr, "guidewalk %s: %v\n", fs.Name(), err)
		return nil, exitUsage, false
	}
	return g, exitOK, true
}
