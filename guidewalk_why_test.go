package guidewalk_test

import (
	"fmt"
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

// userFeature is one scenario of features/sftpgo/sftpgo.feature: a user
// logs in to the WebClient of the SFTPGo the guide's .env block configures.
const userFeature = `Feature: SFTPGo configured by the guide's .env block
  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for SFTPGo

  Scenario: Configured by "Environment Variables (Standard)", a user logs in to the WebClient
    # guide: Application > Environment Variables (Standard)
    Given SFTPGo is configured as the guide's "Environment Variables (Standard)" method says
    And "user" is in the Authelia groups for which the guide's role expression gives "user"
    And SFTPGo has a user named like them
    When on SFTPGo's WebClient login page, I choose to sign in with OpenID
    And I login as "user"
    Then I am in SFTPGo's WebClient as "user"
`

// wrongGuide is a guide from ../shared with one line changed, and what a
// run of it must say.
type wrongGuide struct {
	name, upstream string
	feature        string // the feature to run ("" for the one the suite chooses)
	// edit changes the guide's lines; it returns the line that is wrong
	// (1-based) and what the failed run must say, with %[1]s for the
	// edited copy's path and %[2]d for that line.
	edit func(t *testing.T, g *guide.Guide, lines []string) (int, []string)
}

// TestGuideSaysWhy: a full run of a guide that only the application shows
// is wrong fails naming the line of the guide that is wrong and quoting
// Authelia's words, not a timeout: a redirect URI the method sets and the
// client does not register (MinIO), a base URL the application appends
// its own path to (SFTPGo), PKCE required of an application that sends none
// (Node-RED).
func TestGuideSaysWhy(t *testing.T) {
	if os.Getenv("GUIDEWALK_GUIDE") != "" {
		t.Skip("runs against its own mutated guides, not $GUIDEWALK_GUIDE")
	}
	const docs = "../shared/docs/authelia-2026-05-26/clients/"
	for _, c := range []wrongGuide{
		{name: "minio-redirect", upstream: "../shared/guides/minio/current.md", feature: wrongRedirectFeature,
			edit: func(t *testing.T, g *guide.Guide, lines []string) (int, []string) {
				v := methodVar(t, g, "Environment Variables (Standard)", "MINIO_IDENTITY_OPENID_REDIRECT_URI")
				lines[v.Line-1] = strings.Replace(lines[v.Line-1], "/oauth_callback", "/oauth_callbak", 1)
				return v.Line, []string{
					"%[1]s:%[2]d: error: the .env block's MINIO_IDENTITY_OPENID_REDIRECT_URI",
					"the lines to fix",
					"is none of the client's redirect_uris",
					"it built it from the guide's MINIO_IDENTITY_OPENID_REDIRECT_URI (%[1]s:%[2]d)",
					`hint: "The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's pre-registered 'redirect_uris'."`,
				}
			}},
		{name: "sftpgo-appended", upstream: docs + "sftpgo/index.md", feature: userFeature,
			edit: func(t *testing.T, g *guide.Guide, lines []string) (int, []string) {
				// The client registers the OAuth2 callback only: SFTPGo
				// sends its OIDC one, the base URL and its own path.
				uris := g.RedirectURIs("sftpgo")
				if len(uris) < 2 || !strings.Contains(uris[0].Value, "/web/oidc/redirect") {
					t.Fatalf("the client's redirect_uris are %v", uris)
				}
				lines[uris[0].Line-1] = lines[uris[1].Line-1]
				v := methodVar(t, g, "Environment Variables (Standard)", "SFTPGO_HTTPD__BINDINGS__0__OIDC__REDIRECT_BASE_URL")
				return uris[0].Line, []string{
					"the guide (%[1]s:%[2]d) says \"redirect_uris:",
					`the application sent redirect_uri "https://sftpgo.example.com/web/oidc/redirect"`,
					fmt.Sprintf(`it built it from the guide's SFTPGO_HTTPD__BINDINGS__0__OIDC__REDIRECT_BASE_URL (%%[1]s:%d), "https://sftpgo.example.com", to which it appended "/web/oidc/redirect"`, v.Line),
				}
			}},
		{name: "node-red-pkce", upstream: docs + "node-red/index.md",
			edit: func(t *testing.T, g *guide.Guide, lines []string) (int, []string) {
				line := g.ClientKeyLine("node-red", "require_pkce")
				lines[line-1] = strings.Replace(lines[line-1], "false", "true", 1)
				return line, []string{
					`the guide (%[1]s:%[2]d) says "require_pkce: true", but the application sent no code_challenge (no PKCE)`,
					"Clients must include a 'code_challenge'",
				}
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, err := os.ReadFile(c.upstream)
			if err != nil {
				t.Skipf("the upstream guide is not beside the repository: %v", err)
			}
			g, err := guide.Load(c.upstream)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(src), "\n")
			line, wants := c.edit(t, g, lines)
			dir := t.TempDir()
			mutated := filepath.Join(dir, filepath.Base(filepath.Dir(c.upstream))+".md")
			if err := os.WriteFile(mutated, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			env := append(os.Environ(), "GUIDEWALK_GUIDE="+mutated, "GUIDEWALK_ARTIFACTS="+filepath.Join(dir, "artifacts"), "GUIDEWALK_TAGS=")
			if c.feature != "" {
				feature := filepath.Join(dir, "one.feature")
				if err := os.WriteFile(feature, []byte(c.feature), 0o644); err != nil {
					t.Fatal(err)
				}
				env = append(env, "GUIDEWALK_FEATURES="+feature)
			}
			// The suite in a process of its own (this test binary, TestGuide only).
			cmd := exec.Command(os.Args[0], "-test.run", "^TestGuide$", "-test.count=1")
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the run of a wrong guide passed:\n%s", out)
			}
			for _, want := range wants {
				want = strings.NewReplacer("%[1]s", mutated, "%[2]d", strconv.Itoa(line)).Replace(want)
				if !strings.Contains(string(out), want) {
					t.Errorf("the failed run does not say %q:\n%s", want, tail(string(out), 60))
				}
			}
		})
	}
}

// methodVar is the setting name of the guide's method label.
func methodVar(t *testing.T, g *guide.Guide, label, name string) guide.Var {
	t.Helper()
	m, err := g.Method(label)
	if err != nil {
		t.Fatal(err)
	}
	v, ok := m.Var(name)
	if !ok {
		t.Fatalf("%s: the %s method sets no %s", g.Path, label, name)
	}
	return v
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
