package lint

import (
	"fmt"
)

// RuleAssumption: a method's value disagrees with the Assumptions.
const RuleAssumption = "assumption"

// assumption: a method's client id and secret are the client's and the Assumptions', and the Assumptions' Client ID names a client.
var _ = register(Rule{
	Name:     RuleAssumption,
	Severity: SeverityError,
	Doc:      "a method's client id is the client's client_id, its secret the Assumptions' Client Secret, and the Assumptions' Client ID is a client_id of the Authelia YAML",
	Example:  "Client ID `Wiki.js` beside `client_id: 'wikijs'`",
	Phase:    PhaseAgree,
	Run:      checkAssumption,
})

func checkAssumption(p *Pass) {
	g := p.Guide
	if r, ok := p.reference(); ok && r.unknownID {
		f := p.Reportf(SeverityError, "", r.id.Line, "the Assumptions' Client ID %q is the client_id of no client in the Authelia YAML (line %d)", r.id.Value, g.ClientYAMLLine)
		if r.client {
			// The one client is what the methods must name: it is authoritative.
			f.Fix = p.fixValue(r.id.Line, r.id.Value, r.clientID)
			f.Message += fmt.Sprintf(": it is %q", r.clientID)
		}
	}
	p.checked(func(r reference, e entry) {
		switch e.meaning {
		case meaningClientID:
			switch {
			case r.client && e.value != r.clientID:
				f := p.Reportf(SeverityError, e.method, e.line, "%s is %q, but the client's client_id is %q", e.what, e.value, r.clientID)
				f.Fix = p.fixValue(e.line, e.value, r.clientID)
			case !r.client && r.id.Value != "" && e.value != r.id.Value:
				p.Reportf(SeverityError, e.method, e.line, "%s is %q, but the Assumptions' Client ID (line %d) is %q", e.what, e.value, r.id.Line, r.id.Value)
			}
		case meaningClientSecret:
			if r.secret.Value != "" && e.value != r.secret.Value {
				f := p.Reportf(SeverityError, e.method, e.line, "%s is %q, but the Assumptions' Client Secret (line %d) is %q", e.what, e.value, r.secret.Line, r.secret.Value)
				f.Fix = p.fixValue(e.line, e.value, r.secret.Value)
			}
		}
	})
}
