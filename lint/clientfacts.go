package lint

import (
	"net"
	"net/url"
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
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
func (s *Source) clients() []guide.YAMLClient { return s.YAMLClients() }

// items are the Assumptions' items (see assumedItems).
func (s *Source) items() []assumedItem {
	if f := &s.facts; !f.read.items {
		f.items, f.read.items = s.assumedItems(), true
	}
	return s.facts.items
}

// methodViews are the methods as their settings (see viewsOf).
func (s *Source) methodViews() []view {
	if f := &s.facts; !f.read.views {
		f.views, f.read.views = viewsOf(s.Guide), true
	}
	return s.facts.views
}

// public: the client has no secret by its own declaration (public: true,
// or token_endpoint_auth_method none).
func public(c guide.YAMLClient) bool {
	return c.Fields["public"] == true || c.Fields["token_endpoint_auth_method"] == "none"
}

// confidential: the client says it has a secret (a client_secret, or
// public: false) and does not say otherwise.
func confidential(c guide.YAMLClient) bool {
	if public(c) {
		return false
	}
	_, secret := c.Fields["client_secret"]
	return secret || c.Fields["public"] == false
}

// theClient is the client the guide configures: the one the Assumptions'
// Client ID names, else the only one.
func theClient(g *guide.Guide, clients []guide.YAMLClient) (guide.YAMLClient, bool) {
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
	return guide.YAMLClient{}, false
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
	start := s.AssumptionsLine()
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
