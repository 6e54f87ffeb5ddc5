package lint

import (
	"os"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/guide"
)

const realGuide = "../features/minio/guide.md"

func loadReal(t *testing.T) *guide.Guide {
	t.Helper()
	g, err := guide.Load(realGuide)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func readReal(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(realGuide)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lineOf is the 1-based line of the first occurrence of needle in src, so
// broken-copy tests do not depend on hand-counted lines.
func lineOf(t *testing.T, src, needle string) int {
	t.Helper()
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("%q not in source", needle)
	}
	return strings.Count(src[:i], "\n") + 1
}
