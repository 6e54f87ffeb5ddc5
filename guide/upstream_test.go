package guide

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/internal/guidetest"
)

func loadShared(t *testing.T, path string) *Guide {
	t.Helper()
	guidetest.ReadShared(t, path)
	g, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestCurrentMinIOMethods(t *testing.T) {
	g := loadShared(t, guidetest.MinIOCurrent)
	if g.ApplicationLine != 85 || g.ClientYAMLLine != 53 {
		t.Errorf("ApplicationLine %d, ClientYAMLLine %d", g.ApplicationLine, g.ClientYAMLLine)
	}
	if len(g.Clients) != 1 || g.Clients[0]["client_id"] != "minio" {
		t.Errorf("Clients = %v", g.Clients)
	}
	if v, err := g.Version("minio"); err != nil || v.Version != "2025-04-22T22-12-26Z" || v.Line != 28 {
		t.Errorf("Version(minio) = %+v, %v", v, err)
	}
	if a, err := g.Assumption("Authelia Root URL"); err != nil || a.Value != "https://auth.example.com/" || a.Line != 37 {
		t.Errorf("Authelia Root URL = %+v, %v", a, err)
	}
	if c, _ := g.Client("minio"); !reflect.DeepEqual(c["redirect_uris"], []any{"https://minio.example.com/oauth_callback"}) {
		t.Errorf("redirect_uris = %v", c["redirect_uris"])
	}

	methods := []struct {
		label, name, variant string
		line                 int
		kind                 MethodKind
		vars                 int
		service, lang, title string
		blockLine            int
	}{
		{"Environment Variables (Standard)", "Environment Variables", "Standard", 94, MethodEnv, 9, "", "shell", ".env", 97},
		{"Environment Variables (Docker Compose)", "Environment Variables", "Docker Compose", 108, MethodCompose, 9, "minio", "yaml", "compose.yml", 111},
		{"Web GUI", "Web GUI", "", 125, MethodSteps, 0, "", "", "", 0},
	}
	if len(g.Methods) != len(methods) {
		t.Fatalf("%d methods, want %d", len(g.Methods), len(methods))
	}
	for i, w := range methods {
		m, err := g.Method(w.label)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(m, g.Methods[i]) || m.Name != w.name || m.Variant != w.variant || m.Line != w.line || m.Kind != w.kind ||
			len(m.Vars) != w.vars || m.Service != w.service || m.Block.Lang != w.lang || m.Block.Title != w.title || m.Block.Line != w.blockLine {
			t.Errorf("method %q = %+v", w.label, m)
		}
	}
	if _, err := g.Method("Web UI"); err == nil || !strings.HasPrefix(err.Error(), guidetest.MinIOCurrent+":85:") ||
		!strings.Contains(err.Error(), `"Environment Variables (Standard)", "Environment Variables (Docker Compose)", "Web GUI"`) {
		t.Errorf("Method(Web UI) error = %v", err)
	}

	vars := []struct {
		method, name, value string
		line                int
	}{
		{"Environment Variables (Standard)", "MINIO_IDENTITY_OPENID_CONFIG_URL", "https://auth.example.com/.well-known/openid-configuration", 97},
		{"Environment Variables (Standard)", "MINIO_IDENTITY_OPENID_CLIENT_ID", "minio", 98},
		{"Environment Variables (Standard)", "MINIO_IDENTITY_OPENID_CLAIM_USERINFO", "on", 105},
		{"Environment Variables (Docker Compose)", "MINIO_IDENTITY_OPENID_CONFIG_URL", "https://auth.example.com/.well-known/openid-configuration", 114},
		{"Environment Variables (Docker Compose)", "MINIO_IDENTITY_OPENID_CLIENT_SECRET", "insecure_secret", 116},
		{"Environment Variables (Docker Compose)", "MINIO_IDENTITY_OPENID_REDIRECT_URI_DYNAMIC", "off", 119},
	}
	for _, w := range vars {
		m, _ := g.Method(w.method)
		if v, ok := m.Var(w.name); !ok || v != (Var{w.name, w.value, w.line}) {
			t.Errorf("%s: Var(%s) = %+v, %v", w.method, w.name, v, ok)
		}
	}
	env, _ := g.Method("Environment Variables (Standard)")
	if env.Vars[0].Name != "MINIO_IDENTITY_OPENID_CONFIG_URL" || env.Vars[8].Name != "MINIO_IDENTITY_OPENID_CLAIM_USERINFO" {
		t.Errorf("env vars not in block order: %+v", env.Vars)
	}
	if _, ok := env.Var("MINIO_ROOT_USER"); ok {
		t.Error("Var(MINIO_ROOT_USER) found")
	}

	web, _ := g.Method("Web GUI")
	if !reflect.DeepEqual(web.Steps, g.Steps) || len(g.Steps) != 9 {
		t.Fatalf("Steps (%d) are not the Web GUI steps", len(g.Steps))
	}
	for i, line := range []int{129, 130, 131, 132, 145, 146, 148, 149, 150} {
		if s := g.Steps[i]; s.Number != i+1 || s.Line != line {
			t.Errorf("step %d: Number %d Line %d, want line %d", i+1, s.Number, s.Line, line)
		}
	}
	s4, _ := g.Step(4)
	form, ok := g.Form()
	if !ok || !reflect.DeepEqual(form, s4) || s4.Text != "Configure the following options:" || len(s4.Items) != 12 {
		t.Fatalf("Form = %+v, %v; step 4 = %q with %d items", form, ok, s4.Text, len(s4.Items))
	}
	items := []struct {
		label, value string
		literal      bool
		line         int
	}{
		{"Name", "authelia", true, 133},
		{"Config URL", "https://auth.example.com/.well-known/openid-configuration", true, 134},
		{"Redirect URI", "https://minio.example.com/oauth_callback", true, 141},
		{"Role Policy", "Leave Empty", false, 142},
		{"Claim User Info", "Enabled", false, 143},
		{"Redirect URI Dynamic", "Disabled", false, 144},
	}
	for _, w := range items {
		if it, ok := s4.Item(w.label); !ok || it.Value != w.value || it.Literal != w.literal || it.Line != w.line {
			t.Errorf("step 4 Item(%q) = %+v, %v", w.label, it, ok)
		}
	}
	if _, err := g.Step(10); err == nil || !strings.HasPrefix(err.Error(), guidetest.MinIOCurrent+":125:") || !strings.Contains(err.Error(), `"#### Web GUI" has steps 1..9`) {
		t.Errorf("Step(10) error = %v", err)
	}
}

func TestCurrentMinIOShortcodes(t *testing.T) {
	src := guidetest.ReadShared(t, guidetest.MinIOCurrent)
	g := loadShared(t, guidetest.MinIOCurrent)
	var others []Shortcode
	rendered := 0
	for _, sc := range g.Shortcodes {
		if sc.Rendered {
			rendered++
			if sc.Name != "sitevar" || sc.Args["name"] == "" || !strings.Contains(src, sc.Raw) {
				t.Errorf("rendered shortcode %+v", sc)
			}
			continue
		}
		others = append(others, sc)
	}
	if want := strings.Count(src, `{{< sitevar name=`); rendered != want {
		t.Errorf("%d sitevars rendered, the source has %d", rendered, want)
	}
	want := []Shortcode{
		{Name: "oidc-common", Args: map[string]string{"bugs": "claims-hydration"}, Line: 30, Raw: `{{% oidc-common bugs="claims-hydration" %}}`},
		{Name: "sitevar-preferences", Line: 43, Raw: `{{< sitevar-preferences >}}`},
		{Name: "oidc-escape-hatch-claims-hydration", Args: map[string]string{"client_id": "minio"}, Line: 83, Raw: `{{% oidc-escape-hatch-claims-hydration client_id="minio" %}}`},
	}
	if !reflect.DeepEqual(others, want) {
		t.Errorf("other shortcodes = %+v\nwant %+v", others, want)
	}
	for i := 1; i < len(g.Shortcodes); i++ {
		if g.Shortcodes[i].Line < g.Shortcodes[i-1].Line {
			t.Errorf("shortcodes not in source order at %d", i)
		}
	}
	// The first sitevar of line 37 is subdomain-authelia, then domain.
	var line37 []string
	for _, sc := range g.Shortcodes {
		if sc.Line == 37 {
			line37 = append(line37, sc.Args["name"]+"="+sc.Args["nojs"])
		}
	}
	if !reflect.DeepEqual(line37, []string{"subdomain-authelia=auth", "domain=example.com"}) {
		t.Errorf("line 37 sitevars = %q", line37)
	}
}

func TestParseSitevars(t *testing.T) {
	good := []struct {
		in   string
		want map[string]string
	}{
		{"", nil},
		{"  ", nil},
		{"domain=example.org", map[string]string{"domain": "example.org"}},
		{"domain=example.org,subdomain-authelia=login", map[string]string{"domain": "example.org", "subdomain-authelia": "login"}},
		{" domain = example.org , subdomain-authelia=login,", map[string]string{"domain": "example.org", "subdomain-authelia": "login"}},
	}
	for _, c := range good {
		if got, err := ParseSitevars(c.in); err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseSitevars(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, names string }{
		{"domain", `"domain"`},
		{"domain=example.org,subdomain-authelia", `"subdomain-authelia"`},
		{"=example.org", `"=example.org"`},
		{"domain=", `"domain="`},
		{"my domain=x", `"my domain=x"`},
		{"domain=a,domain=b", `"domain" is given twice`},
	}
	for _, c := range bad {
		if got, err := ParseSitevars(c.in); err == nil || !strings.Contains(err.Error(), c.names) {
			t.Errorf("ParseSitevars(%q) = %v, %v; want an error naming %s", c.in, got, err, c.names)
		}
	}
}

func TestFindShortcodes(t *testing.T) {
	cases := []struct {
		line string
		want []Shortcode
	}{
		{`a {{< x >}} b`, []Shortcode{{Name: "x", Raw: `{{< x >}}`}}},
		{`{{% oidc-common bugs="claims-hydration" %}}`, []Shortcode{{Name: "oidc-common", Args: map[string]string{"bugs": "claims-hydration"}, Raw: `{{% oidc-common bugs="claims-hydration" %}}`}}},
		{`{{< ref "page.md" 2 k=v q="a \"b\"" r=` + "`c d`" + ` >}}`, []Shortcode{{Name: "ref",
			Args: map[string]string{"0": "page.md", "1": "2", "k": "v", "q": `a "b"`, "r": "c d"},
			Raw:  `{{< ref "page.md" 2 k=v q="a \"b\"" r=` + "`c d`" + ` >}}`}}},
		{`{{< tabs >}}x{{< /tabs >}}`, []Shortcode{{Name: "tabs", Raw: `{{< tabs >}}`}, {Name: "/tabs", Raw: `{{< /tabs >}}`}}},
		{`{{< x />}}`, []Shortcode{{Name: "x", Raw: `{{< x />}}`}}},
		{`{{</* x */>}} {{ .Go }} {{< unclosed`, nil},
	}
	for _, c := range cases {
		var got []Shortcode
		for _, sp := range FindShortcodes(c.line) {
			if c.line[sp.Start:sp.End] != sp.Raw {
				t.Errorf("%q: span %d..%d is not %q", c.line, sp.Start, sp.End, sp.Raw)
			}
			got = append(got, sp.Shortcode)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("FindShortcodes(%q) = %+v, want %+v", c.line, got, c.want)
		}
	}
}

func TestFenceInfo(t *testing.T) {
	cases := []struct {
		info, lang string
		attrs      map[string]string
	}{
		{"yaml", "yaml", nil},
		{"", "", nil},
		{`yaml {title="configuration.yml"}`, "yaml", map[string]string{"title": "configuration.yml"}},
		{`shell {title=".env"}`, "shell", map[string]string{"title": ".env"}},
		{`yaml{title="compose.yml"}`, "yaml", map[string]string{"title": "compose.yml"}},
		{`go {linenos=table,hl_lines=[8,"15-17"],title=x.go .cls}`, "go", map[string]string{"linenos": "table", "hl_lines": `[8,"15-17"]`, "title": "x.go"}},
	}
	for _, c := range cases {
		lang, attrs := parseInfo(c.info)
		if lang != c.lang || !reflect.DeepEqual(attrs, c.attrs) {
			t.Errorf("parseInfo(%q) = %q, %v; want %q, %v", c.info, lang, attrs, c.lang, c.attrs)
		}
	}
}

// TestBulletStyles: "-" and "*" bullets read the same.
func TestBulletStyles(t *testing.T) {
	src := guidetest.ReadShared(t, guidetest.MinIOCurrent)
	// Markdown bullets only: front matter and YAML lists keep "-".
	stars := regexp.MustCompile(`(?m)^(\s*)- (\[|__|[A-Z][a-z])`).ReplaceAllString(src, "$1* $2")
	if stars == src || strings.Contains(stars, "\n- __") || strings.Contains(stars, "   - Name:") {
		t.Fatal("bullets not replaced")
	}
	dash, err := Parse("dash.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	star, err := Parse("dash.md", []byte(stars))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(dash.TestedVersions, star.TestedVersions) || !reflect.DeepEqual(dash.Assumptions, star.Assumptions) ||
		!reflect.DeepEqual(dash.Steps, star.Steps) || len(star.Assumptions) != 4 || len(star.TestedVersions) != 2 {
		t.Errorf("'*' bullets read differently:\n%+v\n%+v", dash.Assumptions, star.Assumptions)
	}
}

// TestBrokenCurrentGuide parses copies of current.md broken in memory: each
// must fail at the line named.
func TestBrokenCurrentGuide(t *testing.T) {
	src := guidetest.ReadShared(t, guidetest.MinIOCurrent)
	const path = "broken.md"
	cases := []struct {
		name, old, new, at string
		contains           []string
	}{
		{"shortcode in an assumption", "- __Client ID:__ `minio`", "- __Client ID:__ `{{< client-id >}}`", "__Client ID:__",
			[]string{"shortcode {{< client-id >}} inside a value the suite uses: only sitevar is rendered"}},
		{"shortcode in the client YAML", "client_name: 'MinIO'", "client_name: '{{< product >}}'", "client_name:",
			[]string{"shortcode {{< product >}} inside a value"}},
		{"shortcode in a .env value", "MINIO_IDENTITY_OPENID_DISPLAY_NAME=Authelia", "MINIO_IDENTITY_OPENID_DISPLAY_NAME={{% name %}}", "_DISPLAY_NAME={{%",
			[]string{"shortcode {{% name %}} inside a value"}},
		{"shortcode in a compose value", "MINIO_IDENTITY_OPENID_CLAIM_NAME: 'groups'", "MINIO_IDENTITY_OPENID_CLAIM_NAME: '{{< claim >}}'", "{{< claim >}}",
			[]string{"shortcode {{< claim >}} inside a value"}},
		{"shortcode in a form value", "   - Claim Name: `groups`", "   - Claim Name: `{{< claim >}}`", "- Claim Name:",
			[]string{"shortcode {{< claim >}} inside a value"}},
		{".env line not KEY=VALUE", "MINIO_IDENTITY_OPENID_CLIENT_ID=minio", "MINIO_IDENTITY_OPENID_CLIENT_ID minio", "_CLIENT_ID minio",
			[]string{`line of the .env block is not KEY=VALUE: "MINIO_IDENTITY_OPENID_CLIENT_ID minio"`}},
		{".env variable twice", "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on", "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on\nMINIO_IDENTITY_OPENID_CLAIM_USERINFO=off", "_CLAIM_USERINFO=off",
			[]string{"MINIO_IDENTITY_OPENID_CLAIM_USERINFO is set twice", "line 105 and line 106"}},
		{"compose environment a string", "    environment:\n", "    environment: 'none'\n    x-environment:\n", "environment: 'none'",
			[]string{`environment of service "minio" is neither a map nor a list`}},
		{"compose YAML broken", "      MINIO_IDENTITY_OPENID_CLIENT_ID: 'minio'", "     MINIO_IDENTITY_OPENID_CLIENT_ID: 'minio'", "     MINIO_IDENTITY_OPENID_CLIENT_ID:",
			[]string{"invalid YAML in the compose.yml block"}},
		{"sitevar without a value", `https://minio.{{< sitevar name="domain" nojs="example.com" >}}/`, `https://minio.{{< sitevar name="domain" >}}/`, `nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`,
			[]string{`sitevar "domain" has no nojs value`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			broken := strings.Replace(src, c.old, c.new, 1)
			if broken == src {
				t.Fatalf("%q not in the guide", c.old)
			}
			_, err := Parse(path, []byte(broken))
			var ge *Error
			if !errors.As(err, &ge) {
				t.Fatalf("error %v is not an *Error", err)
			}
			line := guidetest.LineOf(t, broken, c.at)
			if c.name == "sitevar without a value" {
				line-- // the needle is the line after it
			}
			if !guidetest.ErrorAt([]error{err}, path, line, c.contains...) {
				t.Errorf("error %q: want line %d containing %q", err, line, c.contains)
			}
		})
	}
}
