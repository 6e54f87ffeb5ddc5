package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	embedded "github.com/guidewalk/guidewalk/features"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/steps"
)

const checkArgs = "[--format text|json|sarif|markdown|diff|suggestions] [--fail-on error|warning|notice] [--fix] [--disable RULE,...] [--new-from-rev REV] [--features DIR] [--sitevars name=value,...] PATH..."

// check reads every guide of the paths given (files, or directories walked
// for guides) and reports what is wrong in them, with nothing that needs a
// container. It never stops at a guide it cannot read: what it cannot read
// is a notice. Exit 1 when a finding is at or above --fail-on, 2 only for a
// usage error.
func check(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("check", checkArgs, stderr)
	format := flags.String("format", "text", "text (file:line: severity: message), json, sarif (SARIF 2.1.0), markdown (one table row per guide) diff (the fixes as a unified diff) or suggestions (the fixes as pull request review comments, JSON lines)")
	fix := flags.Bool("fix", false, "apply the fixes of the findings that have one to the guides in place, then report what is left")
	disable := flags.String("disable", "", "rules not to report, comma-separated (guidewalk rules lists them)")
	failOn := flags.String("fail-on", "error", "the least severity that makes the exit status 1: error, warning or notice")
	featuresDir := flags.String("features", "", "the feature files' root, one folder per guide title (default the features built into guidewalk)")
	newFromRev := flags.String("new-from-rev", "", "only the findings REV's version of each guide does not have, e.g. a pull request's base commit (see guidewalk history)")
	sitevars := sitevarsFlag(flags)
	paths, err := parse(flags, args)
	if err != nil {
		return flagStatus(err)
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "guidewalk check: "+format+"\n", args...)
		return exitUsage
	}
	if len(paths) == 0 {
		flags.Usage()
		return usageErr("no PATH: name guides or folders holding them")
	}
	threshold, err := lint.ParseSeverity(*failOn)
	if err != nil {
		return usageErr("--fail-on: %v", err)
	}
	write, ok := formats[*format]
	switch *format {
	case "diff":
		write, ok = diffReport, true
	case "suggestions":
		write, ok = suggestionsReport, true
	}
	if !ok {
		return usageErr("--format %q: want text, json, sarif, markdown or diff", *format)
	}
	var disabled []string
	for _, name := range strings.Split(*disable, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		if _, ok := lint.RuleNamed(name); !ok {
			return usageErr("--disable: no rule %q (guidewalk rules lists them)", name)
		}
		disabled = append(disabled, name)
	}
	vars, err := guide.ParseSitevars(*sitevars)
	if err != nil {
		return usageErr("--sitevars: %v", err)
	}
	featureFS, featureRoot, err := featuresAt(*featuresDir)
	if err != nil {
		return usageErr("%v", err)
	}
	files, err := guidesIn(paths)
	if err != nil {
		return usageErr("%v", err)
	}

	opts := lint.Options{Sitevars: vars, Disable: disabled}
	// A pull request is judged by what it adds: the findings REV has too
	// are left out, of the report and of --fix.
	checkAll := func() (checkReport, error) {
		r := checkGuides(files, opts, featureFS, featureRoot)
		if *newFromRev != "" {
			if err := onlyNew(&r, *newFromRev, opts); err != nil {
				return r, fmt.Errorf("--new-from-rev: %v", err)
			}
		}
		return r, nil
	}
	r, err := checkAll()
	if err != nil {
		return usageErr("%v", err)
	}
	if *fix {
		fixed, err := fixReports(r, true)
		n := 0
		for _, fg := range fixed {
			n += len(fg.Applied)
			fmt.Fprintf(stderr, "guidewalk check: fixed %s in %s\n", plural(len(fg.Applied), "line"), fg.path)
		}
		if err != nil {
			return usageErr("--fix: %v", err)
		}
		fmt.Fprintf(stderr, "guidewalk check: --fix changed %s in %s; what is left:\n", plural(n, "line"), plural(len(fixed), "guide"))
		if r, err = checkAll(); err != nil {
			return usageErr("%v", err)
		}
	}
	if err := write(stdout, r); err != nil {
		return usageErr("writing the report: %v", err)
	}
	if steps.OnGitHub() && *format == "text" {
		annotate(stdout, r)
		if err := steps.AppendSummary(markdownReport(r)); err != nil {
			fmt.Fprintf(stderr, "guidewalk check: step summary: %v\n", err)
		}
	}
	for _, g := range r.Guides {
		for _, f := range g.Findings {
			if f.Severity >= threshold {
				return exitFindings
			}
		}
	}
	return exitOK
}

func embeddedFS() fs.FS { return embedded.FS }

// featuresAt is the features --features names: a folder, or, when it names
// none, the features built into guidewalk.
func featuresAt(dir string) (fs.FS, string, error) {
	if dir == "" {
		return embeddedFS(), embedded.Root, nil
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, "", fmt.Errorf("--features %s: no such folder", dir)
	}
	return os.DirFS(dir), dir, nil
}

