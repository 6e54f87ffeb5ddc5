package guide

import "testing"

// A service's environment: standing alone, without services.<svc> around
// it (MinIO's guide, titled configuration.yml), is the application's
// variables: a compose method with no service.
func TestBareEnvironment(t *testing.T) {
	src := "---\ntitle: \"App\"\n---\n\n### Application\n\n```yaml {title=\"configuration.yml\"}\nenvironment:\n  - 'APP_CLIENT_ID=app'\n  - 'APP_REDIRECT_URI=https://app.example.com/callback'\n```\n"
	g := Read("app.md", []byte(src), Options{})
	var found []Method
	for _, m := range g.Methods {
		if m.Kind == MethodCompose {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		t.Fatalf("methods %+v: want one compose method", g.Methods)
	}
	m := found[0]
	if m.Service != "" {
		t.Errorf("service %q, want none", m.Service)
	}
	v, ok := m.Var("APP_REDIRECT_URI")
	if !ok || v.Value != "https://app.example.com/callback" || v.Line != 10 {
		t.Errorf("APP_REDIRECT_URI = %+v, %v: want its value at line 10", v, ok)
	}
}
