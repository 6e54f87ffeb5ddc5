package lint

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write the golden files of the rules' fixtures (testdata/rules/*/bad.md.golden)")

// TestRules runs every rule on its fixtures, as analysistest.Run runs an
// analyzer on its testdata: a rule is its file and testdata/rules/<name>/,
// and nothing else.
//
//   - bad.md marks each line the rule must report with a comment,
//     <!-- want "message pattern" -->: at the end of the line, or, for a
//     line where a comment would change what is read (a line of a code
//     block), on a line of its own that names it by a text only it holds,
//     <!-- want "message pattern" at "text of the line" -->, or the nth
//     line that holds it, <!-- want "pattern" at "text" #2 -->. Every finding
//     of the rule matches a mark of its line (a regular expression), every
//     mark a finding; each is at most the rule's severity.
//   - bad.md.golden is bad.md, without its marks, once the fixes of the rule's findings are
//     applied, as check --fix applies them (none when the rule fixes
//     nothing); go test -run TestRules -update writes it.
//   - good.md has no finding of the rule, and no error or warning of any.
//   - --disable silences the rule.
//   - a rule that reads the repository the guide stands in (Options.Tree)
//     has it in testdata/rules/<name>/tree/; a rule that compares the guide
//     with the other guides beside it has them there too, as
//     tree/<app>/index.md; the fixtures are then read as standing in
//     tree/bad/index.md and tree/good/index.md (see fixtureAt).
func TestRules(t *testing.T) {
	defer func(read func([]byte) (int, error)) { readSalt = read }(readSalt)
	readSalt = func(b []byte) (int, error) { return copy(b, "guidewalk's salt"), nil } // one text after --fix
	for _, r := range Rules() {
		t.Run(r.Name, func(t *testing.T) {
			dir := filepath.Join("testdata", "rules", r.Name)
			bad, good := filepath.Join(dir, "bad.md"), filepath.Join(dir, "good.md")
			src, err := os.ReadFile(bad)
			if err != nil {
				t.Fatalf("rule %s has no bad fixture: %v", r.Name, err)
			}
			wants, err := readWants(src)
			if err != nil {
				t.Fatalf("%s: %v", bad, err)
			}
			if len(wants) == 0 {
				t.Fatalf("%s marks no line with <!-- want \"pattern\" -->", bad)
			}
			src = withoutWants(src) // the marks are no part of the guide the rule reads
			at, o := fixtureAt(dir, "bad", bad)
			_, found := Read(at, src, o)
			mine := ofRule(found, r.Name)
			for _, f := range mine {
				if f.Severity > r.Severity {
					t.Errorf("%s: %s is more severe than the rule says (%s)", f, f.Severity, r.Severity)
				}
				if !wants.match(f) {
					t.Errorf("%s: unexpected finding: %s", bad, f)
				}
			}
			for _, w := range wants {
				if !w.met {
					t.Errorf("%s:%d: no finding matches %q", bad, w.line, w.pattern)
				}
			}
			checkGolden(t, bad+".golden", src, mine)

			if _, got := Read(at, src, Options{Tree: o.Tree, Disable: []string{r.Name}}); len(ofRule(got, r.Name)) > 0 {
				t.Errorf("--disable %s still reports %v", r.Name, got)
			}
			if _, err := os.Stat(good); err != nil {
				t.Fatalf("rule %s has no good fixture: %v", r.Name, err)
			}
			goodSrc, err := os.ReadFile(good)
			if err != nil {
				t.Fatal(err)
			}
			goodAt, o := fixtureAt(dir, "good", good)
			_, goodFound := Read(goodAt, goodSrc, o)
			for _, f := range goodFound {
				if f.Rule == r.Name || f.Severity >= SeverityWarning {
					t.Errorf("good fixture: %s [%s]", f, f.Rule)
				}
			}
		})
	}
}

// fixtureAt is where a fixture is read as standing, and the options it is
// read with: itself, or, when the rule has a tree/ beside its fixtures,
// tree/<bad|good>/index.md, with tree/ as the repository.
func fixtureAt(dir, name, file string) (string, Options) {
	tree := filepath.Join(dir, "tree")
	if st, err := os.Stat(tree); err == nil && st.IsDir() {
		return filepath.Join(tree, name, "index.md"), Options{Tree: os.DirFS(tree)}
	}
	return file, Options{}
}

