package lint

import (
	"strings"
)

// RuleClientSecret: the client_secret is not the digest of the Assumptions' secret.
const RuleClientSecret = "client-secret"

// client-secret: the client's client_secret is the digest of the Assumptions' Client Secret (or the secret itself).
var _ = register(Rule{
	Name:     RuleClientSecret,
	Severity: SeverityError,
	Doc:      "the client's client_secret is the digest of the Assumptions' Client Secret",
	Example:  "a digest of another secret",
	Phase:    PhaseAgree,
	Run:      checkClientSecret,
})

func checkClientSecret(p *Pass) {
	r, ok := p.reference()
	if !ok || !r.client {
		return
	}
	id := r.clientID
	digest, _ := r.clientMap["client_secret"].(string)
	if digest == "" || r.secret.Value == "" {
		return
	}
	secretLine := p.Guide.ClientKeyLine(id, "client_secret")
	if !strings.HasPrefix(digest, "$") {
		if digest != r.secret.Value {
			p.Reportf(SeverityError, "", secretLine, "the client_secret of client %q is %q, but the Assumptions' Client Secret (line %d) is %q", id, digest, r.secret.Line, r.secret.Value)
		}
	} else if ok, err := verifyDigest(digest, r.secret.Value); err != nil {
		p.Reportf(SeverityError, "", secretLine, "the client_secret of client %q: %v", id, err)
	} else if !ok {
		f := p.Reportf(SeverityError, "", secretLine, "the client_secret of client %q is not the digest of the Client Secret %q the Assumptions name (line %d): write a digest of it", id, r.secret.Value, r.secret.Line)
		if d, err := PBKDF2Digest(r.secret.Value); err == nil && p.Source != nil {
			f.Fix = p.fixValue(secretLine, digest, d)
		}
	}
}
