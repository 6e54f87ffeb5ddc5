package guide

import (
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// What the rules of the client and the Assumptions read (assumed-redirect-uri,
// root-url-host, public-client, authelia-subdomain): the clients of the
// Authelia YAML with the lines of their keys, and the Assumptions' items with
// their sub-items and the lines of their code spans.

// facts is what those rules read of one guide, read once for all of them
// (the rules of one guide run one after another).
type facts struct {
	items []assumedItem
	views []view
	read  struct{ items, views bool }
}

// clients are the clients of the Authelia YAML (see yamlClients).
func (s *Source) clients() []yamlClient { return s.yamlClients() }

// items are the Assumptions' items (see assumedItems).
func (s *Source) items() []assumedItem {
	if f := &s.facts; !f.read.items {
		f.items, f.read.items = s.assumedItems(), true
	}
	return s.facts.items
}

// methodViews are the methods as their settings (see Guide.views).
func (s *Source) methodViews() []view {
	if f := &s.facts; !f.read.views {
		f.views, f.read.views = s.views(), true
	}
	return s.facts.views
}

// yamlClient is one client of the Authelia YAML, with the guide lines of
// its keys and of its redirect URIs.
type yamlClient struct {
	ID        string
	Fields    map[string]any
	Line      int            // the line of its first key
	Keys      map[string]int // key -> guide line
	Redirects []lineValue    // redirect_uris, rendered, with their lines
}

// lineValue is a value (as rendered) and the guide line it stands on.
type lineValue struct {
	Value string
	Line  int
}

// yamlClients are the clients of the Authelia YAML block with their lines,
// read once; nil when the block does not parse.
func (g *Guide) yamlClients() []yamlClient {
	if g.clientsOf == nil || *g.clientsOf != g.ClientYAML {
		y := g.ClientYAML
		g.clients, g.clientsOf = g.readYAMLClients(), &y
	}
	return g.clients
}

func (g *Guide) readYAMLClients() []yamlClient {
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
		n = mapValue(n, k)
	}
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	line := func(y *yaml.Node) int { return g.ClientYAMLLine + y.Line - 1 }
	var out []yamlClient
	for _, c := range n.Content {
		if c.Kind != yaml.MappingNode {
			continue
		}
		var fields map[string]any
		if c.Decode(&fields) != nil {
			continue
		}
		yc := yamlClient{Fields: fields, Line: line(c), Keys: map[string]int{}}
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
							yc.Redirects = append(yc.Redirects, lineValue{r.Value, line(r)})
						}
					}
				} else if v.Kind == yaml.ScalarNode && v.Value != "" {
					yc.Redirects = append(yc.Redirects, lineValue{v.Value, line(v)})
				}
			}
		}
		out = append(out, yc)
	}
	return out
}

// public: the client has no secret by its own declaration (public: true,
// or token_endpoint_auth_method none).
func (c yamlClient) public() bool {
	return c.Fields["public"] == true || c.Fields["token_endpoint_auth_method"] == "none"
}

// confidential: the client says it has a secret (a client_secret, or
// public: false) and does not say otherwise.
func (c yamlClient) confidential() bool {
	if c.public() {
		return false
	}
	_, secret := c.Fields["client_secret"]
	return secret || c.Fields["public"] == false
}

// theClient is the client the guide configures: the one the Assumptions'
// Client ID names, else the only one.
func (g *Guide) theClient(clients []yamlClient) (yamlClient, bool) {
	if id, err := g.Assumption("Client ID"); err == nil && id.Value != "" {
		for _, c := range clients {
			if c.ID == id.Value {
				return c, true
			}
		}
	}
	if len(clients) == 1 {
		return clients[0], true
	}
	return yamlClient{}, false
}

// assumedItem is an item of the Assumptions' list, or one of its sub-items,
// read from the lines of the guide.
type assumedItem struct {
	Line   int    // the line of its marker
	Indent int    // the column of its marker
	Depth  int    // 0 for the list's own items
	Lines  []int  // its lines, continuation lines included
	Text   string // its text as rendered, lines joined with a space, marker left out
	Parent int    // index of the item it stands under; -1 for a list item
	codes  []lineCode
}

// lineCode is a code span of an item and its line, as rendered.
type lineCode struct {
	Value  string
	Line   int
	Offset int // where it starts in the item's Text
}

