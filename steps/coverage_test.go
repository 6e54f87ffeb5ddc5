package steps

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/guide"
)

func guidePath() string {
	if p := os.Getenv(GuideVar); p != "" {
		return p
	}
	return filepath.Join("..", DefaultGuide)
}

// TestDocCoverage: every guide step is done by the features, and the
// features do nothing the guide does not say.
func TestDocCoverage(t *testing.T) {
	g, err := guide.Load(guidePath())
	if err != nil {
		t.Fatal(err)
	}
	ts, err := ReadTranscriptions("../features")
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) == 0 {
		t.Fatal("no Gherkin steps found under ../features")
	}
	for _, err := range Coverage(g, ts) {
		t.Error(err)
	}
}

// TestGuideConsistency: what can be checked offline, such as the
// client_secret digest being the digest of the secret the Assumptions name.
func TestGuideConsistency(t *testing.T) {
	g, err := guide.Load(guidePath())
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range g.Consistency() {
		t.Error(err)
	}
}

// TestCoverageDrift: edits to the guide that the features no longer match
// are reported with the line to look at.
func TestCoverageDrift(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", DefaultGuide))
	if err != nil {
		t.Fatal(err)
	}
	ts, err := ReadTranscriptions("../features")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, old, new, want string }{
		{"a new step 10", "9. Login\n", "9. Login\n10. Check the bucket list\n", "guide.md:93: guide step 10"},
		{"a renamed menu entry", "go to `Identity`, then `OpenID`", "go to `Access`, then `OpenID`", `quotes "Identity"`},
		{"step 9 removed", "9. Login\n", "", "guide step 9, which"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			edited := strings.Replace(string(src), c.old, c.new, 1)
			g, err := guide.Parse("guide.md", []byte(edited))
			if err != nil {
				t.Fatal(err)
			}
			errs := Coverage(g, ts)
			var all []string
			for _, e := range errs {
				all = append(all, e.Error())
			}
			if !strings.Contains(strings.Join(all, "\n"), c.want) {
				t.Fatalf("want an error containing %q, got:\n%s", c.want, strings.Join(all, "\n"))
			}
		})
	}
}

func TestTranscriptionsReadGuideComments(t *testing.T) {
	ts, err := ReadTranscriptions("../features")
	if err != nil {
		t.Fatal(err)
	}
	found := map[int]bool{}
	for _, tr := range ts {
		found[tr.GuideStep] = true
		if tr.Text == "I login to MinIO" && tr.GuideStep != 1 {
			t.Errorf("%q transcribes step %d, want 1", tr.Text, tr.GuideStep)
		}
	}
	for n := 1; n <= 9; n++ {
		if !found[n] {
			t.Errorf("no transcription of step %d", n)
		}
	}
}
