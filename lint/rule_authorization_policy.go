package lint

import (
	"fmt"

	"github.com/guidewalk/guidewalk/guide"
	"gopkg.in/yaml.v3"
)

// RuleAuthorizationPolicy: a client's authorization_policy Authelia does not know.
const RuleAuthorizationPolicy = "authorization-policy"

// authorization-policy: Authelia starts only when each client's
// authorization_policy is one_factor, two_factor or the name of a policy of
// identity_providers.oidc.authorization_policies; a spelling of one_factor
// or two_factor with other separators is fixed to it.
var _ = register(Rule{
	Name:     RuleAuthorizationPolicy,
	Severity: SeverityError,
	Doc:      "a client's authorization_policy is one_factor, two_factor or a policy the Authelia YAML defines under identity_providers.oidc.authorization_policies",
	Example:  "`authorization_policy: 'two-factor'`",
	Phase:    PhaseText,
	Run:      checkAuthorizationPolicy,
})

func checkAuthorizationPolicy(p *Pass) {
	g := p.Guide
	var defined map[string]bool
	for _, c := range g.YAMLClients() {
		v, ok := c.Fields["authorization_policy"].(string)
		if !ok || v == "one_factor" || v == "two_factor" {
			continue // absent, it is Authelia's default, two_factor
		}
		if defined == nil {
			defined = definedPolicies(g.ClientYAML)
		}
		if defined[v] {
			continue
		}
		line := c.Keys["authorization_policy"]
		f := p.Reportf(SeverityError, "", line, "client %q's authorization_policy is %q, which Authelia does not know: it is one_factor, two_factor or a policy of identity_providers.oidc.authorization_policies", c.ID, v)
		switch guide.Normalize(v) {
		case "onefactor", "twofactor":
			want := map[string]string{"onefactor": "one_factor", "twofactor": "two_factor"}[guide.Normalize(v)]
			f.Message += fmt.Sprintf("; write %s", want)
			f.Fix = p.fixValue(line, v, want)
		}
	}
}

// definedPolicies are the names of identity_providers.oidc.authorization_policies
// in the Authelia YAML.
func definedPolicies(clientYAML string) map[string]bool {
	var doc struct {
		IdentityProviders struct {
			OIDC struct {
				Policies map[string]any `yaml:"authorization_policies"`
			} `yaml:"oidc"`
		} `yaml:"identity_providers"`
	}
	out := map[string]bool{}
	if yaml.Unmarshal([]byte(clientYAML), &doc) == nil {
		for name := range doc.IdentityProviders.OIDC.Policies {
			out[name] = true
		}
	}
	return out
}
