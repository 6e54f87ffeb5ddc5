package guide

import (
	"errors"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Upstream revisions of Authelia's guides, read where they are shared; they
// are never copied into the project.
const (
	minioIndex   = "../../shared/guides/minio/index.md"
	minio2024    = "../../shared/guides/minio/2024-11-06.md"
	minioCurrent = "../../shared/guides/minio/current.md"
	beszel       = "../../shared/guides/beszel/current.md"
)

// readShared reads a shared guide, skipping the test when it is missing.
func readShared(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared guide %s is missing", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func loadShared(t *testing.T, path string) *Guide {
	t.Helper()
	readShared(t, path)
	g, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

// errorAt finds an error at line whose message contains every one of subs.
func errorAt(errs []error, path string, line int, subs ...string) bool {
	for _, err := range errs {
		s := err.Error()
		if !strings.HasPrefix(s, path+":"+strconv.Itoa(line)+":") {
			continue
		}
		ok := true
		for _, sub := range subs {
			ok = ok && strings.Contains(s, sub)
		}
		if ok {
			return true
		}
	}
	return false
}

func TestSharedGuidesParseAndAreConsistent(t *testing.T) {
	cases := []struct {
		path     string
		versions []string // product=version
		sitevars map[string]string
		methods  []string
		form     int // the form step's number
		items    int
	}{
		{realGuide, []string{"Authelia=v4.38.0", "MinIO=2024-01-05T22-17-24Z"}, nil, []string{"Application"}, 4, 12},
		{minioIndex, []string{"Authelia=v4.38.0", "MinIO=2024-01-05T22-17-24Z"}, nil, []string{"Application"}, 4, 12},
		{minio2024, []string{"Authelia=v4.38.0", "MinIO=2024-01-05T22-17-24Z"},
			map[string]string{"domain": "example.com", "subdomain-authelia": "auth"}, []string{"Application"}, 4, 12},
		{minioCurrent, []string{"Authelia=v4.39.20", "MinIO=2025-04-22T22-12-26Z"},
			map[string]string{"domain": "example.com", "subdomain-authelia": "auth"},
			[]string{"Environment Variables (Standard)", "Environment Variables (Docker Compose)", "Web GUI"}, 4, 12},
		{beszel, []string{"Authelia=v4.39.20", "Beszel=v0.10.2"},
			map[string]string{"domain": "example.com", "subdomain-authelia": "auth"}, []string{"Web GUI"}, 9, 7},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			g := loadShared(t, c.path)
			var versions, methods []string
			for _, v := range g.TestedVersions {
				versions = append(versions, v.Product+"="+v.Version)
			}
			for _, m := range g.Methods {
				methods = append(methods, m.Label())
			}
			if !reflect.DeepEqual(versions, c.versions) {
				t.Errorf("versions = %q, want %q", versions, c.versions)
			}
			if !reflect.DeepEqual(g.Sitevars, c.sitevars) {
				t.Errorf("Sitevars = %v, want %v", g.Sitevars, c.sitevars)
			}
			if !reflect.DeepEqual(methods, c.methods) {
				t.Errorf("methods = %q, want %q", methods, c.methods)
			}
			if f, ok := g.Form(); !ok || f.Number != c.form || len(f.Items) != c.items {
				t.Errorf("Form = step %d with %d items (%v), want step %d with %d", f.Number, len(f.Items), ok, c.form, c.items)
			}
			for _, a := range g.Assumptions {
				if strings.Contains(a.Value, "{{") {
					t.Errorf("assumption %q keeps a shortcode: %q", a.Name, a.Value)
				}
			}
			if strings.Contains(g.ClientYAML, "{{") {
				t.Errorf("client YAML keeps a shortcode")
			}
			for _, err := range g.Consistency() {
				t.Error(err)
			}
		})
	}
}

