package steps

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/guidewalk/guidewalk/guide"
)

// githubReport is a run as the suite records it: one passed scenario, one
// expected deviation at guide step 8, one failure the guide caused and one
// it did not.
func githubReport() *Report {
	g := &guide.Guide{Path: "features/minio/guide.md", Title: "MinIO"}
	r := &Report{guide: g, refs: map[string]int{}, redact: func(s string) string { return strings.ReplaceAll(s, "insecure_secret", "*****") }}
	r.SetVersions([]string{`Authelia: the guide names v4.38.0 (features/minio/guide.md:12), this run ran authelia/authelia:4.38.0, which says "4.38.0"`})
	var rec *ScenarioRecord
	rec = r.BeginScenario(1, "Configure MinIO", false)
	r.AddStep(rec, StepRecord{Text: "I login to MinIO", GuideStep: 1, Outcome: "passed", Seconds: 1.5})
	r.EndScenario(rec, "passed", "", "", nil, 2*time.Second)
	rec = r.BeginScenario(2, "Step 8 as written", true)
	ge := &GuideError{Step: 8, Where: "features/minio/guide.md:91", Says: "select `Authelia` from the list", Saw: "the list offers \"Use STS\"\nand no \"Authelia\" (100% sure)"}
	r.AddStep(rec, StepRecord{Text: "I click Other Authentication Methods", GuideStep: 8, Outcome: "deviation"})
	r.AddDeviation("Step 8 as written", ge)
	r.EndScenario(rec, "passed", "", "", nil, 3*time.Second)
	rec = r.BeginScenario(3, "A user | logs in", false)
	failed := &GuideError{Step: 4, Where: "features/minio/guide.md:80", Says: "Client Secret: `insecure_secret`", Saw: "the form has no field \"Client Secret\""}
	r.AddStep(rec, StepRecord{Text: "I enter the following information", GuideStep: 4, Outcome: "failed", Err: failed.Error()})
	r.AddStep(rec, StepRecord{Text: "I press Save", Outcome: "skipped"})
	r.EndScenario(rec, "failed", "", "", nil, 4*time.Second)
	rec = r.BeginScenario(4, "Refused", false)
	r.AddStep(rec, StepRecord{Text: "Authelia runs", Outcome: "failed", Err: "env: image authelia/authelia:9 neither present nor pullable"})
	r.EndScenario(rec, "failed", "", "", nil, time.Second)
	return r
}

func TestGitHubAnnotations(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(githubActionsVar, "true")
	t.Setenv(githubWorkspaceVar, wd)
	summary := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(summary, []byte("earlier step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(githubSummaryVar, summary)
	var out bytes.Buffer
	githubReport().GitHub(&out)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 annotations, got %d:\n%s", len(lines), out.String())
	}
	for i, want := range []string{
		`::warning file=features/minio/guide.md,line=91,title=guide step 8::expected deviation in "Step 8 as written": guide step 8 (features/minio/guide.md:91) says "select ` + "`Authelia`" + ` from the list", but the list offers "Use STS"%0Aand no "Authelia" (100%25 sure)`,
		`::error file=features/minio/guide.md,line=80,title=guide step 4::in "A user | logs in": guide step 4 (features/minio/guide.md:80) says "Client Secret: ` + "`*****`" + `", but the form has no field "Client Secret"`,
		`::error title=guidewalk::scenario "Refused", step "Authelia runs": env: image authelia/authelia:9 neither present nor pullable`,
	} {
		if lines[i] != want {
			t.Errorf("annotation %d:\n got %s\nwant %s", i+1, lines[i], want)
		}
	}
	b, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, want := range []string{
		"earlier step\n## guidewalk: MinIO\n",
		"Guide: `features/minio/guide.md`",
		"- Authelia: the guide names v4.38.0",
		"| 2 | Step 8 as written | passed | 3.0 |",
		`| 3 | A user \| logs in | failed | 4.0 |`,
		"- `features/minio/guide.md:91` (guide step 8), in \"Step 8 as written\"",
		"- `features/minio/guide.md:80` (guide step 4), in \"A user | logs in\"",
		"### Other failures",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the step summary lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "insecure_secret") {
		t.Errorf("the step summary shows a secret:\n%s", md)
	}
}

// Outside GitHub Actions nothing is printed and no file is written.
func TestGitHubElsewhere(t *testing.T) {
	t.Setenv(githubActionsVar, "")
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv(githubSummaryVar, summary)
	var out bytes.Buffer
	githubReport().GitHub(&out)
	if out.Len() != 0 {
		t.Errorf("printed outside GitHub:\n%s", out.String())
	}
	if _, err := os.Stat(summary); !os.IsNotExist(err) {
		t.Errorf("wrote %s outside GitHub (%v)", summary, err)
	}
}

func TestEscapeWorkflowCommand(t *testing.T) {
	if got, want := escapeData("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad"; got != want {
		t.Errorf("escapeData = %q, want %q", got, want)
	}
	if got, want := escapeProperty("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad"; got != want {
		t.Errorf("escapeProperty = %q, want %q", got, want)
	}
	// A path outside the workspace keeps its spelling, escaped.
	t.Setenv(githubWorkspaceVar, t.TempDir())
	var b bytes.Buffer
	Annotate(&b, "error", "/elsewhere/a,b:c.md", 3, "the guide", "x")
	if got, want := b.String(), "::error file=/elsewhere/a%2Cb%3Ac.md,line=3,title=the guide::x\n"; got != want {
		t.Errorf("Annotate = %q, want %q", got, want)
	}
}
