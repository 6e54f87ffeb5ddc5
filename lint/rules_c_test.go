package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// appGuide is the fence rule's good fixture with old replaced by new.
func appGuide(t *testing.T, old, new string) string {
	t.Helper()
	src, err := os.ReadFile("testdata/rules/fence/good.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	if old != "" && !strings.Contains(s, old) {
		t.Fatalf("%q not in the fixture", old)
	}
	return strings.Replace(s, old, new, 1)
}

// reported is the findings of rule at the line holding at ("" for any).
func reported(t *testing.T, path, src, rule, at string) []Finding {
	t.Helper()
	_, fs := Read(path, []byte(src), Options{})
	line := 0
	for i, l := range strings.Split(src, "\n") {
		if at != "" && strings.Contains(l, at) {
			line = i + 1 // the last such line: a block added at the end
		}
	}
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule && (line == 0 || f.Line == line) {
			out = append(out, f)
		}
	}
	return out
}

func TestFenceCases(t *testing.T) {
	yamlAsJSON := "```json\noidc:\n  issuer: 'https://auth.example.com'\n  client_id: 'app'\n```\n"
	envOverYAML := "```shell {title=\".env\"}\nservices:\n  app:\n    environment:\n      APP_OIDC_CLIENT_ID: 'app'\n```\n"
	yamlOverEnv := "```yaml\nAPP_X=1\nAPP_Y=2\n```\n"
	titleLies := "```ini {title=\"config.yaml\"}\n[oidc]\nclient_id = app\n```\n"
	commands := "```shell\ndocker compose up -d\necho \"done: yes\"\n```\n"
	near := "```yaml {title=\"docker-compse.yml\"}\nservices:\n  app:\n    image: app\n```\n"
	envrc := "```shell {title=\".envrc\"}\nexport APP=1\n```\n"
	cases := []struct {
		name, block, at, fix string
		want                 Severity // 0: nothing
	}{
		{"YAML fenced as json", yamlAsJSON, "```json", "```yaml", SeverityError},
		{".env title over compose YAML", envOverYAML, "```shell", "```yaml {title=\"compose.yml\"}", SeverityError},
		{"KEY=VALUE fenced as yaml", yamlOverEnv, "```yaml", "```shell", SeverityError},
		{"INI titled as YAML", titleLies, "```ini", "", SeverityError},
		{"shell commands", commands, "", "", 0},
		{"near-miss of docker-compose.yml", near, "```yaml", "```yaml {title=\"docker-compose.yml\"}", SeverityError},
		{".envrc is its own file", envrc, "", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := appGuide(t, "[Authelia]: https://www.authelia.com", c.block+"\n[Authelia]: https://www.authelia.com")
			f := wantOne(t, reported(t, "app.md", src, RuleFence, c.at), c.want)
			if f == nil {
				return
			}
			if fix := f.Fix; c.fix == "" && fix != nil || c.fix != "" && (fix == nil || fix.New != c.fix) {
				t.Errorf("fix: want %q, got %+v", c.fix, fix)
			}
		})
	}
}

func TestMisspeltSettingCases(t *testing.T) {
	cases := []struct {
		name, old, new, at string
		want               Severity
	}{
		{"env and compose, a plural", "      APP_OIDC_SCOPES: 'openid profile email'", "      APP_OIDC_SCOPE: 'openid profile email'", "APP_OIDC_SCOPE:", SeverityError},
		{"env and file, a plural", "  client_secret: 'insecure_secret'", "  client_secrets: 'insecure_secret'", "client_secrets:", SeverityWarning},
		{"a transposition in one variable", "      APP_OIDC_ISSUER: 'https", "      APP_OIDC_ISUSER: 'https", "APP_OIDC_ISUSER", SeverityError},
		{"too little agrees", "  redirect_uri: 'https", "  redirect_url: 'https", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := reported(t, "app.md", appGuide(t, c.old, c.new), RuleMisspeltSetting, c.at)
			if c.want == 0 {
				if len(got) > 0 {
					t.Errorf("reported: %v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != c.want || got[0].Fix != nil {
				t.Fatalf("want one %s without a fix, got %v", c.want, got)
			}
		})
	}
}

func TestComposeServiceSiblings(t *testing.T) {
	tree := t.TempDir()
	for _, g := range []string{"app", "grafana", "db-tool"} {
		if err := os.MkdirAll(filepath.Join(tree, g), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tree, g, "index.md"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(tree, "app", "index.md")
	cases := []struct {
		name, block string
		want        Severity
	}{
		{"another guide's application, alone", "services:\n  grafana-demo:\n    environment:\n      X: '1'\n", SeverityError},
		{"another guide's application beside this one", "services:\n  app:\n    image: 'app'\n  grafana:\n    environment:\n      X: '1'\n", SeverityWarning},
		{"an example name", "services:\n  thing-demo:\n    environment:\n      X: '1'\n", SeverityWarning},
		{"a generic name", "services:\n  server:\n    environment:\n      X: '1'\n", 0},
		{"named after the application", "services:\n  app-server:\n    environment:\n      X: '1'\n", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			block := "```yaml {title=\"compose.yml\"}\n" + c.block + "```\n"
			src := appGuide(t, "[Authelia]: https://www.authelia.com", block+"\n[Authelia]: https://www.authelia.com")
			wantOne(t, reported(t, path, src, RuleComposeService, ""), c.want)
		})
	}
}

func TestNearMissDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"oics", "ocis", 1}, {"comppse.yml", "compose.yml", 1}, {"odic", "oidc", 1}, {"abc", "abc", 0}, {"scope", "scopes", 1}, {"", "ab", 2}} {
		if got := nearMissDistance(c.a, c.b); got != c.d {
			t.Errorf("nearMissDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

func TestFenceJSONOutsideTheApplication(t *testing.T) {
	bad := "```json\n{\"a\": [1, 2}\n```\n"
	src := appGuide(t, "### Application", "### Other\n\n"+bad+"\n### Application")
	if got := reported(t, "app.md", src, RuleFence, `{"a"`); len(got) != 1 {
		t.Errorf("JSON outside the Application section: want one finding, got %v", got)
	}
	src = appGuide(t, "[Authelia]: https://www.authelia.com", bad+"\n[Authelia]: https://www.authelia.com")
	if got := reported(t, "app.md", src, RuleFence, ""); len(got) != 0 {
		t.Errorf("JSON in the Application section is the block-syntax rule's: got %v", got)
	}
}

// wantOne: nothing reported when want is 0, else one finding of severity
// want, which it returns.
func wantOne(t *testing.T, got []Finding, want Severity) *Finding {
	t.Helper()
	if want == 0 {
		if len(got) > 0 {
			t.Errorf("reported: %v", got)
		}
		return nil
	}
	if len(got) != 1 || got[0].Severity != want {
		t.Fatalf("want one %s, got %v", want, got)
	}
	return &got[0]
}