func TestCurrentMinIOMethods(t *testing.T) {
	g := loadShared(t, minioCurrent)
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
	if _, err := g.Method("Web UI"); err == nil || !strings.HasPrefix(err.Error(), minioCurrent+":85:") ||
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
	if _, err := g.Step(10); err == nil || !strings.HasPrefix(err.Error(), minioCurrent+":125:") || !strings.Contains(err.Error(), `"#### Web GUI" has steps 1..9`) {
		t.Errorf("Step(10) error = %v", err)
	}
}

func TestCurrentMinIOShortcodes(t *testing.T) {
	src := readShared(t, minioCurrent)
	g := loadShared(t, minioCurrent)
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

func TestSitevarOverride(t *testing.T) {
	readShared(t, minioCurrent)
	o, err := ParseSitevars("domain=guidewalk.test")
	if err != nil {
		t.Fatal(err)
	}
	g, err := LoadWith(minioCurrent, Options{Sitevars: o})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"domain": "guidewalk.test", "subdomain-authelia": "auth"}; !reflect.DeepEqual(g.Sitevars, want) {
		t.Errorf("Sitevars = %v", g.Sitevars)
	}
	const config = "https://auth.guidewalk.test/.well-known/openid-configuration"
	if a, _ := g.Assumption("Application Root URL"); a.Value != "https://minio.guidewalk.test/" || a.Line != 36 {
		t.Errorf("Application Root URL = %+v", a)
	}
	if a, _ := g.Assumption("Authelia Root URL"); a.Value != "https://auth.guidewalk.test/" {
		t.Errorf("Authelia Root URL = %+v", a)
	}
	if c, _ := g.Client("minio"); !reflect.DeepEqual(c["redirect_uris"], []any{"https://minio.guidewalk.test/oauth_callback"}) {
		t.Errorf("redirect_uris = %v", c["redirect_uris"])
	}
	if g.ClientYAMLLine != 53 || !strings.Contains(g.ClientYAML, "          - 'https://minio.guidewalk.test/oauth_callback'\n") {
		t.Errorf("ClientYAML (line %d) =\n%s", g.ClientYAMLLine, g.ClientYAML)
	}
	for _, label := range []string{"Environment Variables (Standard)", "Environment Variables (Docker Compose)"} {
		m, _ := g.Method(label)
		if v, _ := m.Var("MINIO_IDENTITY_OPENID_CONFIG_URL"); v.Value != config {
			t.Errorf("%s: config URL = %+v", label, v)
		}
		if v, _ := m.Var("MINIO_IDENTITY_OPENID_REDIRECT_URI"); v.Value != "https://minio.guidewalk.test/oauth_callback" {
			t.Errorf("%s: redirect URI = %+v", label, v)
		}
	}
	form, _ := g.Form()
	if it, _ := form.Item("Config URL"); it.Value != config || it.Line != 134 {
		t.Errorf("form Config URL = %+v", it)
	}
	if it, _ := form.Item("Redirect URI"); it.Value != "https://minio.guidewalk.test/oauth_callback" {
		t.Errorf("form Redirect URI = %+v", it)
	}
	for _, err := range g.Consistency() {
		t.Error(err)
	}

	// Naming a sitevar the guide never uses is an error without a line.
	_, err = LoadWith(minioCurrent, Options{Sitevars: map[string]string{"domain": "x.test", "tld": "test"}})
	var ge *Error
	if !errors.As(err, &ge) || ge.Line != 0 ||
		err.Error() != minioCurrent+": GUIDEWALK_SITEVARS names tld, which the guide does not use; it uses: domain, subdomain-authelia" {
		t.Errorf("unknown sitevar error = %v", err)
	}
	// An old guide uses none.
	if _, err := LoadWith(realGuide, Options{Sitevars: map[string]string{"domain": "x.test"}}); err == nil || !strings.Contains(err.Error(), "it uses: none") {
		t.Errorf("override on a guide without sitevars: %v", err)
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
		for _, sp := range findShortcodes(c.line) {
			if c.line[sp.start:sp.end] != sp.sc.Raw {
				t.Errorf("%q: span %d..%d is not %q", c.line, sp.start, sp.end, sp.sc.Raw)
			}
			got = append(got, sp.sc)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("findShortcodes(%q) = %+v, want %+v", c.line, got, c.want)
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
	src := readShared(t, minioCurrent)
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
	src := readShared(t, minioCurrent)
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
			line := lineOf(t, broken, c.at)
			if c.name == "sitevar without a value" {
				line-- // the needle is the line after it
			}
			if !errorAt([]error{err}, path, line, c.contains...) {
				t.Errorf("error %q: want line %d containing %q", err, line, c.contains)
			}
		})
	}
}