// checkGolden compares src with the rule's fixes applied to the golden
// file; there is none when the rule fixes nothing.
func checkGolden(t *testing.T, golden string, src []byte, mine []Finding) {
	t.Helper()
	fixed := ApplyFixes(src, mine)
	if len(fixed.Applied) == 0 {
		if _, err := os.Stat(golden); err == nil {
			if *update {
				_ = os.Remove(golden)
				return
			}
			t.Errorf("%s: the rule fixes nothing, but there is a golden file", golden)
		}
		return
	}
	if *update {
		if err := os.WriteFile(golden, fixed.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("the rule fixes %d line(s) but has no golden file (go test -run TestRules -update): %v", len(fixed.Applied), err)
	}
	if got := fixed.Bytes(); !bytes.Equal(got, want) {
		t.Errorf("%s: the text after --fix differs from the golden file:\n%s", golden, lineDiff(string(want), string(got)))
	}
}

// want is one <!-- want "pattern" --> mark: a line must have a finding
// whose message matches pattern.
type want struct {
	line    int
	pattern string
	re      *regexp.Regexp
	met     bool
}

type wantList []*want

// wantRe is a want mark: its patterns, each a Go string literal, and the
// text that names its line when it stands on a line of its own.
var (
	wantRe    = regexp.MustCompile(`<!--\s*want\s+((?:"(?:[^"\\]|\\.)*"\s*)+)(?:at\s+("(?:[^"\\]|\\.)*")\s*(?:#(\d+)\s*)?)?-->`)
	patternRe = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

// readWants reads the want marks of a fixture.
func readWants(src []byte) (wantList, error) {
	lines := strings.Split(strings.TrimSuffix(string(src), "\n"), "\n")
	var out wantList
	for i, l := range lines {
		for _, m := range wantRe.FindAllStringSubmatchIndex(l, -1) {
			line := i + 1
			if m[4] >= 0 {
				text, err := strconv.Unquote(l[m[4]:m[5]])
				if err != nil {
					return nil, fmt.Errorf("line %d: %v", i+1, err)
				}
				nth := 0
				if m[6] >= 0 {
					nth, _ = strconv.Atoi(l[m[6]:m[7]])
				}
				if line, err = lineHolding(lines, text, nth); err != nil {
					return nil, fmt.Errorf("line %d: %v", i+1, err)
				}
			} else if strings.TrimSpace(l[:m[0]]) == "" {
				return nil, fmt.Errorf("line %d: a want mark on a line of its own names its line: at \"text\"", i+1)
			}
			for _, q := range patternRe.FindAllString(l[m[2]:m[3]], -1) {
				p, err := strconv.Unquote(q)
				if err != nil {
					return nil, fmt.Errorf("line %d: %v", i+1, err)
				}
				re, err := regexp.Compile(p)
				if err != nil {
					return nil, fmt.Errorf("line %d: %v", i+1, err)
				}
				out = append(out, &want{line: line, pattern: p, re: re})
			}
		}
	}
	return out, nil
}

// withoutWants is src with its want marks (and the spaces before them)
// removed, every line where it was.
func withoutWants(src []byte) []byte {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		if loc := wantRe.FindStringIndex(l); loc != nil {
			lines[i] = strings.TrimRight(l[:loc[0]], " \t") + wantRe.ReplaceAllString(l[loc[0]:], "")
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// lineHolding is the line, not a want mark, that holds text: the only one,
// or the nth (from 1) when nth > 0.
func lineHolding(lines []string, text string, nth int) (int, error) {
	var at []int
	for i, l := range lines {
		if strings.Contains(l, text) && !wantRe.MatchString(l) {
			at = append(at, i+1)
		}
	}
	switch {
	case len(at) == 0:
		return 0, fmt.Errorf("no line holds %q", text)
	case nth > 0 && nth <= len(at):
		return at[nth-1], nil
	case nth > 0:
		return 0, fmt.Errorf("%d lines hold %q, not %d", len(at), text, nth)
	case len(at) > 1:
		return 0, fmt.Errorf("%q is on lines %v: name the line by a text only it holds, or say which (at \"text\" #2)", text, at)
	}
	return at[0], nil
}

// match marks the first unmet want of f's line that f's message matches.
func (ws wantList) match(f Finding) bool {
	for _, w := range ws {
		if !w.met && w.line == f.Line && w.re.MatchString(f.Message) {
			w.met = true
			return true
		}
	}
	return false
}

// lineDiff shows the lines that differ, with their numbers.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n  golden: %s\n  got:    %s\n", i+1, a, c)
		}
	}
	return b.String()
}
