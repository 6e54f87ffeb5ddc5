package apps_test

import (
	"os"
	"testing"

	_ "github.com/guidewalk/guidewalk/apps"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
)

// Every application folder is imported by apps.go: the suite knows the
// application its folder is named after (the product, in lower case).
func TestEveryFolderRegistered(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		n++
		if _, err := steps.ApplicationFor(&guide.Guide{Path: "apps/" + e.Name(), Title: e.Name()}); err != nil {
			t.Errorf("apps/%s: not registered; add its import to apps.go (%v)", e.Name(), err)
		}
	}
	if n < 2 {
		t.Errorf("found %d application folders, expected MinIO's and Beszel's at least", n)
	}
}