// TestInconsistentCurrentGuide checks copies of current.md whose methods
// disagree: each must be reported at the line named, naming the other lines.
func TestInconsistentCurrentGuide(t *testing.T) {
	src := readShared(t, minioCurrent)
	const path = "edited.md"
	cases := []struct {
		name, old, new, at string
		contains           []string
	}{
		{"compose disagrees with .env", "MINIO_IDENTITY_OPENID_CLAIM_NAME: 'groups'", "MINIO_IDENTITY_OPENID_CLAIM_NAME: 'roles'", "_CLAIM_NAME: 'roles'",
			[]string{"the Docker Compose block and the .env block disagree: line 121 sets MINIO_IDENTITY_OPENID_CLAIM_NAME=roles, line 104 sets MINIO_IDENTITY_OPENID_CLAIM_NAME=groups"}},
		{"compose disagrees with the form", "MINIO_IDENTITY_OPENID_CLAIM_NAME: 'groups'", "MINIO_IDENTITY_OPENID_CLAIM_NAME: 'roles'", "_CLAIM_NAME: 'roles'",
			[]string{"line 121 sets MINIO_IDENTITY_OPENID_CLAIM_NAME=roles", "line 137 says Claim Name: groups"}},
		{"compose lacks a variable", "      MINIO_IDENTITY_OPENID_DISPLAY_NAME: 'Authelia'\n", "", "MINIO_IDENTITY_OPENID_DISPLAY_NAME=",
			[]string{"the .env block (line 103) sets MINIO_IDENTITY_OPENID_DISPLAY_NAME=Authelia, the Docker Compose block (line 111) does not set it"}},
		{"wrong digest", "JNRBzwAo0ek5", "JNRBzwAo0ek6", "client_secret:",
			[]string{"not the digest of the Client Secret", "(line 39)"}},
		{"Web GUI entry disagrees with .env", "   - Claim User Info: Enabled", "   - Claim User Info: Disabled", "_CLAIM_USERINFO=on",
			[]string{"the .env block and the Web GUI step 4 disagree", "line 105 sets MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on", "line 143 says Claim User Info: Disabled"}},
		{"Web GUI literal disagrees with .env", "   - Display Name: `Authelia`", "   - Display Name: `MinIO`", "_DISPLAY_NAME=Authelia",
			[]string{"line 103 sets MINIO_IDENTITY_OPENID_DISPLAY_NAME=Authelia", "line 138 says Display Name: MinIO"}},
		{"Leave Empty but set", "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on", "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on\nMINIO_IDENTITY_OPENID_ROLE_POLICY=readonly", "_ROLE_POLICY=",
			[]string{"sets MINIO_IDENTITY_OPENID_ROLE_POLICY=readonly", "says Role Policy: Leave Empty"}},
		// A variable a GUI form has no field for is no finding; one the
		// other environment block lacks is a warning.
		{".env variable compose lacks", "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on", "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on\nMINIO_IDENTITY_OPENID_VENDOR=authelia", "_VENDOR=",
			[]string{"the .env block (line 106) sets MINIO_IDENTITY_OPENID_VENDOR=authelia, the Docker Compose block (line 112) does not set it"}},
		{"compose variable the .env block lacks", "MINIO_IDENTITY_OPENID_DISPLAY_NAME=Authelia\n", "", "_DISPLAY_NAME: 'Authelia'",
			[]string{"the Docker Compose block (line 119) sets MINIO_IDENTITY_OPENID_DISPLAY_NAME=Authelia, the .env block (line 97) does not set it"}},
		{".env client ID differs from the Assumptions", "MINIO_IDENTITY_OPENID_CLIENT_ID=minio", "MINIO_IDENTITY_OPENID_CLIENT_ID=minio2", "_CLIENT_ID=minio2",
			[]string{"the .env block's MINIO_IDENTITY_OPENID_CLIENT_ID is \"minio2\", but the client's client_id is \"minio\""}},
		{"compose scopes differ from the client", "MINIO_IDENTITY_OPENID_SCOPES: 'openid,profile,email,groups'", "MINIO_IDENTITY_OPENID_SCOPES: 'openid,profile'", "_SCOPES: 'openid,profile'",
			[]string{"the Docker Compose block's MINIO_IDENTITY_OPENID_SCOPES is \"openid,profile\", but the client's scopes (line 67)"}},
		{".env config URL differs from the Authelia Root URL", "/.well-known/openid-configuration\nMINIO", "/.well-known/openid\nMINIO", "_CONFIG_URL=",
			[]string{"MINIO_IDENTITY_OPENID_CONFIG_URL is", "but the Authelia Root URL (line 37) is \"https://auth.example.com/\""}},
		{"form redirect URI not registered", "   - Redirect URI: `https://minio.{{< sitevar", "   - Redirect URI: `https://minio2.{{< sitevar", "- Redirect URI:",
			[]string{"the Web GUI step 4's Redirect URI", "is not among the client's redirect_uris (line 65)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel() // each Consistency verifies a 310000-round digest
			edited := strings.Replace(src, c.old, c.new, 1)
			if edited == src {
				t.Fatalf("%q not in the guide", c.old)
			}
			g, err := Parse(path, []byte(edited))
			if err != nil {
				t.Fatal(err)
			}
			errs := g.Consistency()
			line := lineOf(t, edited, c.at)
			if !errorAt(errs, path, line, c.contains...) {
				t.Errorf("want an error at line %d containing %q, got:\n%v", line, c.contains, errs)
			}
		})
	}
}