// guidesIn lists the guides of the paths: a file is a guide; a folder holds
// the Markdown files under it that open with front matter, but for the
// docs' section pages (_index.md). A path that does not exist is a usage
// error. A guide named twice (a guide and its folder) is read once.
func guidesIn(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("no such guide or folder: %s", p)
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}

		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || filepath.Ext(path) != ".md" || d.Name() == "_index.md" || !opensWithFrontMatter(path) {
				return nil
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	seen := map[string]bool{}
	return slices.DeleteFunc(files, func(f string) bool {
		abs, _ := filepath.Abs(f)
		dup := seen[abs]
		seen[abs] = true
		return dup
	}), nil
}

func opensWithFrontMatter(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	return strings.HasPrefix(string(head[:n]), "---")
}

// checkReport is what check found, guide by guide.
type checkReport struct {
	Guides []guideReport `json:"guides"`
	Counts counts        `json:"counts"`
}

type counts struct {
	Guides   int `json:"guides"`
	Verified int `json:"verified"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notices  int `json:"notices"`
}

// guideReport is one guide: whether a browser run verifies it, and what is
// wrong in it.
type guideReport struct {
	Path     string         `json:"path"`
	Title    string         `json:"title"`
	Verified bool           `json:"verified"`           // a feature of guidewalk transcribes it: the browser run verifies it
	Features []string       `json:"features,omitempty"` // the feature files chosen for it
	Coverage []string       `json:"coverage,omitempty"` // where the chosen feature's transcription and the guide part
	Methods  []string       `json:"methods"`            // the configuration methods read, by label
	Findings []lint.Finding `json:"findings"`

	g *guide.Guide
}

// checkGuides checks the guides side by side, one per core.
func checkGuides(files []string, o lint.Options, featureFS fs.FS, featureRoot string) checkReport {
	r := checkReport{Guides: make([]guideReport, len(files))}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				r.Guides[i] = checkGuide(files[i], o, featureFS, featureRoot)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, g := range r.Guides {
		r.Counts.Guides++
		if g.Verified {
			r.Counts.Verified++
		}
		n := lint.Count(g.Findings)
		r.Counts.Errors += n[lint.SeverityError]
		r.Counts.Warnings += n[lint.SeverityWarning]
		r.Counts.Notices += n[lint.SeverityNotice]
	}
	return r
}

func checkGuide(path string, o lint.Options, featureFS fs.FS, featureRoot string) guideReport {
	g, found, err := lint.Check(path, o)
	if err != nil {
		return guideReport{Path: path, Findings: []lint.Finding{{Path: path, Line: 1, Severity: lint.SeverityNotice, Rule: lint.RuleUnread, Message: err.Error()}}}
	}
	gr := guideReport{Path: path, Title: g.Title, Findings: found, Methods: []string{}, g: g}
	if gr.Findings == nil {
		gr.Findings = []lint.Finding{}
	}
	for _, m := range g.Methods {
		gr.Methods = append(gr.Methods, m.Label())
	}
	choice, err := steps.FeaturesForFS(g, featureFS, featureRoot)
	switch {
	case errors.Is(err, steps.ErrNoFeature):
	case err != nil:
		gr.Coverage = []string{err.Error()}
	default:
		gr.Features = choice.Paths
		for _, f := range choice.Findings {
			gr.Coverage = append(gr.Coverage, f.Error())
		}
		gr.Verified = len(choice.Findings) == 0
	}
	return gr
}

// header says what was checked in a one-guide run, so a finding-free run
// still shows the guide was understood: its versions, methods and feature.
func header(w io.Writer, gr guideReport) {
	g := gr.g
	fmt.Fprintf(w, "guide:    %s\n", gr.Path)
	if g == nil {
		return
	}
	fmt.Fprintf(w, "title:    %s\n", g.Title)
	var vs []string
	for _, v := range g.TestedVersions {
		vs = append(vs, strings.TrimSpace(fmt.Sprintf("%s %s", v.Product, v.Version))+fmt.Sprintf(" (line %d)", v.Line))
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
	fmt.Fprintf(w, "verified in a browser: %s\n", yesNo(gr.Verified))
	if len(gr.Features) > 0 {
		fmt.Fprintf(w, "feature:  %s\n", strings.Join(gr.Features, ", "))
	}
	for _, c := range gr.Coverage {
		fmt.Fprintf(w, "coverage: %s\n", c)
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, "; ")
}

// loadGuide reads the guide as the suite does (steps.LoadGuide), with the
// site variables given rather than $GUIDEWALK_SITEVARS's.
func loadGuide(path, sitevars string) (*guide.Guide, error) {
	vars, err := guide.ParseSitevars(sitevars)
	if err != nil {
		return nil, err
	}
	return steps.ReadGuide(path, vars)
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
