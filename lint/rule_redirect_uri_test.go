package lint

import "testing"

// Authelia matches a loopback IP literal's redirect URI on any port (RFC
// 8252 section 7.3), never localhost's.
func TestLoopbackRedirect(t *testing.T) {
	for _, c := range []struct {
		registered, sent string
		match            bool
	}{
		{"http://127.0.0.1/callback", "http://127.0.0.1:53000/callback", true},
		{"http://[::1]/callback", "http://[::1]:8080/callback", true},
		{"http://127.0.0.1/callback", "http://127.0.0.1:53000/other", false},
		{"http://localhost", "http://localhost:53000", false},
		{"https://127.0.0.1/callback", "https://127.0.0.1:53000/callback", false},
	} {
		if got := loopbackMatch(c.registered, c.sent); got != c.match {
			t.Errorf("loopbackMatch(%q, %q) = %v, want %v", c.registered, c.sent, got, c.match)
		}
	}
	if !localhostPort("http://localhost:53000", []string{"http://localhost"}) {
		t.Error("localhost on a port against localhost: want the loopback note")
	}
	if localhostPort("https://app.example.com/cb", []string{"http://localhost"}) {
		t.Error("no localhost sent: no note")
	}
}