var (
	itemMarkerRe   = regexp.MustCompile(`^(\s*)[-*+]\s+(.*)$`)
	factCodeSpanRe = regexp.MustCompile("`([^`]+)`")
	headingRe      = regexp.MustCompile(`^\s{0,3}#{1,6}\s`)
)

// assumedItems reads the bullet list of "### Assumptions", sub-items and
// all, from the rendered lines: the reading of the Assumptions keeps only
// "__Name:__ `value`" items and not what stands under them.
func (s *Source) assumedItems() []assumedItem {
	start := s.assumptionsLine
	if start <= 0 {
		return nil
	}
	var out []assumedItem
	var stack []int // indices of the open items, outermost first
	inFence := false
	for n := start + 1; n <= len(s.Rendered); n++ {
		l := s.Rendered[n-1]
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if headingRe.MatchString(l) {
			break
		}
		if t == "" {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " \t"))
		if m := itemMarkerRe.FindStringSubmatch(l); m != nil {
			for len(stack) > 0 && out[stack[len(stack)-1]].Indent >= indent {
				stack = stack[:len(stack)-1]
			}
			it := assumedItem{Line: n, Indent: indent, Depth: len(stack), Parent: -1}
			if len(stack) > 0 {
				it.Parent = stack[len(stack)-1]
			}
			it.add(m[2], n)
			out = append(out, it)
			stack = append(stack, len(out)-1)
			continue
		}
		if len(out) == 0 {
			continue // the sentence before the list
		}
		if indent == 0 || len(stack) == 0 {
			break // a paragraph after the list
		}
		// A continuation line of the innermost open item.
		out[stack[len(stack)-1]].add(t, n)
	}
	return out
}

func (it *assumedItem) add(text string, line int) {
	if it.Text != "" {
		it.Text += " "
	}
	base := len(it.Text)
	for _, m := range factCodeSpanRe.FindAllStringSubmatchIndex(text, -1) {
		it.codes = append(it.codes, lineCode{Value: text[m[2]:m[3]], Line: line, Offset: base + m[0]})
	}
	it.Text += text
	it.Lines = append(it.Lines, line)
}

// nameValue splits "__Name:__ `value`" (or a sub-item's "Label: `value`"):
// the name, and the value's first code span ("" when there is none).
func (it assumedItem) nameValue() (name string, value lineCode) {
	t := strings.ReplaceAll(it.Text, "__", "")
	t = strings.ReplaceAll(t, "**", "")
	i := strings.Index(t, ":")
	if i < 0 {
		return "", lineCode{}
	}
	name = strings.TrimSpace(t[:i])
	if strings.Contains(name, "`") || len(strings.Fields(name)) > 5 {
		return "", lineCode{}
	}
	// The code spans after the name.
	for _, c := range it.codes {
		if c.Offset > strings.Index(it.Text, ":") {
			return name, c
		}
	}
	return name, lineCode{}
}

// loopback: an address of the reader's own machine, where the host of the
// Application Root URL means nothing.
func loopback(host string) bool {
	h := strings.ToLower(strings.Trim(host, "[]"))
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// webHost is the host of an http(s) URL in lower case, "" for anything else
// (a custom scheme, a placeholder, not a URL).
// A <placeholder> in the path is the reader's to fill and leaves the host
// known (https://app.example.com/login/<UUID>/callback).
func webHost(s string) string {
	s = placeholderRe.ReplaceAllString(strings.TrimSpace(s), "placeholder-x")
	if placeholder(s) {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.Contains(u.Host, "placeholder-x") {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// origin is scheme://host[:port] of a URL as written ("" when it is none).
func origin(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// ClientKeyLine is the guide line of key in the client whose client_id is
// id (the first line mentioning the key when the YAML does not parse).
func (g *Guide) ClientKeyLine(id, key string) int { return g.clientKeyLine(id, key) }

// RedirectURIs are the redirect_uris of the client whose client_id is id,
// as rendered, each with its guide line.
func (g *Guide) RedirectURIs(id string) []Var {
	var out []Var
	for _, c := range g.yamlClients() {
		if c.ID == id {
			for _, r := range c.Redirects {
				out = append(out, Var{Name: "redirect_uris", Value: r.Value, Line: r.Line})
			}
		}
	}
	return out
}
