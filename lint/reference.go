package lint

import (
	"fmt"

	"github.com/guidewalk/guidewalk/guide"
)

// What the Assumptions and the client say a method must set, which the
// rules of PhaseAgree compare each method's settings with.

// reference is what the Assumptions and the YAML client say a method must set.
type reference struct {
	id, secret                guide.Assumption
	appRoot, autheliaRoot     string // normalized, "" when the Assumptions do not say
	appLine, authLine         int
	redirects, scopes         []string
	redirectsLine, scopesLine int
	client                    bool
	clientID                  string
	clientMap                 map[string]any // the client the Assumptions name, nil when none
	unknownID                 bool           // the Assumptions' Client ID names no client of the YAML
}

// readReference reads the Assumptions and the client they name: the one
// whose client_id is the Assumptions' Client ID, else the only one (also
// when the Client ID names none). ok is false when there is nothing to
// compare with.
func readReference(g *guide.Guide) (r reference, ok bool) {
	r.id, _ = g.Assumption("Client ID")
	r.secret, _ = g.Assumption("Client Secret")
	if u, a, err := g.ApplicationRootURL(); err == nil {
		r.appRoot, r.appLine = normURL(u.String()), a.Line
	}
	if u, a, err := g.AutheliaRootURL(); err == nil {
		r.autheliaRoot, r.authLine = normURL(u.String()), a.Line
	}
	var client map[string]any
	switch {
	case r.id.Value != "":
		c, err := g.Client(r.id.Value)
		if err != nil && len(g.Clients) > 0 {
			r.unknownID = true
			if id, ok := g.Clients[0]["client_id"].(string); ok && id != "" && len(g.Clients) == 1 {
				c = g.Clients[0] // the one client is what the methods must name: it is authoritative
			}
		}
		client = c
	case len(g.Clients) == 1:
		client = g.Clients[0]
	}
	if client == nil {
		return r, r.id.Value != "" || r.secret.Value != "" || r.autheliaRoot != ""
	}
	r.client, r.clientMap = true, client
	r.clientID = fmt.Sprint(client["client_id"])
	r.redirects, r.redirectsLine = stringsOf(client["redirect_uris"]), g.ClientKeyLine(r.clientID, "redirect_uris")
	r.scopes, r.scopesLine = stringsOf(client["scopes"]), g.ClientKeyLine(r.clientID, "scopes")
	return r, true
}

// reference is the guide's reference, read once for all rules.
func (p *Pass) reference() (reference, bool) {
	if sh := p.shared; !sh.read.ref {
		sh.ref, sh.refOK = readReference(p.Guide)
		sh.read.ref = true
	}
	return p.shared.ref, p.shared.refOK
}

// views are the methods as their settings (see viewsOf), read once: the
// Source's, which the rules of the text read too, when there is one.
func (p *Pass) views() []view {
	if p.Source != nil {
		return p.Source.methodViews()
	}
	if sh := p.shared; !sh.read.views {
		sh.views, sh.read.views = viewsOf(p.Guide), true
	}
	return p.shared.views
}

// checked calls check with every setting of every method a rule of
// PhaseAgree compares with the reference: those whose meaning is sure and
// whose value is no placeholder, when there is a reference.
func (p *Pass) checked(check func(r reference, e entry)) {
	r, ok := p.reference()
	if !ok {
		return
	}
	for _, v := range p.views() {
		for _, e := range v.entries {
			if e.comparable && !placeholder(e.value) {
				check(r, e)
			}
		}
	}
}

// fixValue is Source.fixValue, nil without a source (the suite's reading).
func (p *Pass) fixValue(n int, value, repl string) *Fix {
	return p.Source.fixValue(n, value, repl)
}
