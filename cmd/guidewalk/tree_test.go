package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/lint"
)

// docsTree is every client guide of Authelia's docs, read from ../shared
// beside the repository, never copied into it.
var docsTree = filepath.Join("..", "..", "..", "shared", "docs", "authelia-2026-05-26", "clients")

func treeReport(t *testing.T) checkReport {
	t.Helper()
	if _, err := os.Stat(docsTree); err != nil {
		t.Skipf("no docs tree at %s (../shared beside the repository): %v", docsTree, err)
	}
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GUIDEWALK_FEATURES", "")
	t.Setenv("GUIDEWALK_SITEVARS", "")
	var out, errOut bytes.Buffer
	code := run([]string{"check", "--format", "json", docsTree}, &out, &errOut)
	if code == exitUsage {
		t.Fatalf("check of the docs tree: a usage error:\n%s", errOut.String())
	}
	var r checkReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("the JSON report: %v\n%s", err, out.String())
	}
	return r
}

// TestCheckDocsTree: every guide of the tree is read; every finding names
// a line its file has; coverage is no finding.
func TestCheckDocsTree(t *testing.T) {
	r := treeReport(t)
	guides, _ := filepath.Glob(filepath.Join(docsTree, "*", "index.md"))
	if len(r.Guides) != len(guides) || len(guides) != 142 {
		t.Errorf("%d guides read, the tree has %d (142 expected)", len(r.Guides), len(guides))
	}
	t.Logf("%d guides, %d verified in a browser: %d errors, %d warnings, %d notices",
		r.Counts.Guides, r.Counts.Verified, r.Counts.Errors, r.Counts.Warnings, r.Counts.Notices)
	for _, g := range r.Guides {
		if g.Title == "" {
			t.Errorf("%s: no title read", g.Path)
		}
		src, err := os.ReadFile(g.Path)
		if err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, f := range g.Findings {
			if f.Path != g.Path || f.Line < 1 || f.Line > lines {
				t.Errorf("%s: finding at a line the file does not have (%d lines): %s", g.Path, lines, f)
			}
			if strings.Contains(f.Message, "no feature transcribes") {
				t.Errorf("coverage reported as a finding: %s", f)
			}
		}
	}
}

// TestCheckDocsTreeKnownFindings: the disagreements known to be in the tree
// are found, and the agreements known not to be wrong are not.
func TestCheckDocsTreeKnownFindings(t *testing.T) {
	r := treeReport(t)
	byGuide := map[string]guideReport{}
	for _, g := range r.Guides {
		byGuide[filepath.Base(filepath.Dir(g.Path))] = g
	}
	has := func(name, rule, sub string) bool {
		return slices.ContainsFunc(byGuide[name].Findings, func(f lint.Finding) bool {
			return f.Rule == rule && f.Severity == lint.SeverityError && strings.Contains(f.Message, sub)
		})
	}
	// SFTPGo's Docker Compose scopes lack sftpgo, which the client and the .env have.
	if !has("sftpgo", lint.RuleMethodDisagree, "SFTPGO_HTTPD__BINDINGS__0__OIDC__SCOPES=openid,profile,email,") {
		t.Errorf("sftpgo: the compose scopes are not reported: %v", byGuide["sftpgo"].Findings)
	}
	// Its config_url is the issuer: SFTPGo appends the discovery path.
	for _, f := range byGuide["sftpgo"].Findings {
		if f.Rule == lint.RuleProvider {
			t.Errorf("sftpgo: an issuer taken for a wrong URL: %s", f)
		}
	}
	if !has("gatus", lint.RuleIntroMethods, `"Environment Variables" nor "Web GUI"`) {
		t.Errorf("gatus: the introduction's methods are not reported: %v", byGuide["gatus"].Findings)
	}
	for _, name := range []string{"minio", "beszel"} {
		g := byGuide[name]
		if !g.Verified {
			t.Errorf("%s: not verified in a browser (coverage %q)", name, g.Coverage)
		}
		for _, f := range g.Findings {
			if f.Severity >= lint.SeverityWarning {
				t.Errorf("%s: %s", name, f)
			}
		}
	}
}

// BenchmarkCheckTree checks the whole docs tree, as a maintainer's run does.
func BenchmarkCheckTree(b *testing.B) {
	if _, err := os.Stat(docsTree); err != nil {
		b.Skipf("no docs tree at %s: %v", docsTree, err)
	}
	files, err := guidesIn([]string{docsTree})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r := checkGuides(files, lint.Options{}, embeddedFS(), "features")
		if r.Counts.Guides != len(files) {
			b.Fatal(r.Counts)
		}
	}
}
