package sftpgo

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"gopkg.in/yaml.v3"
)

// Roles is the guide's user attribute that gives SFTPGo its role claim:
// definitions.user_attributes.<role field>.expression in the Authelia YAML,
// read as the chain of `"group" in groups ? "role" : …` it is written as.
type Roles struct {
	Attribute string
	Line      int // the expression's line in the guide
	Rules     []RoleRule
	Otherwise string
}

// RoleRule gives Role to a user in Group.
type RoleRule struct{ Group, Role string }

var (
	ruleRe = regexp.MustCompile(`^\s*"([^"]+)"\s+in\s+groups\s*\?\s*"([^"]*)"\s*:\s*(.*)$`)
	lastRe = regexp.MustCompile(`^\s*"([^"]*)"\s*$`)
)

// ReadRoles reads the expression of the user attribute named attribute.
// An expression of another shape is an error naming its line: the suite
// evaluates only what it can read for sure.
func ReadRoles(g *guide.Guide, attribute string) (Roles, error) {
	r := Roles{Attribute: attribute}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(g.ClientYAML), &doc); err != nil || len(doc.Content) == 0 {
		return r, fmt.Errorf("%s: the Authelia YAML does not parse: %v", g.Where(g.ClientYAMLLine), err)
	}
	n := doc.Content[0]
	for _, key := range []string{"definitions", "user_attributes", attribute, "expression"} {
		n = value(n, key)
		if n == nil {
			return r, fmt.Errorf("%s: the Authelia YAML has no definitions.user_attributes.%s.expression, which gives the role field %q", g.Where(g.ClientYAMLLine), attribute, attribute)
		}
	}
	r.Line = g.ClientYAMLLine + n.Line - 1
	rest := n.Value
	for {
		if m := ruleRe.FindStringSubmatch(rest); m != nil {
			r.Rules = append(r.Rules, RoleRule{Group: m[1], Role: m[2]})
			rest = m[3]
			continue
		}
		if m := lastRe.FindStringSubmatch(rest); m != nil {
			r.Otherwise = m[1]
			return r, nil
		}
		return r, fmt.Errorf("%s: the suite reads the expression of %s as `\"group\" in groups ? \"role\" : … : \"role\"`; it cannot read %q", g.Where(r.Line), attribute, strings.TrimSpace(rest))
	}
}

// Of is the role the expression gives a user in groups.
func (r Roles) Of(groups []string) string {
	for _, rule := range r.Rules {
		for _, g := range groups {
			if g == rule.Group {
				return rule.Role
			}
		}
	}
	return r.Otherwise
}

// Groups is the groups a user needs for role: the first rule's group that
// gives it, none for the role given otherwise.
func (r Roles) Groups(role string) ([]string, bool) {
	for _, rule := range r.Rules {
		if rule.Role == role {
			return []string{rule.Group}, true
		}
	}
	return nil, role == r.Otherwise
}

// All is every role the expression can give, in its order.
func (r Roles) All() []string {
	var out []string
	for _, rule := range r.Rules {
		out = append(out, rule.Role)
	}
	return append(out, r.Otherwise)
}

// ClaimScope is the scope of the guide's Authelia YAML whose claims hold
// claim (identity_providers.oidc.scopes.<scope>.claims), and its line; ""
// when none does.
func ClaimScope(g *guide.Guide, claim string) (string, int) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(g.ClientYAML), &doc); err != nil || len(doc.Content) == 0 {
		return "", 0
	}
	n := doc.Content[0]
	for _, key := range []string{"identity_providers", "oidc", "scopes"} {
		if n = value(n, key); n == nil {
			return "", 0
		}
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if claims := value(n.Content[i+1], "claims"); claims != nil {
			for _, c := range claims.Content {
				if c.Value == claim {
					return n.Content[i].Value, g.ClientYAMLLine + n.Content[i].Line - 1
				}
			}
		}
	}
	return "", 0
}

func value(m *yaml.Node, key string) *yaml.Node {
	if m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
