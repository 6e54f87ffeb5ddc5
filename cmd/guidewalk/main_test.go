package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/steps"
)

// The tests run in cmd/guidewalk: the repository's root is two levels up,
// and the upstream guides are read from ../shared beside it, never copied
// into the project.
var (
	features      = filepath.Join("..", "..", "features")
	projectGuide  = filepath.Join("..", "..", "features", "minio", "guide.md")
	upstreamGuide = filepath.Join("..", "..", "..", "shared", "guides", "minio", "current.md")
)

func runCheck(t *testing.T, guide string) (int, string) {
	t.Helper()
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GUIDEWALK_FEATURES", "")
	t.Setenv("GUIDEWALK_SITEVARS", "")
	var out, errOut bytes.Buffer
	code := run([]string{"check", "--features", features, guide}, &out, &errOut)
	return code, out.String() + errOut.String()
}

func upstream(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile(upstreamGuide)
	if err != nil {
		t.Skipf("the upstream guide: %v", err)
	}
	return src
}

// lineOf is the 1-based line of the first line of src containing s.
func lineOf(t *testing.T, src []byte, s string) int {
	t.Helper()
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("no line contains %q", s)
	return 0
}

// brokenCopy writes src, with old replaced by new once, to a temp dir.
func brokenCopy(t *testing.T, src []byte, old, new string) string {
	t.Helper()
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("the guide has no %q any more", old)
	}
	p := filepath.Join(t.TempDir(), "current.md")
	if err := os.WriteFile(p, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckGoodGuides(t *testing.T) {
	for name, g := range map[string]string{"project's copy": projectGuide, "current upstream": upstreamGuide} {
		t.Run(name, func(t *testing.T) {
			if _, err := os.Stat(g); err != nil {
				t.Skip(err)
			}
			code, out := runCheck(t, g)
			if code != exitOK {
				t.Fatalf("check %s: exit %d, want 0:\n%s", g, code, out)
			}
			for _, want := range []string{"title:    MinIO", "tested:   Authelia", "methods:", "feature:  ", "no finding"} {
				if !strings.Contains(out, want) {
					t.Errorf("the output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// A client_secret that is not the digest of the Assumptions' secret names
// the digest's line and the secret's.
func TestCheckWrongDigest(t *testing.T) {
	src := upstream(t)
	secretLine := lineOf(t, src, "__Client Secret:__")
	digestLine := lineOf(t, src, "client_secret: '$pbkdf2")
	// One character of the hash changed: a digest, but of another secret.
	p := brokenCopy(t, src, "$JNRBzwAo0ek5q", "$JNRBzwAo0ek5r")
	code, out := runCheck(t, p)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	for _, want := range []string{fmtLine(p, digestLine) + ": error: the client_secret", "(line " + itoa(secretLine) + ")"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
}

// A Web GUI entry that disagrees with the .env block names both lines.
func TestCheckWebGUIAgainstEnv(t *testing.T) {
	src := upstream(t)
	guiLine := lineOf(t, src, "- Claim User Info: Enabled")
	envLine := lineOf(t, src, "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on")
	p := brokenCopy(t, src, "- Claim User Info: Enabled", "- Claim User Info: Disabled")
	code, out := runCheck(t, p)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	want := fmtLine(p, envLine) + ": error: the .env block and the Web GUI step 4 disagree: line " + itoa(envLine) + " sets MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on, line " + itoa(guiLine) + " says Claim User Info: Disabled"
	if !strings.Contains(out, want) {
		t.Errorf("the output lacks %q:\n%s", want, out)
	}
}

func TestCheckUsage(t *testing.T) {
	if code, out := runCheck(t, filepath.Join(t.TempDir(), "missing.md")); code != exitUsage || !strings.Contains(out, "missing.md") {
		t.Errorf("a missing guide: exit %d, want 2 naming it:\n%s", code, out)
	}
	// A malformed guide is no usage error: a finding at its line.
	p := filepath.Join(t.TempDir(), "bad.md")
	if err := os.WriteFile(p, []byte("---\ntitle: [\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out := runCheck(t, p); code != exitFindings || !strings.Contains(out, p+":2: error: invalid front matter") {
		t.Errorf("a malformed guide: exit %d, want 1 naming file:line:\n%s", code, out)
	}
	var out bytes.Buffer
	if code := run([]string{"check"}, &out, &out); code != exitUsage {
		t.Errorf("no guide: exit %d, want 2", code)
	}
	if code := run([]string{"frobnicate"}, &out, &out); code != exitUsage {
		t.Errorf("an unknown command: exit %d, want 2", code)
	}
}

// On GitHub, each finding is also an annotation of its line.
func TestCheckAnnotatesOnGitHub(t *testing.T) {
	src := upstream(t)
	p := brokenCopy(t, src, "- Claim User Info: Enabled", "- Claim User Info: Disabled")
	t.Setenv("GUIDEWALK_FEATURES", "")
	t.Setenv("GITHUB_ACTIONS", "true")
	t.Setenv("GITHUB_WORKSPACE", filepath.Dir(p))
	summary := filepath.Join(t.TempDir(), "summary.md")
	t.Setenv("GITHUB_STEP_SUMMARY", summary)
	var out bytes.Buffer
	if code := run([]string{"check", "--features", features, p}, &out, &out); code != exitFindings {
		t.Fatalf("exit %d, want 1:\n%s", code, out.String())
	}
	envLine := itoa(lineOf(t, src, "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on"))
	want := "::error file=current.md,line=" + envLine + ",title=guidewalk check%3A method-disagree::the .env block"
	if !strings.Contains(out.String(), want) {
		t.Errorf("the output lacks %q:\n%s", want, out.String())
	}
	b, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	if want := "line " + envLine + ": error: the .env block"; !strings.Contains(string(b), want) {
		t.Errorf("the step summary lacks %q:\n%s", want, b)
	}
}

func TestImages(t *testing.T) {
	t.Setenv("GUIDEWALK_AUTHELIA_IMAGE", "")
	t.Setenv("GUIDEWALK_MINIO_IMAGE", "")
	var out bytes.Buffer
	if code := run([]string{"images", projectGuide}, &out, &out); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, out.String())
	}
	if got, want := out.String(), "authelia/authelia:4.38.0\nminio/minio:RELEASE.2024-01-05T22-17-24Z\n"; got != want {
		t.Errorf("images = %q, want %q", got, want)
	}
	out.Reset()
	if code := run([]string{"images", "--app-image", "example/minio:x", projectGuide}, &out, &out); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, out.String())
	}
	if got, want := out.String(), "authelia/authelia:4.38.0\nexample/minio:x\n"; got != want {
		t.Errorf("images --app-image = %q, want %q", got, want)
	}
}

// defaultImageVar, a plain constant, is the variable of the project's
// guide's application as that application (apps/minio) names it.
func TestDefaultImageVar(t *testing.T) {
	g, err := loadGuide(projectGuide, "")
	if err != nil {
		t.Fatal(err)
	}
	a, err := steps.ApplicationFor(g)
	if err != nil {
		t.Fatal(err)
	}
	if a.ImageVar() != defaultImageVar {
		t.Errorf("defaultImageVar = %q, the project's guide's application (%s) says %q", defaultImageVar, a.Product(), a.ImageVar())
	}
}

func TestRepoRoot(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "guidewalk_test.go")); err != nil {
		t.Errorf("root %s holds no guidewalk_test.go: %v", root, err)
	}
}

func fmtLine(path string, line int) string { return path + ":" + itoa(line) }

func itoa(n int) string { return strconv.Itoa(n) }

// verify runs go test in the repository's root with the settings as
// variables, paths made absolute, and returns its exit status; a stand-in
// for go prints what it was given.
func TestVerifyRunsTheSuite(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "go")
	script := "#!/bin/sh\necho \"dir=$(pwd)\"\necho \"args=$*\"\nenv | grep '^GUIDEWALK_' | sort\nexit 3\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GO", fake)
	for _, v := range []string{"GUIDEWALK_GUIDE", "GUIDEWALK_ARTIFACTS", "GUIDEWALK_TAGS", "GUIDEWALK_SITEVARS", "GUIDEWALK_AUTHELIA_IMAGE", "GUIDEWALK_MINIO_IMAGE"} {
		t.Setenv(v, "")
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{"verify", "--guide", projectGuide, "--tags", "~@deviation", "--app-image", "example/minio:x", "--artifacts", filepath.Join(dir, "a")}, &out, &errOut)
	if code != 3 {
		t.Fatalf("exit %d, want the suite's 3:\n%s%s", code, out.String(), errOut.String())
	}
	for _, want := range []string{
		"dir=" + root + "\n",
		"args=test -count=1 -timeout 30m -run ^TestGuide$ -v .\n",
		"GUIDEWALK_ARTIFACTS=" + filepath.Join(dir, "a") + "\n",
		"GUIDEWALK_GUIDE=" + filepath.Join(root, "features", "minio", "guide.md") + "\n",
		"GUIDEWALK_MINIO_IMAGE=example/minio:x\n",
		"GUIDEWALK_TAGS=~@deviation\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the suite was not given %q:\n%s", want, out.String())
		}
	}
}

