package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RulePublicClient: a public client is given no secret, a confidential one
// has one, and the guide says which the client is in one voice.
const RulePublicClient = "public-client"

var _ = register(Rule{
	Name:     RulePublicClient,
	Severity: SeverityError,
	Doc:      "a public client (public: true, or token_endpoint_auth_method none) is handed no client secret and authenticates with none; a confidential client has a client_secret and the Assumptions' Client Secret",
	Example:  "`public: true` beside the Assumption Client Secret `insecure_secret`",
	Phase:    PhaseText,
	Run:      textRule(checkPublicClient),
})

// secretlessMethods authenticate a confidential client without a secret.
var secretlessMethods = []string{"private_key_jwt", "tls_client_auth", "self_signed_tls_client_auth"}

func checkPublicClient(s *Source) []Finding {
	clients := s.clients()
	if len(clients) == 0 {
		return nil
	}
	var out []Finding
	add := func(line int, method string, fix *Fix, format string, args ...any) {
		out = append(out, Finding{Line: line, Severity: SeverityError, Rule: RulePublicClient, Method: method, Fix: fix, Message: fmt.Sprintf(format, args...)})
	}
	for _, c := range clients {
		if c.Fields["public"] != true {
			continue
		}
		if m, ok := c.Fields["token_endpoint_auth_method"].(string); ok && m != "none" {
			line := c.Keys["token_endpoint_auth_method"]
			var fix *Fix
			if _, secret := c.Fields["client_secret"]; !secret {
				fix = s.fixValue(line, m, "none")
			}
			add(line, "", fix, "client %q is public (public: true, line %d) but its token_endpoint_auth_method is %q, which Authelia refuses at start-up: a public client uses 'none' (or make it confidential, with a client_secret)",
				c.ID, c.Keys["public"], m)
		}
		if _, secret := c.Fields["client_secret"]; secret {
			add(c.Keys["client_secret"], "", nil, "client %q is public (public: true, line %d) but has a client_secret, which Authelia refuses at start-up: remove the client_secret, or make the client confidential (public: false)",
				c.ID, c.Keys["public"])
		}
	}

	secrets, said := s.assumedSecrets(clients)
	for _, a := range secrets {
		if public(a.client) {
			add(a.line, "", nil, "the Assumptions give the Client Secret %q, but client %q is public (%s): a public client has no secret; remove the Client Secret (or make the client confidential)",
				a.value, a.client.ID, publicWhy(a.client))
		}
	}

	c, ok := theClient(s.Guide, clients)
	if !ok {
		return out
	}
	if public(c) {
		for _, e := range s.secretsGiven(c, clients) {
			add(e.line, e.method, nil, "%s hands the application the client secret %q, but client %q is public (%s): leave it empty (or make the client confidential)",
				e.what, e.value, c.ID, publicWhy(c))
		}
		return out
	}
	auth, _ := c.Fields["token_endpoint_auth_method"].(string)
	digest, hasSecret := c.Fields["client_secret"]
	needsSecret := hasSecret || (c.Fields["public"] == false && !strings.HasPrefix(auth, "none") && !slices.Contains(secretlessMethods, auth))
	if !needsSecret {
		return out
	}
	if !hasSecret {
		// A confidential client with no secret: the guide's secret is its own.
		given := ""
		where := ""
		if len(secrets) > 0 {
			given, where = secrets[0].value, fmt.Sprintf("the Assumptions, line %d", secrets[0].line)
		} else if es := s.secretsGiven(c, clients); len(es) > 0 {
			given, where = es[0].value, fmt.Sprintf("%s, line %d", es[0].what, es[0].line)
		}
		if given != "" {
			line, after := c.Keys["client_id"], "client_id"
			if l, ok := c.Keys["client_name"]; ok {
				line, after = l, "client_name"
			}
			add(line, "", nil, "client %q is confidential (%s) but has no client_secret, though the guide gives it the secret %q (%s): add the digest of %q as its client_secret after its %s (line %d)",
				c.ID, confidentialWhy(c), given, where, given, after, line)
		}
		return out
	}
	// A confidential client whose Assumptions give its Client ID but no
	// Client Secret.
	id, err := s.Assumption("Client ID")
	if said || err != nil {
		return out
	}
	line := id.Line
	secret := s.knownSecret(c, fmt.Sprint(digest), clients)
	msg := fmt.Sprintf("client %q is confidential (%s), but the Assumptions give no Client Secret: add one", c.ID, confidentialWhy(c))
	var fix *Fix
	if secret != "" {
		msg += fmt.Sprintf(", %q (its client_secret is the digest of it)", secret)
		// The Client ID's line, followed by the Client Secret's.
		raw := s.RawLine(id.Line)
		indent := raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))]
		fix = &Fix{Line: id.Line, Old: raw, New: raw + "\n" + indent + "- __Client Secret:__ `" + secret + "`"}
	}
	add(line, "", fix, "%s", msg)
	return out
}

