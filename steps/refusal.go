package steps

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/mxschmitt/playwright-go"
)

// authorization is the last authorization request the application sent
// Authelia (the browser's, at /api/oidc/authorization).
type authorization struct {
	mu      sync.Mutex
	query   url.Values
	refused *AutheliaError // Authelia's error sent back to the application's redirect_uri
}

func (a *authorization) get() url.Values {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.query
}

// recordAuthorization keeps the query of a request to Authelia's
// authorization endpoint.
func (w *World) recordAuthorization(r playwright.Request) {
	u, err := url.Parse(r.URL())
	if err != nil || w.s.Env == nil {
		return
	}
	// Authelia sends an error about a request whose redirect_uri it knows
	// back to it: the application's callback carries Authelia's words.
	if asked := w.authorize.get(); asked != nil && u.Query().Get("error") != "" {
		if cb, err := url.Parse(asked.Get("redirect_uri")); err == nil && cb.Host == u.Host && cb.Path == u.Path {
			q := u.Query()
			w.authorize.mu.Lock()
			w.authorize.refused = &AutheliaError{At: u.Scheme + "://" + u.Host + u.Path + " (the application's redirect_uri)", Code: q.Get("error"),
				Description: q.Get("error_description"), Hint: q.Get("error_hint")}
			w.authorize.mu.Unlock()
		}
		return
	}
	if u.Host != w.s.Env.AutheliaURL.Host || !strings.HasSuffix(u.Path, "/api/oidc/authorization") {
		return
	}
	if q := u.Query(); q.Get("client_id") != "" {
		w.authorize.mu.Lock()
		w.authorize.query, w.authorize.refused = q, nil
		w.authorize.mu.Unlock()
	}
}

// guideLineOf says which line of the guide Authelia's refusal of the
// application's request comes from: the client's redirect_uris against the
// redirect_uri the application sent and the method's setting it was built
// from, or the client's require_pkce against a request with no PKCE. It
// returns nil when it cannot tell.
func (w *World) guideLineOf(ae *AutheliaError) *GuideError {
	asked := w.authorize.get()
	if asked == nil {
		return nil
	}
	g, id := w.s.Guide, asked.Get("client_id")
	says := strings.ToLower(ae.Code + " " + ae.Description + " " + ae.Hint)
	switch {
	case strings.Contains(says, "redirect_uri"):
		sent := asked.Get("redirect_uri")
		uris := g.RedirectURIs(id)
		if len(uris) == 0 {
			return nil
		}
		var registered []string
		for _, u := range uris {
			registered = append(registered, u.Value)
		}
		saw := fmt.Sprintf("the application sent redirect_uri %q, which is none of the client's redirect_uris %q", sent, registered)
		if from, ok := w.builtFrom(sent); ok {
			saw += "; it built it from " + from
		}
		return &GuideError{Where: g.Where(uris[0].Line), Says: "redirect_uris: " + strings.Join(registered, ", "),
			Saw: saw + ". Authelia: " + ae.Error()}
	case strings.Contains(says, "code_challenge") || strings.Contains(says, "pkce"):
		line := g.ClientKeyLine(id, "require_pkce")
		sent := "no code_challenge (no PKCE)"
		if c := asked.Get("code_challenge_method"); c != "" {
			sent = "code_challenge_method " + c
		}
		return &GuideError{Where: g.Where(line), Says: strings.TrimSpace(yamlLine(g, line)),
			Saw: fmt.Sprintf("the application sent %s. Authelia: %s", sent, ae.Error())}
	}
	return nil
}

// builtFrom names the method's setting a redirect URI the application
// sent came from: one that is that URI, or a base the application appended
// its own path to.
func (w *World) builtFrom(sent string) (string, bool) {
	if w.target == nil {
		return "", false
	}
	g := w.s.Guide
	var best guide.Var
	for _, v := range w.target.Method.Vars {
		val := strings.TrimSpace(v.Value)
		if !strings.HasPrefix(val, "http") || !strings.HasPrefix(sent, strings.TrimSuffix(val, "/")) || len(val) <= len(best.Value) {
			continue
		}
		best = v
	}
	if best.Name == "" {
		return "", false
	}
	if strings.TrimSuffix(best.Value, "/") == strings.TrimSuffix(sent, "/") {
		return fmt.Sprintf("the guide's %s (%s), %q", best.Name, g.Where(best.Line), best.Value), true
	}
	return fmt.Sprintf("the guide's %s (%s), %q, to which it appended %q", best.Name, g.Where(best.Line), best.Value,
		strings.TrimPrefix(sent, strings.TrimSuffix(best.Value, "/"))), true
}

// yamlLine is a line of the guide's Authelia YAML block, as rendered (""
// outside it).
func yamlLine(g *guide.Guide, line int) string {
	lines := strings.Split(g.ClientYAML, "\n")
	if i := line - g.ClientYAMLLine; i >= 0 && i < len(lines) {
		return lines[i]
	}
	return ""
}
