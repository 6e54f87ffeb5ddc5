package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/lint"
)

// defect is one row of a hand-read list of what is wrong in a docs tree.
type defect struct {
	guide   string
	line    int
	other   []int
	kind    string
	certain bool
	what    string
}

// readDefects reads testdata/defects-*.tsv: guide, line, kind, certainty,
// other lines, what.
func readDefects(t *testing.T, path string) []defect {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []defect
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "guide\t") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 6 {
			t.Fatalf("%s:%d: want 6 tab-separated columns, got %d", path, n, len(c))
		}
		line, err := strconv.Atoi(c[1])
		if err != nil || (c[3] != "certain" && c[3] != "app-dependent") {
			t.Fatalf("%s:%d: a line number and certain|app-dependent, got %q %q", path, n, c[1], c[3])
		}
		d := defect{guide: c[0], line: line, kind: c[2], certain: c[3] == "certain", what: c[5]}
		for _, o := range strings.Split(c[4], ",") {
			if v, err := strconv.Atoi(strings.TrimSpace(o)); err == nil {
				d.other = append(d.other, v)
			}
		}
		out = append(out, d)
	}
	return out
}

func near(a, b int) bool { return a-b <= 2 && b-a <= 2 }

// onDefect: the finding is at the defect's line, or at one of the other
// lines it involves, ±2.
func onDefect(f lint.Finding, d defect) bool {
	if near(f.Line, d.line) {
		return true
	}
	for _, o := range d.other {
		if near(f.Line, o) {
			return true
		}
	}
	return false
}

// Floors the checker must not fall below on the hand-read 2026-05-26 tree:
// the figures reached, so that a change that loses a defect fails.
const (
	minPrecision = 1.00
	minRecall    = 0.96
)

// TestGroundTruth measures check as a classifier against the defects read
// by hand: precision is the share of error findings on a listed defect;
// recall the share of certain defects found at error level at their line
// (±2). Every miss and every false error is printed.
func TestGroundTruth(t *testing.T) {
	defects := readDefects(t, filepath.Join("testdata", "defects-2026-05-26.tsv"))
	r := treeReport(t)
	byGuide := map[string][]lint.Finding{}
	for _, g := range r.Guides {
		name := filepath.Base(filepath.Dir(g.Path))
		byGuide[name] = append(byGuide[name], g.Findings...)
	}
	listed := map[string][]defect{}
	for _, d := range defects {
		if _, ok := byGuide[d.guide]; !ok {
			t.Errorf("the list names a guide the tree lacks: %s", d.guide)
		}
		listed[d.guide] = append(listed[d.guide], d)
	}
	var errs, true_ int
	for name, fs := range byGuide {
		for _, f := range fs {
			if f.Severity != lint.SeverityError {
				continue
			}
			errs++
			hit := false
			for _, d := range listed[name] {
				hit = hit || onDefect(f, d)
			}
			if hit {
				true_++
			} else {
				t.Logf("error on no listed defect: %s/%s [%s]", name, f, f.Rule)
			}
		}
	}
	var certain, found int
	kinds := map[string][2]int{}
	for _, d := range defects {
		if !d.certain {
			continue
		}
		certain++
		hit := false
		for _, f := range byGuide[d.guide] {
			hit = hit || (f.Severity == lint.SeverityError && onDefect(f, d))
		}
		k := kinds[d.kind]
		k[1]++
		if hit {
			found++
			k[0]++
		} else {
			t.Logf("missed: %s:%d %s: %s", d.guide, d.line, d.kind, d.what)
		}
		kinds[d.kind] = k
	}
	precision, recall := ratio(true_, errs), ratio(found, certain)
	for k, v := range kinds {
		t.Logf("kind %-18s found %d of %d", k, v[0], v[1])
	}
	t.Logf("ground truth: %d defects (%d certain) in %d guides; %d errors reported, %d on a listed defect: precision %.1f%%; %d of %d certain defects found: recall %.1f%%",
		len(defects), certain, len(listed), errs, true_, 100*precision, found, certain, 100*recall)
	if precision < minPrecision {
		t.Errorf("precision %.1f%% < %.0f%%", 100*precision, 100*minPrecision)
	}
	if recall < minRecall {
		t.Errorf("recall %.1f%% < %.0f%%", 100*recall, 100*minRecall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
