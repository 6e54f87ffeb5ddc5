package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/steps"
)

// formats write a check report, by --format name.
var formats = map[string]func(io.Writer, checkReport) error{
	"text":     textReport,
	"json":     jsonReport,
	"sarif":    sarifReport,
	"markdown": func(w io.Writer, r checkReport) error { _, err := io.WriteString(w, markdownReport(r)); return err },
}

// textReport is the linters' form, "file:line: severity: message", then the
// counts; a run over one guide first says what it read.
func textReport(w io.Writer, r checkReport) error {
	for _, g := range r.Guides {
		if len(r.Guides) == 1 {
			header(w, g)
		}
		for _, f := range g.Findings {
			fmt.Fprintln(w, f)
		}
	}
	c := r.Counts
	if c.Errors+c.Warnings+c.Notices == 0 {
		_, err := fmt.Fprintf(w, "guidewalk check: no finding in %s (%d verified in a browser)\n", plural(c.Guides, "guide"), c.Verified)
		return err
	}
	_, err := fmt.Fprintf(w, "guidewalk check: %s read (%d verified in a browser): %s, %s, %s\n", plural(c.Guides, "guide"), c.Verified,
		plural(c.Errors, "error"), plural(c.Warnings, "warning"), plural(c.Notices, "notice"))
	return err
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func jsonReport(w io.Writer, r checkReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// markdownReport is one table row per guide, for $GITHUB_STEP_SUMMARY.
func markdownReport(r checkReport) string {
	var b strings.Builder
	c := r.Counts
	fmt.Fprintf(&b, "## guidewalk check\n\n%s read, %d verified in a browser: %s, %s, %s.\n\n", plural(c.Guides, "guide"), c.Verified,
		plural(c.Errors, "error"), plural(c.Warnings, "warning"), plural(c.Notices, "notice"))
	b.WriteString("| Guide | Verified in a browser | Errors | Warnings | Notices | Findings |\n| --- | --- | ---: | ---: | ---: | --- |\n")
	for _, g := range r.Guides {
		n := lint.Count(g.Findings)
		var fs []string
		for _, f := range g.Findings {
			fs = append(fs, fmt.Sprintf("line %d: %s: %s", f.Line, f.Severity, cell(f.Message)))
		}
		name := g.Title
		if name == "" {
			name = g.Path
		}
		fmt.Fprintf(&b, "| %s (`%s`) | %s | %d | %d | %d | %s |\n", cell(name), cell(steps.RepoPath(g.Path)), yesNo(g.Verified),
			n[lint.SeverityError], n[lint.SeverityWarning], n[lint.SeverityNotice], strings.Join(fs, "<br>"))
	}
	b.WriteString("\n")
	return b.String()
}

func cell(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "|", `\|`)
}

// annotate pins each finding to its line on GitHub.
func annotate(w io.Writer, r checkReport) {
	for _, g := range r.Guides {
		for _, f := range g.Findings {
			steps.Annotate(w, f.Severity.String(), f.Path, f.Line, "guidewalk check: "+f.Rule, f.Message)
		}
	}
}

// ruleHelp is a rule's one line of documentation, for SARIF's rule
// metadata.
func ruleHelp(id string) string {
	if r, ok := lint.RuleNamed(id); ok {
		return r.Doc
	}
	return id
}

// sarifReport writes SARIF 2.1.0, which GitHub code scanning shows on the
// pull request's lines. Paths are relative to the repository.
func sarifReport(w io.Writer, r checkReport) error {
	type text struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID                   string `json:"id"`
		ShortDescription     text   `json:"shortDescription"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI       string `json:"uri"`
				URIBaseID string `json:"uriBaseId,omitempty"`
			} `json:"artifactLocation"`
			Region struct {
				StartLine int `json:"startLine"`
			} `json:"region"`
		} `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   text       `json:"message"`
		Locations []location `json:"locations"`
		Fixes     []any      `json:"fixes,omitempty"`
	}
	var ids []string
	for _, g := range r.Guides {
		for _, f := range g.Findings {
			if !slices.Contains(ids, f.Rule) {
				ids = append(ids, f.Rule)
			}
		}
	}
	slices.Sort(ids)
	rules := make([]rule, len(ids))
	for i, id := range ids {
		rules[i].ID, rules[i].ShortDescription.Text = id, ruleHelp(id)
		rules[i].DefaultConfiguration.Level = "error"
		if r, ok := lint.RuleNamed(id); ok {
			rules[i].DefaultConfiguration.Level = sarifLevel(r.Severity)
		}
	}
	results := []result{}
	for _, g := range r.Guides {
		uri := steps.RepoPath(g.Path)
		for _, f := range g.Findings {
			res := result{RuleID: f.Rule, RuleIndex: slices.Index(ids, f.Rule), Level: sarifLevel(f.Severity), Message: text{f.Message}}
			var loc location
			loc.PhysicalLocation.ArtifactLocation.URI = strings.TrimPrefix(uri, "./")
			if !strings.HasPrefix(uri, "/") {
				loc.PhysicalLocation.ArtifactLocation.URIBaseID = "%SRCROOT%"
			} else {
				loc.PhysicalLocation.ArtifactLocation.URI = "file://" + uri
			}
			loc.PhysicalLocation.Region.StartLine = max(f.Line, 1)
			res.Locations = []location{loc}
			if f.Fix != nil {
				res.Fixes = []any{sarifFix(loc.PhysicalLocation.ArtifactLocation, f.Fix)}
			}
			results = append(results, res)
		}
	}
	doc := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "guidewalk",
				"informationUri": "https://github.com/guidewalk/guidewalk",
				"rules":          rules,
			}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// sarifFix replaces the finding's line whole: the deleted region is the
// line's text, the inserted content the fixed line.
func sarifFix(artifact any, f *lint.Fix) map[string]any {
	return map[string]any{
		"description": map[string]any{"text": "replace line " + fmt.Sprint(f.Line) + " with: " + strings.TrimSpace(f.New)},
		"artifactChanges": []any{map[string]any{
			"artifactLocation": artifact,
			"replacements": []any{map[string]any{
				"deletedRegion":   map[string]any{"startLine": f.Line, "startColumn": 1, "endLine": f.Line, "endColumn": len([]rune(f.Old)) + 1},
				"insertedContent": map[string]any{"text": f.New},
			}},
		}},
	}
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "note"
}
