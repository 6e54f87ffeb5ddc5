package beszel

import (
	"net/url"
	"slices"
	"testing"
)

func TestImage(t *testing.T) {
	for in, want := range map[string]string{
		"v0.10.2":  "henrygd/beszel:0.10.2",
		"0.10.2":   "henrygd/beszel:0.10.2",
		" v0.12.0": "henrygd/beszel:0.12.0",
	} {
		if got := Image(in); got != want {
			t.Errorf("Image(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRecipe: plain HTTP behind the run's TLS, the run's CA trusted, and
// nothing the guide does not name (no USER_CREATION).
func TestRecipe(t *testing.T) {
	u, _ := url.Parse("https://beszel.example.com/")
	in := New("web-gui", u, "henrygd/beszel:0.10.2")
	s := in.Spec()
	if !s.TLS.Terminate || s.URLPort != Port || !slices.Contains(s.Ports, Port) {
		t.Errorf("TLS %+v, URLPort %q, Ports %v", s.TLS, s.URLPort, s.Ports)
	}
	if !slices.Contains(s.Env, "SSL_CERT_FILE=/certs/ca.crt") || s.TLS.Mount+"/"+s.TLS.CA != "/certs/ca.crt" {
		t.Errorf("Env %v, CA %s/%s", s.Env, s.TLS.Mount, s.TLS.CA)
	}
	for _, e := range s.Env {
		if len(e) >= 14 && e[:14] == "USER_CREATION=" {
			t.Errorf("the recipe sets %s, which the guide does not name", e)
		}
	}
	if len(in.AdminPassword) < 8 || !slices.Contains(s.Secrets, in.AdminPassword) {
		t.Errorf("admin password %d chars, hidden %v", len(in.AdminPassword), slices.Contains(s.Secrets, in.AdminPassword))
	}
	if s.Ready == nil || len(s.Version) == 0 {
		t.Error("no readiness or version command")
	}
}
