package main

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/replay"
)

// repairsRepo names a clone of authelia/authelia whose history holds the
// maintainers' repairs listed in testdata/repairs.tsv.
const repairsRepo = "GUIDEWALK_AUTHELIA_REPO"

// minRepairRecall: the share of the offline repairs check finds, the figure
// reached, so that a change that loses one fails.
const minRepairRecall = 1.00

// repair is one row of testdata/repairs.tsv: a defect a maintainers'
// commit repaired, at its line in the commit's parent.
type repair struct {
	commit, guide string
	defect
	class string
}

func readRepairs(t *testing.T, path string) []repair {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []repair
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "commit\t") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 7 {
			t.Fatalf("%s:%d: want 7 tab-separated columns, got %d", path, n, len(c))
		}
		line, err := strconv.Atoi(c[2])
		if err != nil {
			t.Fatalf("%s:%d: line %q: %v", path, n, c[2], err)
		}
		switch c[4] {
		case "offline", "application", "network", "version", "prose":
		default:
			t.Fatalf("%s:%d: class %q: want offline, application, network, version or prose", path, n, c[4])
		}
		r := repair{commit: c[0], guide: c[1], class: c[4],
			defect: defect{guide: c[1], line: line, kind: c[3], certain: c[4] == "offline", what: c[6]}}
		for _, o := range strings.Split(c[5], ",") {
			if v, err := strconv.Atoi(strings.TrimSpace(o)); err == nil {
				r.other = append(r.other, v)
			}
		}
		out = append(out, r)
	}
	return out
}

// TestRepairs checks each guide as it stood just before a maintainers'
// repair (the commit's parent, read from the clone's objects) and prints
// recall on the repairs the text alone shows, then every other error it
// reports on those parents, so that each is read.
func TestRepairs(t *testing.T) {
	repo := os.Getenv(repairsRepo)
	if repo == "" {
		t.Skipf("%s names no clone of authelia/authelia: the maintainers' repairs are not checked (git clone https://github.com/authelia/authelia and set %s to its folder)", repairsRepo, repairsRepo)
	}
	repairs := readRepairs(t, filepath.Join("testdata", "repairs.tsv"))
	objs, err := replay.OpenCatFile(repo)
	if err != nil {
		t.Fatal(err)
	}
	defer objs.Close()
	type parent struct{ commit, guide string }
	found := map[parent][]lint.Finding{}
	var order []parent
	for _, r := range repairs {
		p := parent{r.commit, r.guide}
		if _, ok := found[p]; ok {
			continue
		}
		_, src, err := objs.Object(r.commit + "^:" + r.guide)
		if err != nil {
			t.Fatalf("%s^:%s: %v (is %s a clone of authelia/authelia with its history?)", r.commit, r.guide, err, repo)
		}
		_, fs := lint.Read(r.guide, src, lint.Options{Tree: replay.CommitFS(objs, r.commit+"^")})
		found[p] = fs
		order = append(order, p)
	}
	classes := map[string][2]int{}
	kinds := map[string][2]int{}
	for _, r := range repairs {
		hit := false
		for _, f := range found[parent{r.commit, r.guide}] {
			hit = hit || (f.Severity == lint.SeverityError && onDefect(f, r.defect))
		}
		c, k := classes[r.class], kinds[r.kind]
		c[1]++
		if hit {
			c[0]++
		}
		classes[r.class] = c
		if r.class == "offline" {
			k[1]++
			if hit {
				k[0]++
			} else {
				t.Logf("missed: %s %s:%d %s: %s", r.commit, shortGuide(r.guide), r.line, r.kind, r.what)
			}
			kinds[r.kind] = k
		}
	}
	var others int
	for _, p := range order {
		for _, f := range found[p] {
			if f.Severity != lint.SeverityError {
				continue
			}
			on := false
			for _, r := range repairs {
				on = on || (r.commit == p.commit && r.guide == p.guide && onDefect(f, r.defect))
			}
			if !on {
				others++
				t.Logf("error on no repaired line: %s^ %s:%d: %s [%s]", p.commit, shortGuide(p.guide), f.Line, f.Message, f.Rule)
			}
		}
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("kind %-18s found %d of %d", k, kinds[k][0], kinds[k][1])
	}
	for _, c := range []string{"application", "network", "version", "prose"} {
		t.Logf("class %-12s %d repairs (%d at an error)", c, classes[c][1], classes[c][0])
	}
	off := classes["offline"]
	recall := ratio(off[0], off[1])
	commits := map[string]bool{}
	for _, p := range order {
		commits[p.commit] = true
	}
	t.Logf("maintainers' repairs: %d defects in %d guide versions of %d commits; offline %d, found %d: recall %.1f%%; %d other errors on those parents",
		len(repairs), len(order), len(commits), off[1], off[0], 100*recall, others)
	if recall < minRepairRecall {
		t.Errorf("recall on the offline repairs %.1f%% < %.0f%%", 100*recall, 100*minRepairRecall)
	}
}

// short is a guide's path from its folder under openid-connect/.
func shortGuide(p string) string {
	return strings.TrimPrefix(p, "docs/content/integration/openid-connect/")
}
