package steps

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/lint"
)

func guidePath() string {
	if p := os.Getenv(GuideVar); p != "" {
		return p
	}
	return filepath.Join("..", DefaultGuide)
}

// The guides the project has features for: its own copy, and the upstream
// revisions in ../shared (read there, never copied).
var knownGuides = []struct{ path, feature string }{
	{filepath.Join("..", DefaultGuide), "web-gui-only.feature"},
	{"../../shared/guides/minio/2024-11-06.md", "web-gui-only.feature"},
	{"../../shared/guides/minio/current.md", "three-methods.feature"},
	{"../../shared/guides/beszel/current.md", "beszel.feature"},
	{"../../shared/docs/authelia-2026-05-26/clients/sftpgo/index.md", "sftpgo.feature"},
	{"../../shared/docs/authelia-2026-05-26/clients/gatus/index.md", "gatus.feature"},
	{"../../shared/docs/authelia-2026-05-26/clients/opengist/index.md", "opengist.feature"},
}

// TestDocCoverage: for each guide, the feature chosen for it does every
// guide step and every configuration method, and nothing the guide does
// not say.
func TestDocCoverage(t *testing.T) {
	for _, k := range knownGuides {
		t.Run(filepath.Base(k.path), func(t *testing.T) {
			if _, err := os.Stat(k.path); err != nil {
				t.Skipf("%s: %v", k.path, err)
			}
			g, err := ReadGuide(k.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			choice, err := FeaturesFor(g, "../features")
			if err != nil {
				t.Fatal(err)
			}
			if len(choice.Paths) != 1 || filepath.Base(choice.Paths[0]) != k.feature {
				t.Fatalf("chose %v for %s, want %s (others: %v)", choice.Paths, k.path, k.feature, choice.Others)
			}
			for _, err := range choice.Findings {
				t.Error(err)
			}
		})
	}
}

// TestGuideConsistency: what can be checked offline, such as the
// client_secret digest being the digest of the secret the Assumptions name.
func TestGuideConsistency(t *testing.T) {
	g, err := guide.Load(guidePath())
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range lint.Consistency(g) {
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
	ts, err := ReadTranscriptions("../features/minio/web-gui-only.feature")
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
	ts, err := ReadTranscriptions("../features/minio/web-gui-only.feature")
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

// TestMethodDrift: a guide whose methods change is reported with the line.
func TestMethodDrift(t *testing.T) {
	const path = "../../shared/guides/minio/current.md"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	ts, err := ReadTranscriptions("../features/minio/three-methods.feature")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, old, new, want string }{
		{"a renamed method", "#### Web GUI", "#### Console", `"Web GUI", which`},
		{"a new method", "#### Additional Steps", "#### Helm\n\n```shell {title=\".env\"}\nMINIO_X=1\n```\n\n#### Additional Steps", `"Helm" is transcribed by no scenario`},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := guide.Parse("current.md", []byte(strings.Replace(string(src), c.old, c.new, 1)))
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, e := range Coverage(g, ts) {
				all = append(all, e.Error())
			}
			if !strings.Contains(strings.Join(all, "\n"), c.want) {
				t.Fatalf("want an error containing %q, got:\n%s", c.want, strings.Join(all, "\n"))
			}
		})
	}
}
