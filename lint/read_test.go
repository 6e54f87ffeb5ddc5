package lint

import (
	"strings"
	"testing"
)

// A guide shaped as many of the docs' are, with the noise the checker
// must not report: quotes, comments, a period after a code span, scope
// lists written with spaces or commas, an issuer and its discovery URL,
// switches spelled differently, a variable the GUI has no field for.
const lenientGuide = `---
title: "App"
---

## Tested Versions

- Authelia v4.39.1
- [App]
  - v1.0

### Assumptions

- __Application Root URL:__ ` + "`https://app.example.com/`" + `
- __Authelia Root URL:__ ` + "`https://auth.example.com/`" + `
- __Client ID:__ ` + "`app`" + `
- __Client Secret:__ ` + "`insecure_secret`" + `

### Authelia

` + "```yaml" + `
definitions:
  user_attributes: {}
identity_providers:
  oidc:
    clients:
      - client_id: 'app'
        client_secret: 'insecure_secret'
        redirect_uris:
          - 'https://app.example.com/callback'
        scopes: ['openid', 'profile', 'email']
` + "```" + `

### Application

To configure App there are three methods, using the Environment Variables, the Configuration File, or using the Web GUI.

#### Environment Variables

##### Standard

` + "```shell {title=\".env\"}" + `
APP_OIDC_CLIENT_ID="app"
APP_OIDC_SCOPES=openid profile email # what the app asks for
APP_OIDC_ISSUER=https://auth.example.com/.well-known/openid-configuration
APP_OIDC_PKCE=true
APP_OIDC_NOT_IN_GUI=x
` + "```" + `

##### Docker Compose

` + "```yaml {title=\"compose.yml\"}" + `
services:
  app:
    environment:
      - 'APP_OIDC_CLIENT_ID=app'
      - APP_OIDC_SCOPES=openid,profile,email
      - APP_OIDC_ISSUER=https://AUTH.example.com:443
      - APP_OIDC_PKCE=1
      - APP_OIDC_NOT_IN_GUI=x
` + "```" + `

#### Configuration File

` + "```toml {title=\"config.toml\"}" + `
[oidc]
client_id = "app"
scopes = ["openid", "profile", "email"]
issuer = "https://auth.example.com" # the issuer
` + "```" + `

#### Web GUI

1. Open the settings.
1. Fill in:
   - Client ID: ` + "`app`" + `.
   - Redirect URI: ` + "`https://app.example.com/callback`" + `
   - Scopes: ` + "`openid`, `profile` and `email`" + `
   - PKCE: Enabled
1. Save.

[App]: https://app.example.com
`

func rules(fs []Finding, sev Severity) []string {
	var out []string
	for _, f := range fs {
		if f.Severity == sev {
			out = append(out, f.String()+" ["+f.Rule+"]")
		}
	}
	return out
}

func TestReadNoNoise(t *testing.T) {
	g, fs := Read("app.md", []byte(lenientGuide), Options{})
	if errs := rules(fs, SeverityError); len(errs) > 0 {
		t.Errorf("errors in a guide that agrees with itself:\n%s", strings.Join(errs, "\n"))
	}
	// Only the scope lists' separators may be said, and as a warning.
	for _, w := range rules(fs, SeverityWarning) {
		if !strings.Contains(w, "["+RuleScopeSeparator+"]") {
			t.Errorf("warning: %s", w)
		}
	}
	var labels []string
	for _, m := range g.Methods {
		labels = append(labels, m.Label()+"/"+m.Kind.String())
	}
	want := "Environment Variables (Standard)/env Environment Variables (Docker Compose)/compose Configuration File/file Web GUI/steps"
	if got := strings.Join(labels, " "); got != want {
		t.Errorf("methods %q, want %q", got, want)
	}
	if len(g.Steps) != 3 || g.Steps[2].Number != 3 {
		t.Errorf("steps numbered 1. 1. 1. read as %d steps, the last numbered %d", len(g.Steps), g.Steps[len(g.Steps)-1].Number)
	}
	if len(g.TestedVersions) != 2 || g.TestedVersions[0].Version != "v4.39.1" {
		t.Errorf("tested versions %+v", g.TestedVersions)
	}
}

