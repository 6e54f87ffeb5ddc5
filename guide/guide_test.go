package guide

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/internal/guidetest"
)

func loadReal(t *testing.T) *Guide {
	t.Helper()
	g, err := Load(guidetest.RealGuide)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}

func TestRealGuideHeader(t *testing.T) {
	g := loadReal(t)
	if g.Path != guidetest.RealGuide || g.Title != "MinIO" {
		t.Errorf("Path, Title = %q, %q", g.Path, g.Title)
	}
	wantV := []Version{
		{Product: "Authelia", Version: "v4.38.0", Line: 21},
		{Product: "MinIO", Version: "2024-01-05T22-17-24Z", Line: 23},
	}
	if !reflect.DeepEqual(g.TestedVersions, wantV) {
		t.Errorf("TestedVersions = %+v, want %+v", g.TestedVersions, wantV)
	}
	if v, err := g.Version("minio"); err != nil || v != wantV[1] {
		t.Errorf("Version(minio) = %+v, %v", v, err)
	}
	if _, err := g.Version("Keycloak"); err == nil || !strings.Contains(err.Error(), guidetest.RealGuide+":18:") || !strings.Contains(err.Error(), `"Authelia", "MinIO"`) {
		t.Errorf("Version(Keycloak) error = %v", err)
	}

	wantA := []Assumption{
		{Name: "Application Root URL", Value: "https://minio.example.com/", Line: 33},
		{Name: "Authelia Root URL", Value: "https://auth.example.com/", Line: 34},
		{Name: "Client ID", Value: "minio", Line: 35},
		{Name: "Client Secret", Value: "insecure_secret", Line: 36},
	}
	if !reflect.DeepEqual(g.Assumptions, wantA) {
		t.Errorf("Assumptions = %+v, want %+v", g.Assumptions, wantA)
	}
	if a, err := g.Assumption("Client Secret"); err != nil || a != wantA[3] {
		t.Errorf("Assumption(Client Secret) = %+v, %v", a, err)
	}
	_, err := g.Assumption("Client Name")
	if err == nil || !strings.Contains(err.Error(), guidetest.RealGuide+":29:") || !strings.Contains(err.Error(), `"Application Root URL", "Authelia Root URL", "Client ID", "Client Secret"`) {
		t.Errorf("Assumption(Client Name) error = %v", err)
	}

	u, a, err := g.ApplicationRootURL()
	if err != nil || u.Host != "minio.example.com" || u.Scheme != "https" || a.Line != 33 {
		t.Errorf("ApplicationRootURL = %v, %+v, %v", u, a, err)
	}
	u, a, err = g.AutheliaRootURL()
	if err != nil || u.String() != "https://auth.example.com/" || a.Line != 34 {
		t.Errorf("AutheliaRootURL = %v, %+v, %v", u, a, err)
	}
	if got := g.Where(75); got != guidetest.RealGuide+":75" {
		t.Errorf("Where = %q", got)
	}
}

func TestRealGuideClient(t *testing.T) {
	g := loadReal(t)
	if g.ClientYAMLLine != 47 {
		t.Errorf("ClientYAMLLine = %d, want 47", g.ClientYAMLLine)
	}
	// The block text must be exactly the file's lines 47..64.
	lines := strings.SplitAfter(guidetest.ReadReal(t), "\n")
	if want := strings.Join(lines[46:64], ""); g.ClientYAML != want {
		t.Errorf("ClientYAML =\n%s\nwant\n%s", g.ClientYAML, want)
	}
	if len(g.Clients) != 1 || g.Clients[0]["client_id"] != "minio" {
		t.Fatalf("Clients = %v", g.Clients)
	}
	c, err := g.Client("minio")
	if err != nil {
		t.Fatal(err)
	}
	if want := []any{"openid", "profile", "email", "groups"}; !reflect.DeepEqual(c["scopes"], want) {
		t.Errorf("scopes = %v", c["scopes"])
	}
	if want := []any{"https://minio.example.com/oauth_callback"}; !reflect.DeepEqual(c["redirect_uris"], want) {
		t.Errorf("redirect_uris = %v", c["redirect_uris"])
	}
	if c["public"] != false || c["authorization_policy"] != "two_factor" {
		t.Errorf("client = %v", c)
	}
	if _, err := g.Client("grafana"); err == nil || !strings.Contains(err.Error(), guidetest.RealGuide+":47:") || !strings.Contains(err.Error(), `"minio"`) {
		t.Errorf("Client(grafana) error = %v", err)
	}
}