// TestComposeListEnvironment: a compose environment written as a list of
// "K=V" reads as the map form does.
func TestComposeListEnvironment(t *testing.T) {
	src := readShared(t, minioCurrent)
	list := regexp.MustCompile(`(?m)^      (MINIO_\w+): '(.*)'$`).ReplaceAllString(src, "      - $1=$2")
	if !strings.Contains(list, "      - MINIO_IDENTITY_OPENID_CLIENT_ID=minio\n") {
		t.Fatal("compose block not rewritten")
	}
	g, err := Parse("list.md", []byte(list))
	if err != nil {
		t.Fatal(err)
	}
	m, err := g.Method("Environment Variables (Docker Compose)")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := m.Var("MINIO_IDENTITY_OPENID_CLIENT_ID"); len(m.Vars) != 9 || !ok || v != (Var{"MINIO_IDENTITY_OPENID_CLIENT_ID", "minio", 115}) {
		t.Errorf("vars = %+v", m.Vars)
	}
	for _, err := range g.Consistency() {
		t.Error(err)
	}
}

func TestSitevarConflict(t *testing.T) {
	src := readShared(t, minioCurrent)
	edited := strings.Replace(src, "- __Client ID:__ `minio`", "- __Client ID:__ `minio`\n- __Mail:__ `a@{{< sitevar name=\"domain\" nojs=\"example.org\" >}}`", 1)
	g, err := Parse("c.md", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	if !errorAt(g.Consistency(), "c.md", 39, `sitevar "domain": line 36 says "example.com", line 39 says "example.org"`) {
		t.Errorf("Consistency = %v", g.Consistency())
	}
	// An override makes them agree.
	g, err = ParseWith("c.md", []byte(edited), Options{Sitevars: map[string]string{"domain": "guidewalk.test"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range g.Consistency() {
		t.Error(err)
	}
}

// TestApplicationWithoutSubheadings: an old guide has one unnamed method.
func TestApplicationWithoutSubheadings(t *testing.T) {
	g := loadReal(t)
	if len(g.Methods) != 1 {
		t.Fatalf("Methods = %+v", g.Methods)
	}
	m := g.Methods[0]
	if m.Name != "" || m.Variant != "" || m.Kind != MethodSteps || m.Line != 67 || m.Label() != "Application" || g.ApplicationLine != 67 ||
		!reflect.DeepEqual(m.Steps, g.Steps) {
		t.Errorf("method = %+v", m)
	}
	if got, err := g.Method("Application"); err != nil || got.Line != 67 {
		t.Errorf("Method(Application) = %+v, %v", got, err)
	}
	if g.Sitevars != nil || len(g.Shortcodes) != 1 || g.Shortcodes[0].Name != "oidc-common" {
		t.Errorf("Sitevars %v, Shortcodes %+v", g.Sitevars, g.Shortcodes)
	}
}

// TestBeszelForm: the Beszel form has other labels; only the ones it has are
// checked, against the same Assumptions.
func TestBeszelForm(t *testing.T) {
	src := readShared(t, beszel)
	g := loadShared(t, beszel)
	form, ok := g.Form()
	if !ok || form.Line != 96 {
		t.Fatalf("Form = %+v, %v", form, ok)
	}
	if it, _ := form.Item("Client secret"); it.Value != "insecure_secret" || it.Line != 98 {
		t.Errorf("Client secret = %+v", it)
	}
	if it, _ := form.Item("User info URL"); it.Value != "https://auth.example.com/api/oidc/userinfo" || !it.Literal {
		t.Errorf("User info URL = %+v", it)
	}
	edited := strings.Replace(src, "   - Client secret: `insecure_secret`", "   - Client secret: `other`", 1)
	g, err := Parse("b.md", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	if !errorAt(g.Consistency(), "b.md", 98, `the Web GUI step 9's Client secret is "other", but the Assumptions' Client Secret (line 39)`) {
		t.Errorf("Consistency = %v", g.Consistency())
	}
	// Authelia's endpoints follow from its root URL.
	edited = strings.Replace(src, "/api/oidc/token`", "/api/oidc/tokens`", 1)
	if g, err = Parse("b.md", []byte(edited)); err != nil {
		t.Fatal(err)
	}
	if !errorAt(g.Consistency(), "b.md", 101, `the Web GUI step 9's Token URL is "https://auth.example.com/api/oidc/tokens", but the Authelia Root URL (line 37) implies "https://auth.example.com/api/oidc/token"`) {
		t.Errorf("Consistency = %v", g.Consistency())
	}
}

// TestEnvBlockForms: export and quotes in a .env block; a shell block that
// is a command, not variables, is no method.
func TestEnvBlockForms(t *testing.T) {
	src := readShared(t, minioCurrent)
	edited := strings.Replace(src, "MINIO_IDENTITY_OPENID_CLIENT_ID=minio\n", "export MINIO_IDENTITY_OPENID_CLIENT_ID=\"minio\"\n# a comment\n", 1)
	edited = strings.Replace(edited, "You may also want to consider adding a\n", "```bash\ndocker compose up -d\n```\n\nYou may also want to consider adding a\n", 1)
	g, err := Parse("e.md", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Methods) != 3 {
		t.Errorf("%d methods", len(g.Methods))
	}
	env, _ := g.Method("Environment Variables (Standard)")
	if v, ok := env.Var("MINIO_IDENTITY_OPENID_CLIENT_ID"); !ok || v.Value != "minio" || v.Line != 98 || len(env.Vars) != 9 {
		t.Errorf("CLIENT_ID = %+v, %v (%d vars)", v, ok, len(env.Vars))
	}
	if v, _ := env.Var("MINIO_IDENTITY_OPENID_CLIENT_SECRET"); v.Line != 100 {
		t.Errorf("CLIENT_SECRET line %d after the comment", v.Line)
	}
	for _, err := range g.Consistency() {
		t.Error(err)
	}
}
