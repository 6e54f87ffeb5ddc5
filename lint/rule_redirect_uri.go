package lint

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// RuleRedirectURI: a redirect URI not among the client's.
const RuleRedirectURI = "redirect-uri"

// redirect-uri: a redirect URI a method gives is among the client's redirect_uris; a prefix of one is a warning.
var _ = register(Rule{
	Name:     RuleRedirectURI,
	Severity: SeverityError,
	Doc:      "every redirect URI a method gives is among the client's redirect_uris (a prefix of one, to which the application may append a key, is a warning)",
	Example:  "`…/oauth_callback` beside `redirect_uris: ['…/callback']`",
	Phase:    PhaseAgree,
	Run:      checkRedirectURI,
})

func checkRedirectURI(p *Pass) {
	p.checked(func(r reference, e entry) {
		if e.meaning != meaningRedirectURI || !r.client || len(r.redirects) == 0 || slices.Contains(e.words, "logout") {
			return
		}
		if items := strings.Split(e.value, ","); len(items) > 1 {
			for _, it := range items { // a list (RedirectURLs: [...]): each item is one
				if !isURL(strings.TrimSpace(it)) {
					return
				}
			}
			for _, it := range items {
				one := e
				one.value = strings.TrimSpace(it)
				checkOneRedirect(p, r, one)
			}
			return
		}
		checkOneRedirect(p, r, e)
	})
}

// checkOneRedirect: one redirect URI a method gives is the client's.
func checkOneRedirect(p *Pass, r reference, e entry) {
	{
		if !isURL(e.value) {
			return
		}
		for _, u := range r.redirects {
			if normURL(u) == normURL(e.value) || loopbackMatch(u, e.value) {
				return
			}
		}
		// A prefix of a client's redirect URI: the application may append
		// its provider's key (Vikunja's redirecturl + "authelia").
		for _, u := range r.redirects {
			if strings.HasPrefix(u, strings.TrimSuffix(e.value, "/")+"/") {
				p.Reportf(SeverityWarning, e.method, e.line, "%s %q is not among the client's redirect_uris (line %d) %q, but starts %q: right only if the application appends the rest", e.what, e.value, r.redirectsLine, r.redirects, u)
				return
			}
		}
		f := p.Reportf(SeverityError, e.method, e.line, "%s %q is not among the client's redirect_uris (line %d) %q", e.what, e.value, r.redirectsLine, r.redirects)
		if localhostPort(e.value, r.redirects) {
			f.Message += " (Authelia ignores a loopback redirect URI's port only for the IP literals 127.0.0.1 and [::1], not for localhost)"
		}
		if u := closestURL(e.value, r.redirects); u != "" {
			f.Message += fmt.Sprintf(": use %q", u)
			f.Fix = p.fixValue(e.line, e.value, p.Source.rawNear(r.redirectsLine, u))
		}
	}
}

// loopbackMatch: the client registers a loopback IP literal (http, 127.0.0.1
// or [::1]) and the application sends it on another port, which Authelia
// accepts (RFC 8252 section 7.3).
func loopbackMatch(registered, sent string) bool {
	r, err1 := url.Parse(registered)
	s, err2 := url.Parse(sent)
	if err1 != nil || err2 != nil || r.Scheme != "http" || s.Scheme != "http" {
		return false
	}
	h := r.Hostname()
	return (h == "127.0.0.1" || h == "::1") && s.Hostname() == h && strings.TrimSuffix(r.Path, "/") == strings.TrimSuffix(s.Path, "/")
}

// localhostPort: the application sends http://localhost:PORT and the
// client registers http://localhost on no or another port.
func localhostPort(sent string, registered []string) bool {
	s, err := url.Parse(sent)
	if err != nil || s.Hostname() != "localhost" || s.Port() == "" {
		return false
	}
	for _, u := range registered {
		if r, err := url.Parse(u); err == nil && r.Hostname() == "localhost" {
			return true
		}
	}
	return false
}