func TestRealGuideSteps(t *testing.T) {
	g := loadReal(t)
	if len(g.Steps) != 9 {
		t.Fatalf("%d steps, want 9", len(g.Steps))
	}
	lines := []int{71, 72, 73, 74, 87, 88, 90, 91, 92}
	for i, s := range g.Steps {
		if s.Number != i+1 || s.Line != lines[i] {
			t.Errorf("step %d: Number %d Line %d", i+1, s.Number, s.Line)
		}
	}
	s2, _ := g.Step(2)
	if s2.Text != "On the left hand menu, go to Identity, then OpenID" || !reflect.DeepEqual(s2.Code, []string{"Identity", "OpenID"}) {
		t.Errorf("step 2 = %+v", s2)
	}
	if s1, _ := g.Step(1); s1.Text != "Login to MinIO" || s1.Code != nil {
		t.Errorf("step 1 = %+v (link text should be flattened)", s1)
	}
	if s7, _ := g.Step(7); s7.Text != "Add a default policy to your user groups in Authelia" {
		t.Errorf("step 7 = %q", s7.Text)
	}

	s4, _ := g.Step(4)
	if s4.Text != "On the screen that appears, enter the following information:" || len(s4.Items) != 12 {
		t.Fatalf("step 4 = %q with %d items", s4.Text, len(s4.Items))
	}
	checks := []struct {
		label, value string
		literal      bool
		line         int
	}{
		{"Name", "authelia", true, 75},
		{"Config URL", "https://auth.example.com/.well-known/openid-configuration", true, 76},
		{"Client Secret", "insecure_secret", true, 78},
		{"Claim Prefix", "Leave Empty", false, 81},
		{"Scopes", "openid,profile,email,groups", true, 82},
		{"Claim User Info", "Disabled", false, 85},
		{"Redirect URI Dynamic", "Disabled", false, 86},
	}
	for _, c := range checks {
		it, ok := s4.Item(c.label)
		if !ok || it.Value != c.value || it.Literal != c.literal || it.Line != c.line {
			t.Errorf("step 4 Item(%q) = %+v, %v", c.label, it, ok)
		}
	}
	if it, _ := s4.Item("Claim Prefix"); it.Text != "Claim Prefix: Leave Empty" {
		t.Errorf("Claim Prefix Text = %q", it.Text)
	}
	if _, ok := s4.Item("Nope"); ok {
		t.Error("Item(Nope) found")
	}

	s6, _ := g.Step(6)
	if len(s6.Items) != 1 || s6.Items[0].Label != "" || s6.Items[0].Value != "" ||
		s6.Items[0].Text != "Refresh the page and sign out if not done so automatically" || s6.Items[0].Line != 89 {
		t.Errorf("step 6 items = %+v", s6.Items)
	}
	s8, _ := g.Step(8)
	if !reflect.DeepEqual(s8.Code, []string{"Other Authentication Methods", "Authelia"}) {
		t.Errorf("step 8 Code = %q", s8.Code)
	}
	if _, err := g.Step(10); err == nil || !strings.Contains(err.Error(), guidetest.RealGuide+":67:") || !strings.Contains(err.Error(), "1..9") {
		t.Errorf("Step(10) error = %v", err)
	}
}

