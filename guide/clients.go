package guide

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// YAMLClient is one client of the Authelia YAML, with the guide lines of
// its keys and of its redirect URIs.
type YAMLClient struct {
	ID        string
	Fields    map[string]any
	Line      int            // the line of its first key
	Keys      map[string]int // key -> guide line
	Redirects []LineValue    // redirect_uris, rendered, with their lines
}

// LineValue is a value (as rendered) and the guide line it stands on.
type LineValue struct {
	Value string
	Line  int
}

// YAMLClients are the clients of the Authelia YAML block with their lines,
// read once; nil when the block does not parse.
func (g *Guide) YAMLClients() []YAMLClient {
	if g.clientsOf == nil || *g.clientsOf != g.ClientYAML {
		y := g.ClientYAML
		g.clients, g.clientsOf = g.readYAMLClients(), &y
	}
	return g.clients
}

func (g *Guide) readYAMLClients() []YAMLClient {
	if g.ClientYAML == "" {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(g.ClientYAML), &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	n := doc.Content[0]
	for _, k := range []string{"identity_providers", "oidc", "clients"} {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		n = MapValue(n, k)
	}
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	line := func(y *yaml.Node) int { return g.ClientYAMLLine + y.Line - 1 }
	var out []YAMLClient
	for _, c := range n.Content {
		if c.Kind != yaml.MappingNode {
			continue
		}
		var fields map[string]any
		if c.Decode(&fields) != nil {
			continue
		}
		yc := YAMLClient{Fields: fields, Line: line(c), Keys: map[string]int{}}
		if id, ok := fields["client_id"]; ok {
			yc.ID = fmt.Sprint(id)
		}
		for i := 0; i+1 < len(c.Content); i += 2 {
			k, v := c.Content[i], c.Content[i+1]
			yc.Keys[k.Value] = line(k)
			if k.Value == "redirect_uris" {
				if v.Kind == yaml.SequenceNode {
					for _, r := range v.Content {
						if r.Kind == yaml.ScalarNode {
							yc.Redirects = append(yc.Redirects, LineValue{r.Value, line(r)})
						}
					}
				} else if v.Kind == yaml.ScalarNode && v.Value != "" {
					yc.Redirects = append(yc.Redirects, LineValue{v.Value, line(v)})
				}
			}
		}
		out = append(out, yc)
	}
	return out
}

// ClientKeyLine is the guide line of key in the client whose client_id is
// id, found in the YAML's nodes; it falls back to the first line mentioning
// the key.
func (g *Guide) ClientKeyLine(id, key string) int {
	for _, c := range g.YAMLClients() {
		if l, ok := c.Keys[key]; ok && c.ID == id {
			return l
		}
	}
	return g.yamlLine(key + ":")
}

// yamlLine is the guide line of the first YAML line containing key.
func (g *Guide) yamlLine(key string) int {
	for i, l := range strings.Split(g.ClientYAML, "\n") {
		if strings.Contains(l, key) {
			return g.ClientYAMLLine + i
		}
	}
	return g.ClientYAMLLine
}

// RedirectURIs are the redirect_uris of the client whose client_id is id,
// as rendered, each with its guide line.
func (g *Guide) RedirectURIs(id string) []Var {
	var out []Var
	for _, c := range g.YAMLClients() {
		if c.ID == id {
			for _, r := range c.Redirects {
				out = append(out, Var{Name: "redirect_uris", Value: r.Value, Line: r.Line})
			}
		}
	}
	return out
}
