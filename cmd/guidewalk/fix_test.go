package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/lint"
)

// copyTree copies the docs tree into a temp folder.
func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := t.TempDir()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

func checkJSON(t *testing.T, args ...string) checkReport {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(append([]string{"check", "--format", "json"}, args...), &out, &errOut); code == exitUsage {
		t.Fatalf("check %v: %s", args, errOut.String())
	}
	var r checkReport
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// key is a finding without its line numbers: a fix that adds a line moves
// the findings below it.
func key(f lint.Finding) string {
	return fmt.Sprintf("%s:%s:%s", f.Path, f.Rule, lineNumbers.ReplaceAllString(f.Message, "line N"))
}

var lineNumbers = regexp.MustCompile(`(line|lines) \d+|:\d+`)

// TestFixTree: on a copy of the docs tree, check --fix then check again:
// every fixed error is gone, no finding appears that was not there, and the
// files differ from the copy only at the lines the fixes named.
func TestFixTree(t *testing.T) {
	if _, err := os.Stat(docsTree); err != nil {
		t.Skipf("no docs tree: %v", err)
	}
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GUIDEWALK_FEATURES", "")
	dir := copyTree(t, docsTree)
	before := checkJSON(t, dir)
	seen, fixLines := map[string]bool{}, map[string]map[int]string{}
	var fixed []lint.Finding
	for _, g := range before.Guides {
		for _, f := range g.Findings {
			seen[key(f)] = true
			if f.Fix != nil {
				fixed = append(fixed, f)
				if fixLines[f.Path] == nil {
					fixLines[f.Path] = map[int]string{}
				}
				fixLines[f.Path][f.Fix.Line] = f.Fix.New
			}
		}
	}
	if len(fixed) == 0 {
		t.Fatal("no finding of the tree has a fix")
	}
	originals := map[string][]string{}
	for p := range fixLines {
		b, _ := os.ReadFile(p)
		originals[p] = strings.Split(string(b), "\n")
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"check", "--fix", dir}, &out, &errOut); code == exitUsage {
		t.Fatalf("check --fix: %s", errOut.String())
	}
	t.Logf("%s", strings.TrimSpace(errOut.String()))
	after := checkJSON(t, dir)
	now := map[string]bool{}
	for _, g := range after.Guides {
		for _, f := range g.Findings {
			now[key(f)] = true
			if !seen[key(f)] {
				t.Errorf("a finding after --fix that was not there before: %s [%s]", f, f.Rule)
			}
		}
	}
	for _, f := range fixed {
		if now[key(f)] {
			t.Errorf("fixed, still reported: %s [%s]", f, f.Rule)
		}
	}
	for p, lines := range originals {
		b, _ := os.ReadFile(p)
		got := strings.Split(string(b), "\n")
		// What --fix may write: each fixed line replaced by its fix (one line
		// or more), every other line as it was.
		// (Two fixes of one line are both in it: compare the lines' count
		// and which lines differ.)
		extra := 0
		for _, fx := range fixLines[p] {
			extra += strings.Count(fx, "\n")
		}
		if len(got) != len(lines)+extra {
			t.Errorf("%s: %d lines after --fix, want %d", p, len(got), len(lines)+extra)
			continue
		}
		j := 0
		for i, l := range lines {
			if fx, ok := fixLines[p][i+1]; ok {
				j += 1 + strings.Count(fx, "\n")
				continue
			}
			if got[j] != l {
				t.Errorf("%s:%d: changed, but no fix names that line", p, i+1)
			}
			j++
		}
	}
	t.Logf("%d findings with a fix in %d guides", len(fixed), len(fixLines))
}

// TestDiffAndSuggestions: --format diff is a patch git applies to the
// guides, giving what --fix writes; --format suggestions is one review
// comment a fix, its suggestion block the fixed line.
func TestDiffAndSuggestions(t *testing.T) {
	if _, err := os.Stat(docsTree); err != nil {
		t.Skipf("no docs tree: %v", err)
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GUIDEWALK_FEATURES", "")
	dir := copyTree(t, docsTree)
	t.Setenv("GITHUB_WORKSPACE", dir) // paths in the diff relative to it
	t.Chdir(dir)
	var diff, sugg, errOut bytes.Buffer
	if code := run([]string{"check", "--format", "diff", "."}, &diff, &errOut); code == exitUsage {
		t.Fatal(errOut.String())
	}
	if code := run([]string{"check", "--format", "suggestions", "."}, &sugg, &errOut); code == exitUsage {
		t.Fatal(errOut.String())
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(sugg.String()), "\n") {
		var s suggestion
		if err := json.Unmarshal([]byte(l), &s); err != nil || s.Line < 1 || s.Side != "RIGHT" || !strings.Contains(s.Body, "```suggestion\n") {
			t.Errorf("not a suggestion: %s (%v)", l, err)
		}
		n++
	}
	if n == 0 || !strings.Contains(diff.String(), "\n+") {
		t.Fatalf("no fix: %d suggestions, diff %q", n, diff.String())
	}
	git := func(args ...string) string {
		out, err := exec.Command("git", args...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	os.WriteFile("fixes.patch", diff.Bytes(), 0o644)
	git("apply", "--check", "fixes.patch")
	git("apply", "fixes.patch")
	os.Remove("fixes.patch")
	var after bytes.Buffer
	run([]string{"check", "--format", "diff", "."}, &after, &errOut)
	if after.Len() != 0 {
		t.Errorf("the diff applied, yet fixes are left:\n%s", after.String())
	}
	t.Logf("%d suggestions; the diff applies with git apply", n)
}