// TestBrokenGuides parses copies of the real guide broken by string
// replacement; every error must be an *Error naming the file and the line.
func TestBrokenGuides(t *testing.T) {
	real := guidetest.ReadReal(t)
	const path = "features/broken/guide.md"
	type tc struct {
		name     string
		old, new string
		line     func(src string) int // expected line in the broken copy
		contains []string
	}
	at := func(needle string) func(string) int {
		return func(src string) int { return guidetest.LineOf(t, src, needle) }
	}
	none := func(string) int { return 0 }
	yamlBlock := real[strings.Index(real, "```yaml\n"):strings.Index(real, "### Application")]
	stepList := real[strings.Index(real, "1. Login"):strings.Index(real, "## See Also")]
	cases := []tc{
		{name: "no YAML block", old: yamlBlock, new: "",
			line: at("### Authelia"), contains: []string{`"### Authelia" has no ` + "```yaml code block"}},
		{name: "YAML indent", old: "        client_name: 'MinIO'", new: "       client_name: 'MinIO'",
			line: at("       client_name: 'MinIO'"), contains: []string{"invalid YAML", "did not find expected"}},
		{name: "YAML flow", old: "        public: false", new: "        public: [false",
			line: at("public: [false"), contains: []string{"invalid YAML"}},
		{name: "YAML type", old: "      - client_id: 'minio'", new: "      - 'minio'\n      - client_id: 'minio'",
			line: at("      - 'minio'"), contains: []string{"cannot unmarshal"}},
		{name: "no clients", old: "  oidc:\n", new: "oidc:\n",
			line: at("identity_providers:"), contains: []string{"no identity_providers.oidc.clients"}},
		{name: "step 3 removed", old: "3. On the top right, click `Create Configuration`\n", new: "",
			line: at("4. On the screen"), contains: []string{"step 3 is missing: step 2 (line 72) is followed by step 4"}},
		{name: "steps start at 2", old: "1. Login to [MinIO]\n2.", new: "2. Login to [MinIO]\n3.",
			line: at("2. Login"), contains: []string{"steps must start at 1"}},
		{name: "repeated step", old: "5. Press", new: "4. Press",
			line: at("4. Press"), contains: []string{"step 4 (line 74) is followed by step 4"}},
		{name: "empty item value", old: "- Name: `authelia`", new: "- Name:",
			line: at("- Name:\n"), contains: []string{`sub-item of step 4 has no value: "Name:"`}},
		{name: "form item without label", old: "- Claim Prefix: Leave Empty", new: "- Leave the claim prefix empty",
			line: at("- Leave the claim prefix"), contains: []string{`sub-item of step 4 is not in "Label: value" form`}},
		{name: "no Assumptions", old: "### Assumptions\n", new: "",
			line: none, contains: []string{`missing section "### Assumptions"`}},
		{name: "assumption without value", old: "* __Client ID:__ `minio`", new: "* __Client ID:__",
			line: at("* __Client ID:__"), contains: []string{`assumption "Client ID" has no value`}},
		{name: "no Tested Versions", old: "## Tested Versions", new: "## Versions",
			line: none, contains: []string{`missing section "## Tested Versions"`}},
		{name: "no Application", old: "### Application", new: "### App",
			line: none, contains: []string{`missing section "### Application"`}},
		{name: "Application without numbered list", old: stepList, new: "Follow the MinIO documentation.\n\n",
			line: at("### Application"), contains: []string{"no numbered list"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(real, c.old) {
				t.Fatalf("%q not in the real guide", c.old)
			}
			src := strings.Replace(real, c.old, c.new, 1)
			_, err := Parse(path, []byte(src))
			if err == nil {
				t.Fatal("no error")
			}
			var ge *Error
			if !errors.As(err, &ge) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			line := c.line(src)
			prefix := path + ": "
			if line > 0 {
				prefix = fmt.Sprintf("%s:%d: ", path, line)
			}
			if ge.Line != line || !strings.HasPrefix(err.Error(), prefix) {
				t.Errorf("error %q: want line %d (prefix %q)", err, line, prefix)
			}
			for _, s := range c.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}

func TestNoFrontMatter(t *testing.T) {
	real := guidetest.ReadReal(t)
	end := strings.Index(real, "\n---\n") + len("\n---\n")
	g, err := Parse("x.md", []byte(real[end:]))
	if err != nil {
		t.Fatal(err)
	}
	// Line numbers shift by the 16 front matter lines removed.
	if g.Title != "" || g.Assumptions[0].Line != 33-16 || g.ClientYAMLLine != 47-16 {
		t.Errorf("Title %q, first assumption line %d, YAML line %d", g.Title, g.Assumptions[0].Line, g.ClientYAMLLine)
	}
	if _, err := Parse("x.md", []byte("---\ntitle: x\n")); err == nil || err.Error() != `x.md:1: front matter opened with "---" is never closed` {
		t.Errorf("unclosed front matter error = %v", err)
	}
}

func TestErrorString(t *testing.T) {
	if s := (&Error{Path: "g.md", Line: 3, Msg: "m"}).Error(); s != "g.md:3: m" {
		t.Error(s)
	}
	if s := (&Error{Path: "g.md", Msg: "m"}).Error(); s != "g.md: m" {
		t.Error(s)
	}
}