// publicWhy says what makes the client public, and where.
func publicWhy(c guide.YAMLClient) string {
	if c.Fields["public"] == true {
		return fmt.Sprintf("public: true, line %d", c.Keys["public"])
	}
	return fmt.Sprintf("token_endpoint_auth_method: 'none', line %d", c.Keys["token_endpoint_auth_method"])
}

// confidentialWhy says what makes the client confidential, and where.
func confidentialWhy(c guide.YAMLClient) string {
	if l, ok := c.Keys["client_secret"]; ok {
		return fmt.Sprintf("client_secret, line %d", l)
	}
	return fmt.Sprintf("public: false, line %d", c.Keys["public"])
}

// assumedSecret is a Client Secret of the Assumptions and the client it is
// for.
type assumedSecret struct {
	value  string
	line   int
	client guide.YAMLClient
}

// assumedSecrets reads the Assumptions' Client Secret: one value for the
// guide's client, or one sub-item per client ("Web Application: `x`"), the
// client named by the Client ID's sub-item of the same label. said: the
// Assumptions have a Client Secret item at all.
func (s *Source) assumedSecrets(clients []guide.YAMLClient) (out []assumedSecret, said bool) {
	items := s.items()
	find := func(name string) int {
		for i, it := range items {
			if n, _ := it.nameValue(); it.Depth == 0 && strings.EqualFold(n, name) {
				return i
			}
		}
		return -1
	}
	si := find("Client Secret")
	if si < 0 {
		return nil, false
	}
	if _, v := items[si].nameValue(); v.Value != "" {
		if c, ok := theClient(s.Guide, clients); ok {
			out = append(out, assumedSecret{v.Value, v.Line, c})
		}
		return out, true
	}
	ii := find("Client ID")
	for _, sub := range items {
		if sub.Parent != si {
			continue
		}
		label, v := sub.nameValue()
		if label == "" || v.Value == "" || ii < 0 {
			continue
		}
		for _, idSub := range items {
			if l, id := idSub.nameValue(); idSub.Parent == ii && strings.EqualFold(l, label) {
				for _, c := range clients {
					if c.ID == id.Value {
						out = append(out, assumedSecret{v.Value, v.Line, c})
					}
				}
			}
		}
	}
	return out, true
}

// secretsGiven are the methods' settings that hand the application a
// client secret for client c: not a method that configures another client.
func (s *Source) secretsGiven(c guide.YAMLClient, clients []guide.YAMLClient) []entry {
	var out []entry
	for _, v := range s.methodViews() {
		other, named := false, false
		for _, e := range v.entries {
			named = named || e.value == c.ID
			if e.meaning == meaningClientID && e.value != c.ID {
				for _, o := range clients {
					if o.ID == e.value {
						other = true
					}
				}
			}
		}
		if other || (len(clients) > 1 && !named) {
			continue // another client's method, or one that may be
		}
		for _, e := range v.entries {
			if e.meaning != meaningClientSecret || !e.comparable || noSecret(e.value) {
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

// noSecret: a value that gives no secret, or one the checker cannot read.
func noSecret(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "none", "null", "nil", "~", "-", "''", `""`:
		return true
	}
	return placeholder(v)
}

// digestOfRe is the docs' comment on a digest: # The digest of 'insecure_secret'.
var digestOfRe = regexp.MustCompile(`(?i)digest of ['"]([^'"]+)['"]`)

// knownSecret is the secret whose digest the client's client_secret is: one
// a method gives or the one the digest's comment names, verified.
func (s *Source) knownSecret(c guide.YAMLClient, digest string, clients []guide.YAMLClient) string {
	var cands []string
	if m := digestOfRe.FindStringSubmatch(s.RawLine(c.Keys["client_secret"])); m != nil {
		cands = append(cands, m[1])
	}
	for _, e := range s.secretsGiven(c, clients) {
		cands = append(cands, e.value)
	}
	for _, x := range cands {
		if !strings.HasPrefix(digest, "$") {
			if x == digest {
				return x
			}
			continue
		}
		if ok, err := verifyDigest(digest, x); err == nil && ok {
			return x
		}
	}
	return ""
}
