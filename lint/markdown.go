package lint

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The reading the rules of rendering and links share (rule_links.go,
// rule_docs_link.go, rule_values.go): the guide parsed as the docs site's
// goldmark does (its extensions, heading attributes), the rendered text
// (sitevars replaced, same line numbers).

// mdDoc is the rendered guide parsed as Markdown.
type mdDoc struct {
	src        []byte
	root       ast.Node
	lineStarts []int

	links  []linkDest // Source.links, once read
	values []value    // Source.values, once read
	read   struct{ links, values bool }
}

var siteMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList,
		extension.Linkify, extension.Footnote, extension.DefinitionList),
	goldmark.WithParserOptions(gparser.WithAttribute()),
)

// markdown is the guide as the site parses it.
// One parse per guide: its rules run one after another.
func (s *Source) markdown() *mdDoc {
	if s.md == nil {
		src := []byte(strings.Join(s.Rendered, "\n") + "\n")
		s.md = &mdDoc{src: src, lineStarts: guide.LineStarts(src)}
		s.md.root = siteMarkdown.Parser().Parse(text.NewReader(src))
	}
	return s.md
}

// line is the 1-based line of byte offset off.
func (d *mdDoc) line(off int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off })
}

// firstOffset is where the text of n starts (-1 when it holds none).
func (d *mdDoc) firstOffset(n ast.Node) int {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := d.firstOffset(c); off >= 0 {
			return off
		}
	}
	return -1
}

// plain is the text of an inline tree as a reader sees it (code spans'
// text, links' text).
func (d *mdDoc) plain(n ast.Node) string {
	var sb strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			sb.Write(c.Segment.Value(d.src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(c.Value)
		case *ast.AutoLink:
			sb.Write(c.URL(d.src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return sb.String()
}

// heading is a heading of the guide and the anchor the site gives it.
type heading struct {
	Text, ID string
	Line     int
}

// headings are the guide's headings with their anchors: Hugo's "github"
// IDs (lower case, spaces to hyphens, punctuation dropped), "-1", "-2" for
// the repeats, an {#id} attribute as written.
func (d *mdDoc) headings() []heading {
	var out []heading
	seen := map[string]int{}
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		t := strings.TrimSpace(d.plain(h))
		id := githubID(t)
		if v, ok := h.AttributeString("id"); ok {
			if b, ok := v.([]byte); ok {
				id = string(b)
			}
		} else {
			if k, dup := seen[id]; dup {
				seen[id] = k + 1
				id += "-" + itoa(k+1)
			} else {
				seen[id] = 0
			}
		}
		out = append(out, heading{Text: t, ID: id, Line: d.line(d.firstOffset(h))})
		return ast.WalkSkipChildren, nil
	})
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// githubID is the anchor Hugo's autoHeadingIDType "github" makes.
func githubID(s string) string {
	var sb strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || r == '-' || r == '_':
			sb.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			sb.WriteByte('-')
		}
	}
	return sb.String()
}

// inFence says whether line n lies in a fenced block (its fences included).
func (s *Source) inFence(n int) bool {
	for _, f := range s.Blocks {
		if n >= f.OpenLine && n <= f.EndLine {
			return true
		}
	}
	return false
}

var codeSpanRe = regexp.MustCompile("`+[^`]+`+")

// proseLine is line n as rendered with its code spans blanked out ("" in a
// fenced block): where links and prose are.
func (s *Source) proseLine(n int) string {
	if n < 1 || n > len(s.Rendered) || s.inFence(n) {
		return ""
	}
	return codeSpanRe.ReplaceAllStringFunc(s.Rendered[n-1], func(m string) string { return strings.Repeat(" ", len(m)) })
}

// refDefRe is a link reference definition: [label]: destination.
var refDefRe = regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:\s*(\S+)`)

// linkDest is a link's destination as written, and where.
type linkDest struct {
	Text, Dest string
	Line       int
	Def        bool // a [label]: destination definition, not an inline link
}

var inlineLinkRe = regexp.MustCompile(`(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)`)

// links are the destinations of the guide's inline links and reference
// definitions, read line by line outside code.
func (s *Source) links() []linkDest {
	d := s.markdown()
	if !d.read.links {
		d.links, d.read.links = s.readLinks(), true
	}
	return d.links
}

func (s *Source) readLinks() []linkDest {
	var out []linkDest
	for n := 1; n <= len(s.Rendered); n++ {
		l := s.proseLine(n)
		if l == "" {
			continue
		}
		if m := refDefRe.FindStringSubmatch(l); m != nil && !strings.HasPrefix(m[1], "^") {
			out = append(out, linkDest{Text: m[1], Dest: strings.Trim(m[2], "<>"), Line: n, Def: true})
			continue
		}
		for _, m := range inlineLinkRe.FindAllStringSubmatch(l, -1) {
			out = append(out, linkDest{Text: m[2], Dest: m[3], Line: n})
		}
	}
	return out
}

// flatText is the inline text of a block as goldmark left it, with, for
// each byte, its offset in the source (-1 for what stands for markup).
type flatText struct {
	s   []byte
	off []int
}

const (
	flatCode = '\x01' // a code span
	flatLink = '\x02' // a link, an image, raw HTML: not text
)

func (f *flatText) add(b []byte, start int) {
	for i, c := range b {
		f.s = append(f.s, c)
		if start < 0 {
			f.off = append(f.off, -1)
		} else {
			f.off = append(f.off, start+i)
		}
	}
}

func (d *mdDoc) flatten(n ast.Node, f *flatText) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			f.add(c.Segment.Value(d.src), c.Segment.Start)
			if c.SoftLineBreak() || c.HardLineBreak() {
				f.add([]byte{' '}, -1)
			}
		case *ast.String:
			f.add(c.Value, -1)
		case *ast.CodeSpan:
			f.add([]byte{flatCode}, d.firstOffset(c))
		case *ast.AutoLink:
			f.add(c.URL(d.src), -1)
		case *ast.Link, *ast.Image, *ast.RawHTML, *east.TaskCheckBox, *east.FootnoteLink:
			f.add([]byte{flatLink}, d.firstOffset(c))
		default:
			if c.Type() == ast.TypeInline {
				d.flatten(c, f)
			}
		}
	}
}
