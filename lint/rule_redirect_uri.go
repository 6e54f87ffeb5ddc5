package lint

import (
	"fmt"
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
		if e.meaning != meaningRedirectURI || !r.client || !isURL(e.value) || len(r.redirects) == 0 || slices.Contains(e.words, "logout") {
			return
		}
		for _, u := range r.redirects {
			if normURL(u) == normURL(e.value) {
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
		if u := closestURL(e.value, r.redirects); u != "" {
			f.Message += fmt.Sprintf(": use %q", u)
			f.Fix = p.fixValue(e.line, e.value, p.Source.rawNear(r.redirectsLine, u))
		}
	})
}
