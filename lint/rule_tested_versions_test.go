package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// In a tree without the schema of the version named, tested-versions says
// once, at the version's line, that the keys are not compared, and nothing
// else; with no tree at all it says nothing.
func TestTestedVersionsNoSchema(t *testing.T) {
	dir := filepath.Join("testdata", "rules", RuleTestedVersions)
	src, err := os.ReadFile(filepath.Join(dir, "bad.md"))
	if err != nil {
		t.Fatal(err)
	}
	src = withoutWants(src)
	older := []byte(strings.Replace(string(src), "v4.38.18", "v4.37.5", 1))
	if _, found := Read("bad.md", src, Options{}); len(ofRule(found, RuleTestedVersions)) > 0 {
		t.Errorf("no tree: %v, want nothing", ofRule(found, RuleTestedVersions))
	}
	for _, c := range []struct {
		name, version string
		src           []byte
		o             Options
	}{
		{"no such version", "v4.37", older, Options{Tree: os.DirFS(filepath.Join(dir, "tree"))}},
		{"no schemas", "v4.38", src, Options{Tree: fstest.MapFS{"README.md": {Data: []byte("x")}}}},
	} {
		_, found := Read("bad.md", c.src, c.o)
		mine := ofRule(found, RuleTestedVersions)
		if len(mine) != 1 || mine[0].Severity != SeverityNotice || mine[0].Line != 8 ||
			!strings.Contains(mine[0].Message, "the configuration schema of "+c.version+" ") ||
			!strings.Contains(mine[0].Message, "is not in the tree checked: the keys") {
			t.Errorf("%s: %v: want one notice at line 8 that the schema of %s is not in the tree", c.name, mine, c.version)
		}
	}
}