// The JSON report has the shape the README documents.
func TestCheckJSON(t *testing.T) {
	src := upstream(t)
	p := brokenCopy(t, src, "- Claim User Info: Enabled", "- Claim User Info: Disabled")
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GUIDEWALK_FEATURES", "")
	var out, errOut bytes.Buffer
	if code := run([]string{"check", "--format", "json", p, p}, &out, &errOut); code != exitFindings {
		t.Fatalf("exit %d, want 1: %s", code, errOut.String())
	}
	var doc struct {
		Guides []map[string]json.RawMessage `json:"guides"`
		Counts map[string]int               `json:"counts"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Guides) != 1 || doc.Counts["guides"] != 1 || doc.Counts["errors"] != 2 || doc.Counts["verified"] != 1 {
		t.Fatalf("guides %d, counts %v:\n%s", len(doc.Guides), doc.Counts, out.String())
	}
	for _, k := range []string{"path", "title", "verified", "features", "methods", "findings"} {
		if _, ok := doc.Guides[0][k]; !ok {
			t.Errorf("guide without %q", k)
		}
	}
	var fs []map[string]any
	if err := json.Unmarshal(doc.Guides[0]["findings"], &fs); err != nil {
		t.Fatal(err)
	}
	f := fs[0]
	if f["severity"] != "error" || f["rule"] != "method-disagree" || f["method"] != "Environment Variables (Standard)" || f["line"] == nil || f["message"] == nil {
		t.Errorf("finding %v", f)
	}
	// --fail-on: the same findings, a bar above them, exit 0; a bad value is a usage error.
	if code := run([]string{"check", "--format", "json", "--fail-on", "error", "--features", t.TempDir(), projectGuide}, &out, &errOut); code != exitOK {
		t.Errorf("a guide without findings: exit %d", code)
	}
	if code := run([]string{"check", "--fail-on", "fatal", p}, &out, &errOut); code != exitUsage {
		t.Errorf("--fail-on fatal: exit %d, want 2", code)
	}
}
