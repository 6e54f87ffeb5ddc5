package lint

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/internal/guidetest"
)

func loadShared(t *testing.T, path string) *guide.Guide {
	t.Helper()
	guidetest.ReadShared(t, path)
	g, err := guide.Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
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
		{guidetest.RealGuide, []string{"Authelia=v4.38.0", "MinIO=2024-01-05T22-17-24Z"}, nil, []string{"Application"}, 4, 12},
		{guidetest.MinIOIndex, []string{"Authelia=v4.38.0", "MinIO=2024-01-05T22-17-24Z"}, nil, []string{"Application"}, 4, 12},
		{guidetest.MinIO2024, []string{"Authelia=v4.38.0", "MinIO=2024-01-05T22-17-24Z"},
			map[string]string{"domain": "example.com", "subdomain-authelia": "auth"}, []string{"Application"}, 4, 12},
		{guidetest.MinIOCurrent, []string{"Authelia=v4.39.20", "MinIO=2025-04-22T22-12-26Z"},
			map[string]string{"domain": "example.com", "subdomain-authelia": "auth"},
			[]string{"Environment Variables (Standard)", "Environment Variables (Docker Compose)", "Web GUI"}, 4, 12},
		{guidetest.Beszel, []string{"Authelia=v4.39.20", "Beszel=v0.10.2"},
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
			for _, err := range Consistency(g) {
				t.Error(err)
			}
		})
	}
}

func TestSitevarOverride(t *testing.T) {
	guidetest.ReadShared(t, guidetest.MinIOCurrent)
	o, err := guide.ParseSitevars("domain=guidewalk.test")
	if err != nil {
		t.Fatal(err)
	}
	g, err := guide.LoadWith(guidetest.MinIOCurrent, guide.Options{Sitevars: o})
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
	for _, err := range Consistency(g) {
		t.Error(err)
	}

	// Naming a sitevar the guide never uses is an error without a line.
	_, err = guide.LoadWith(guidetest.MinIOCurrent, guide.Options{Sitevars: map[string]string{"domain": "x.test", "tld": "test"}})
	var ge *guide.Error
	if !errors.As(err, &ge) || ge.Line != 0 ||
		err.Error() != guidetest.MinIOCurrent+": GUIDEWALK_SITEVARS names tld, which the guide does not use; it uses: domain, subdomain-authelia" {
		t.Errorf("unknown sitevar error = %v", err)
	}
	// An old guide uses none.
	if _, err := guide.LoadWith(guidetest.RealGuide, guide.Options{Sitevars: map[string]string{"domain": "x.test"}}); err == nil || !strings.Contains(err.Error(), "it uses: none") {
		t.Errorf("override on a guide without sitevars: %v", err)
	}
}

// TestInconsistentCurrentGuide checks copies of current.md whose methods
// disagree: each must be reported at the line named, naming the other lines.
func TestInconsistentCurrentGuide(t *testing.T) {
	src := guidetest.ReadShared(t, guidetest.MinIOCurrent)
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
			g, err := guide.Parse(path, []byte(edited))
			if err != nil {
				t.Fatal(err)
			}
			errs := Consistency(g)
			line := guidetest.LineOf(t, edited, c.at)
			if !guidetest.ErrorAt(errs, path, line, c.contains...) {
				t.Errorf("want an error at line %d containing %q, got:\n%v", line, c.contains, errs)
			}
		})
	}
}

// TestComposeListEnvironment: a compose environment written as a list of
// "K=V" reads as the map form does.
func TestComposeListEnvironment(t *testing.T) {
	src := guidetest.ReadShared(t, guidetest.MinIOCurrent)
	list := regexp.MustCompile(`(?m)^      (MINIO_\w+): '(.*)'$`).ReplaceAllString(src, "      - $1=$2")
	if !strings.Contains(list, "      - MINIO_IDENTITY_OPENID_CLIENT_ID=minio\n") {
		t.Fatal("compose block not rewritten")
	}
	g, err := guide.Parse("list.md", []byte(list))
	if err != nil {
		t.Fatal(err)
	}
	m, err := g.Method("Environment Variables (Docker Compose)")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := m.Var("MINIO_IDENTITY_OPENID_CLIENT_ID"); len(m.Vars) != 9 || !ok || v != (guide.Var{Name: "MINIO_IDENTITY_OPENID_CLIENT_ID", Value: "minio", Line: 115}) {
		t.Errorf("vars = %+v", m.Vars)
	}
	for _, err := range Consistency(g) {
		t.Error(err)
	}
}

func TestSitevarConflict(t *testing.T) {
	src := guidetest.ReadShared(t, guidetest.MinIOCurrent)
	edited := strings.Replace(src, "- __Client ID:__ `minio`", "- __Client ID:__ `minio`\n- __Mail:__ `a@{{< sitevar name=\"domain\" nojs=\"example.org\" >}}`", 1)
	g, err := guide.Parse("c.md", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	if !guidetest.ErrorAt(Consistency(g), "c.md", 39, `sitevar "domain": line 36 says "example.com", line 39 says "example.org"`) {
		t.Errorf("Consistency = %v", Consistency(g))
	}
	// An override makes them agree.
	g, err = guide.ParseWith("c.md", []byte(edited), guide.Options{Sitevars: map[string]string{"domain": "guidewalk.test"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range Consistency(g) {
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
	if m.Name != "" || m.Variant != "" || m.Kind != guide.MethodSteps || m.Line != 67 || m.Label() != "Application" || g.ApplicationLine != 67 ||
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
	src := guidetest.ReadShared(t, guidetest.Beszel)
	g := loadShared(t, guidetest.Beszel)
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
	g, err := guide.Parse("b.md", []byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	if !guidetest.ErrorAt(Consistency(g), "b.md", 98, `the Web GUI step 9's Client secret is "other", but the Assumptions' Client Secret (line 39)`) {
		t.Errorf("Consistency = %v", Consistency(g))
	}
	// Authelia's endpoints follow from its root URL.
	edited = strings.Replace(src, "/api/oidc/token`", "/api/oidc/tokens`", 1)
	if g, err = guide.Parse("b.md", []byte(edited)); err != nil {
		t.Fatal(err)
	}
	if !guidetest.ErrorAt(Consistency(g), "b.md", 101, `the Web GUI step 9's Token URL is "https://auth.example.com/api/oidc/tokens", but the Authelia Root URL (line 37) implies "https://auth.example.com/api/oidc/token"`) {
		t.Errorf("Consistency = %v", Consistency(g))
	}
}

// TestEnvBlockForms: export and quotes in a .env block; a shell block that
// is a command, not variables, is no method.
func TestEnvBlockForms(t *testing.T) {
	src := guidetest.ReadShared(t, guidetest.MinIOCurrent)
	edited := strings.Replace(src, "MINIO_IDENTITY_OPENID_CLIENT_ID=minio\n", "export MINIO_IDENTITY_OPENID_CLIENT_ID=\"minio\"\n# a comment\n", 1)
	edited = strings.Replace(edited, "You may also want to consider adding a\n", "```bash\ndocker compose up -d\n```\n\nYou may also want to consider adding a\n", 1)
	g, err := guide.Parse("e.md", []byte(edited))
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
	for _, err := range Consistency(g) {
		t.Error(err)
	}
}
