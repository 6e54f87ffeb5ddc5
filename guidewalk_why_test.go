package guidewalk_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/guide"
)

// wrongRedirectFeature is one scenario of features/minio/three-methods.feature:
// a user logs in to the MinIO the guide's .env block configures.
const wrongRedirectFeature = `Feature: MinIO configured by the guide's .env block
  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for MinIO

  Scenario: Configured by "Environment Variables (Standard)", a user logs in through Authelia
    # guide: Application > Environment Variables (Standard)
    Given MinIO is configured as the guide's "Environment Variables (Standard)" method says
    # guide step 7
    And "maintainer" is in the Authelia group "readwrite", which matches the policy name in MinIO
    # guide step 8
    When the login screen appears again, I click the "Authelia" button
    # guide step 9
    And I login as "maintainer"
    Then I am logged in to MinIO as "maintainer"
`

// TestGuideSaysWhy: a full run of a guide whose .env block sets a wrong
// redirect URI fails naming that line of the guide and quoting Authelia's
// error hint, not a timeout. The guide is today's MinIO guide from
// ../shared with that one line changed, in a temporary folder.
func TestGuideSaysWhy(t *testing.T) {
	if os.Getenv("GUIDEWALK_GUIDE") != "" {
		t.Skip("runs against its own mutated guide, not $GUIDEWALK_GUIDE")
	}
	const upstream = "../shared/guides/minio/current.md"
	src, err := os.ReadFile(upstream)
	if err != nil {
		t.Skipf("the upstream guide is not beside the repository: %v", err)
	}
	g, err := guide.Load(upstream)
	if err != nil {
		t.Fatal(err)
	}
	m, err := g.Method("Environment Variables (Standard)")
	if err != nil {
		t.Fatal(err)
	}
	v, ok := m.Var("MINIO_IDENTITY_OPENID_REDIRECT_URI")
	if !ok {
		t.Fatalf("%s: the .env block sets no MINIO_IDENTITY_OPENID_REDIRECT_URI", upstream)
	}
	lines := strings.Split(string(src), "\n")
	lines[v.Line-1] = strings.Replace(lines[v.Line-1], "/oauth_callback", "/oauth_callbak", 1)
	dir := t.TempDir()
	mutated, feature := filepath.Join(dir, "current.md"), filepath.Join(dir, "env.feature")
	if err := os.WriteFile(mutated, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(feature, []byte(wrongRedirectFeature), 0o644); err != nil {
		t.Fatal(err)
	}
	// The suite in a process of its own (this test binary, TestGuide only).
	cmd := exec.Command(os.Args[0], "-test.run", "^TestGuide$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GUIDEWALK_GUIDE="+mutated, "GUIDEWALK_FEATURES="+feature,
		"GUIDEWALK_ARTIFACTS="+filepath.Join(dir, "artifacts"), "GUIDEWALK_TAGS=")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the run of a guide with a wrong redirect URI passed:\n%s", out)
	}
	for _, want := range []string{
		mutated + ":" + strconv.Itoa(v.Line) + ": error: the .env block's MINIO_IDENTITY_OPENID_REDIRECT_URI",
		"the lines to fix",
		"Authelia refused",
		`hint: "The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's pre-registered 'redirect_uris'."`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the failed run does not say %q:\n%s", want, tail(string(out), 60))
		}
	}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