// Each edit makes one finding of the given rule and severity at the line
// of the text given, belonging to the method named.
func TestReadFindings(t *testing.T) {
	cases := []struct {
		name, old, new string
		sev            Severity
		rule, at       string
		method         string
	}{
		{"scopes disagree", "APP_OIDC_SCOPES=openid,profile,email", "APP_OIDC_SCOPES=openid,profile", SeverityError, RuleMethodDisagree,
			"APP_OIDC_SCOPES=openid,profile", "Environment Variables (Docker Compose)"},
		{"scope the client lacks", "scopes = [\"openid\", \"profile\", \"email\"]", "scopes = [\"openid\", \"groups\"]", SeverityError, RuleScopes,
			"scopes = [", "Configuration File"},
		{"named differently", "      - 'APP_OIDC_CLIENT_ID=app'", "      - 'APP_OAUTH_CLIENT_ID=app'", SeverityError, RuleMethodNames,
			"APP_OIDC_CLIENT_ID=", "Environment Variables (Standard)"},
		{"switch disagrees", "   - PKCE: Enabled", "   - PKCE: Disabled", SeverityError, RuleMethodDisagree,
			"APP_OIDC_PKCE=1", "Environment Variables (Docker Compose)"},
		{"redirect URI not the client's", "   - Redirect URI: `https://app.example.com/callback`", "   - Redirect URI: `https://app.example.com/cb`", SeverityError, RuleRedirectURI,
			"- Redirect URI:", "Web GUI"},
		{"wrong issuer", `issuer = "https://auth.example.com" # the issuer`, `issuer = "https://login.example.com"`, SeverityError, RuleProvider,
			`issuer = "https://login`, "Configuration File"},
		{"two steps numbered 2", "1. Fill in:", "2. Fill in:\n2. Look.", SeverityError, RuleStepNumbers, "2. Look.", "Web GUI"},
		{"a step missing", "1. Fill in:", "2. Fill in:\n4. Look.", SeverityError, RuleStepNumbers, "4. Look.", "Web GUI"},
		{"introduction names a method the guide lacks", "#### Configuration File", "#### Settings", SeverityError, RuleIntroMethods,
			"there are three methods", ""},
		{"introduction names fewer methods than the guide has", "there are three methods, using the Environment Variables, the Configuration File, or using the Web GUI",
			"there are two methods, using the Environment Variables, or using the Web GUI", SeverityError, RuleIntroMethods, "there are two methods", ""},
		{"block does not parse", "      - APP_OIDC_PKCE=1", "      - APP_OIDC_PKCE=1\n     bad: [", SeverityError, RuleBlockSyntax, "", "Environment Variables (Docker Compose)"},
		{"no Assumptions", "### Assumptions", "### Premises", SeverityNotice, RuleUnread, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(lenientGuide, c.old, c.new, 1)
			if src == lenientGuide {
				t.Fatalf("%q not in the guide", c.old)
			}
			_, fs := Read("app.md", []byte(src), Options{})
			line := 0
			if c.at != "" {
				for i, l := range strings.Split(src, "\n") {
					if strings.Contains(l, c.at) {
						line = i + 1
						break
					}
				}
			}
			for _, f := range fs {
				if f.Rule == c.rule && f.Severity == c.sev && (line == 0 || f.Line == line) && f.Method == c.method {
					if got := OfMethod(fs, c.method); c.method != "" && len(got) == 0 {
						t.Errorf("OfMethod(%q) is empty", c.method)
					}
					return
				}
			}
			t.Errorf("no %s %s at line %d of method %q:\n%s", c.sev, c.rule, line, c.method, strings.Join(append(rules(fs, SeverityError), append(rules(fs, SeverityWarning), rules(fs, SeverityNotice)...)...), "\n"))
		})
	}
}

// Read never fails: what it cannot read is a notice, and the rest is read.
func TestReadNeverFails(t *testing.T) {
	for _, src := range []string{"", "no front matter, no sections", "---\ntitle: x\n", "---\ntitle: [\n---\n### Application\n\n1. x\n"} {
		g, fs := Read("x.md", []byte(src), Options{})
		if g == nil {
			t.Fatalf("Read(%q) = nil guide", src)
		}
		if len(rules(fs, SeverityNotice)) == 0 {
			t.Errorf("Read(%q): no notice of what it could not read: %v", src, fs)
		}
	}
}
