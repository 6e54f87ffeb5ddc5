package guide

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Source is the guide as read with its text line by line, both as written
// (shortcodes and all) and as the reader renders it (sitevars replaced; the
// same line numbers): what a rule reads.
type Source struct {
	*Guide
	Raw      []string // Raw[i] is line i+1 as written
	Rendered []string // Rendered[i] is line i+1 with sitevars rendered
	Blocks   []Fence  // every fenced code block of the body, in order
}

// Fence is a fenced code block anywhere in the guide, with its info string
// as written.
type Fence struct {
	Block
	Info     string // the info string after the backticks, as written
	OpenLine int    // the line of the opening fence
	EndLine  int    // the line of the closing fence (the last line when none)
	InList   bool   // indented under a list item
}

// RawLine is line n as written ("" outside the file).
func (s *Source) RawLine(n int) string {
	if n < 1 || n > len(s.Raw) {
		return ""
	}
	return s.Raw[n-1]
}

// RawSpan finds value, as rendered, on line n and returns where it is in
// the line as written.
func (s *Source) RawSpan(n int, value string) (start, end int, ok bool) {
	raw := s.RawLine(n)
	if i := strings.Index(raw, value); i >= 0 {
		return i, i + len(value), true
	}
	// Render the line, remembering for each rendered byte where its raw text
	// starts and ends.
	var rendered strings.Builder
	var from, to []int
	last := 0
	for _, sp := range FindShortcodes(raw) {
		if sp.Name != Sitevar {
			continue
		}
		for i := last; i < sp.Start; i++ {
			rendered.WriteByte(raw[i])
			from, to = append(from, i), append(to, i+1)
		}
		v := s.Sitevars[sp.Args["name"]]
		if v == "" {
			v = sp.Args["nojs"]
		}
		for range len(v) {
			from, to = append(from, sp.Start), append(to, sp.End)
		}
		rendered.WriteString(v)
		last = sp.End
	}
	for i := last; i < len(raw); i++ {
		rendered.WriteByte(raw[i])
		from, to = append(from, i), append(to, i+1)
	}
	i := strings.Index(rendered.String(), value)
	if i < 0 {
		return 0, 0, false
	}
	return from[i], to[i+len(value)-1], true
}

// RawValue is the source form of value found on line n: the same text with
// the sitevars it holds as written ("" when the value is not there).
func (s *Source) RawValue(n int, value string) string {
	start, end, ok := s.RawSpan(n, value)
	if !ok {
		return ""
	}
	return s.RawLine(n)[start:end]
}

// source is the Source of what the parser read; src is the file as given.
func (p *parser) source(src []byte) *Source {
	if p.g.src != nil {
		return p.g.src
	}
	s := &Source{Guide: p.g, Raw: splitLines(string(src)), Rendered: splitLines(string(p.src))}
	if p.doc != nil {
		_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			fb, ok := n.(*ast.FencedCodeBlock)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			b := p.block(fb)
			f := Fence{Block: b, OpenLine: p.nodeLine(fb)}
			if fb.Lines().Len() == 0 {
				f.Line = f.OpenLine + 1
			}
			raw := strings.TrimLeft(s.RawLine(f.OpenLine), " \t>")
			f.InList = strings.TrimSpace(s.RawLine(f.OpenLine)) != s.RawLine(f.OpenLine) && !strings.HasPrefix(s.RawLine(f.OpenLine), "```")
			f.Info = strings.TrimSpace(strings.TrimLeft(raw, "`~"))
			f.EndLine = len(s.Raw)
			for n := f.Line + strings.Count(b.Text, "\n"); n <= len(s.Raw); n++ {
				if t := strings.TrimSpace(s.RawLine(n)); n > f.OpenLine && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")) && strings.Trim(t, "`~") == "" {
					f.EndLine = n
					break
				}
			}
			s.Blocks = append(s.Blocks, f)
			return ast.WalkSkipChildren, nil
		})
	}
	p.g.src = s
	return s
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// RawNear is the source form of value on the first line from line `from`
// on that holds it (rendered); value itself when none does.
func (s *Source) RawNear(from int, value string) string {
	if s == nil {
		return value
	}
	for n := max(from, 1); n <= len(s.Rendered) && n < from+200; n++ {
		if strings.Contains(s.Rendered[n-1], value) {
			if v := s.RawValue(n, value); v != "" {
				return v
			}
		}
	}
	return value
}

// Source is the guide's text as written and as rendered; nil unless Read
// read the guide.
func (g *Guide) Source() *Source { return g.src }

// Read reads guide source leniently, as the offline checker does: what it
// cannot read, and what it meets that a rule may want, is a Problem of the
// guide, and everything else is still read. Its Source is the text.
func Read(path string, src []byte, o Options) *Guide {
	p := &parser{g: &Guide{Path: path}, lenient: true}
	if err := p.parse(src, o); err != nil {
		_ = p.unreadErr(err)
	}
	p.source(src)
	return p.g
}
