package guide

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Rule is one check of the offline checker: a stable name a maintainer can
// disable, the severity it reports at most, and the one line of
// documentation the README's table of rules shows. Each rule is registered
// in a file of its own (rule_*.go), with good and bad fixtures in
// testdata/rules/<name>/.
type Rule struct {
	Name     string
	Severity Severity // the most it reports; what depends on the application is a warning
	Doc      string   // one line: what it checks
	Example  string   // a short bad example it reports

	// check reads the guide and says what is wrong; nil for the rules the
	// reading and the comparison of methods report (consistency.go).
	check func(s *Source) []Finding
}

var registry = map[string]Rule{}

// register adds a rule to the checker; a rule file calls it from a var.
func register(r Rule) Rule {
	if r.Name == "" || r.Doc == "" || r.Severity == 0 {
		panic("guide: a rule needs a name, a severity and a line of documentation: " + r.Name)
	}
	if _, dup := registry[r.Name]; dup {
		panic("guide: rule registered twice: " + r.Name)
	}
	registry[r.Name] = r
	return r
}

// Rules lists every rule, by name.
func Rules() []Rule {
	var out []Rule
	for _, r := range registry {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Rule) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// RuleNamed returns the rule with that name.
func RuleNamed(name string) (Rule, bool) {
	r, ok := registry[name]
	return r, ok
}

// Source is what a rule reads: the guide as read, and its text line by line
// both as written (shortcodes and all) and as the reader renders it
// (sitevars replaced; the same line numbers).
type Source struct {
	*Guide
	Raw      []string // Raw[i] is line i+1 as written
	Rendered []string // Rendered[i] is line i+1 with sitevars rendered
	Blocks   []Fence  // every fenced code block of the body, in order

	md    *mdDoc // the guide as the site parses it, once (markdown)
	facts facts  // the clients and Assumptions the rules read, once
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

// Fix is the replacement of one line of the guide, in its source form
// (shortcodes, indentation and quoting kept), that makes a finding go away.
type Fix struct {
	Line int    `json:"line"`
	Old  string `json:"old"` // the line as written
	New  string `json:"new"` // the line after the fix
}

// fixValue replaces the first occurrence of value (as rendered) on line n
// with repl (as written, shortcodes and all). It maps rendered text back to
// the source through the sitevars of the line, so a value that holds a
// sitevar is replaced whole. nil when the value is not on that line.
func (s *Source) fixValue(n int, value, repl string) *Fix {
	if s == nil {
		return nil
	}
	raw := s.RawLine(n)
	if raw == "" || value == "" || value == repl {
		return nil
	}
	start, end, ok := s.rawSpan(n, value)
	if !ok {
		return nil
	}
	return &Fix{Line: n, Old: raw, New: raw[:start] + repl + raw[end:]}
}

// rawSpan finds value, as rendered, on line n and returns where it is in
// the line as written.
func (s *Source) rawSpan(n int, value string) (start, end int, ok bool) {
	raw := s.RawLine(n)
	if i := strings.Index(raw, value); i >= 0 {
		return i, i + len(value), true
	}
	// Render the line, remembering for each rendered byte where its raw text
	// starts and ends.
	var rendered strings.Builder
	var from, to []int
	last := 0
	for _, sp := range findShortcodes(raw) {
		if sp.sc.Name != sitevar {
			continue
		}
		for i := last; i < sp.start; i++ {
			rendered.WriteByte(raw[i])
			from, to = append(from, i), append(to, i+1)
		}
		v := s.Sitevars[sp.sc.Args["name"]]
		if v == "" {
			v = sp.sc.Args["nojs"]
		}
		for range len(v) {
			from, to = append(from, sp.start), append(to, sp.end)
		}
		rendered.WriteString(v)
		last = sp.end
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

// rawValue is the source form of value found on line n: the same text with
// the sitevars it holds as written ("" when the value is not there).
func (s *Source) rawValue(n int, value string) string {
	start, end, ok := s.rawSpan(n, value)
	if !ok {
		return ""
	}
	return s.RawLine(n)[start:end]
}

// disableRe is an inline comment that silences rules for the next line or
// block: <!-- guidewalk-disable scopes,redirect-uri -->, or every rule when
// it names none.
var disableRe = regexp.MustCompile(`^\s*<!--\s*guidewalk-disable(?:\s+([A-Za-z0-9,\s-]+?))?\s*-->\s*$`)

// silenced is where inline comments silence which rules: line -> rule names
// ("*" for every rule).
func (s *Source) silenced() map[int][]string {
	out := map[int][]string{}
	for i, l := range s.Raw {
		m := disableRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		names := strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		if len(names) == 0 {
			names = []string{"*"}
		}
		// The next line that says something, or the whole block it opens.
		next := i + 2
		for next <= len(s.Raw) && strings.TrimSpace(s.RawLine(next)) == "" {
			next++
		}
		last := next
		for _, f := range s.Blocks {
			if f.OpenLine == next {
				last = f.EndLine
			}
		}
		for n := next; n <= last; n++ {
			out[n] = append(out[n], names...)
		}
	}
	return out
}

// keep drops the findings of disabled rules and those an inline comment
// silences at their line.
func (s *Source) keep(found []Finding, disabled map[string]bool) []Finding {
	quiet := s.silenced()
	return slices.DeleteFunc(found, func(f Finding) bool {
		if disabled[f.Rule] {
			return true
		}
		for _, name := range quiet[f.Line] {
			if name == "*" || name == f.Rule {
				return true
			}
		}
		return false
	})
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

// rawNear is the source form of value on the first line from line `from`
// on that holds it (rendered); value itself when none does.
func (s *Source) rawNear(from int, value string) string {
	if s == nil {
		return value
	}
	for n := max(from, 1); n <= len(s.Rendered) && n < from+200; n++ {
		if strings.Contains(s.Rendered[n-1], value) {
			if v := s.rawValue(n, value); v != "" {
				return v
			}
		}
	}
	return value
}

// closestURL is the one of urls that shares the longest prefix with u, when
// one is closer than the rest; the only one when there is one.
func closestURL(u string, urls []string) string {
	if len(urls) == 1 {
		return urls[0]
	}
	best, bestN, tie := "", -1, false
	for _, c := range urls {
		n := 0
		for n < len(c) && n < len(u) && c[n] == u[n] {
			n++
		}
		switch {
		case n > bestN:
			best, bestN, tie = c, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}
