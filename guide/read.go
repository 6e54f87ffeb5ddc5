package guide

import (
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v3"
)

// The checker's reading of the Application section: every block that
// configures the application is a method, at any heading depth, inside a
// step too; numbered lists continued after a block are one list of steps.

// IntroMethod is a method the Application section's introduction names
// ("there are two methods, using the Configuration File, or the Web GUI").
type IntroMethod struct {
	Name string
	Line int // the line of its paragraph
}

func (p *parser) readApplication() error {
	h, blocks, err := p.requireSection(3, hApplication)
	if err != nil {
		return p.unread(err.(*Error))
	}
	title := p.flatten(h).text
	p.g.ApplicationLine = p.nodeLine(h)
	p.g.stepsLine = p.g.ApplicationLine
	p.g.stepsHeading = headingText(h.Level, title)
	ctx := context{heading: p.g.stepsHeading, line: p.g.ApplicationLine}
	nameLevel := 0
	steps := -1 // index in Methods of the steps method under the current heading
	var headings []string
	var levels, lines []int // each heading's level and line
	for _, b := range blocks {
		p.method = Method{Name: ctx.name, Variant: ctx.variant}.Label()
		switch b := b.(type) {
		case *ast.Heading:
			t := p.flatten(b).text
			headings = append(headings, t)
			levels, lines = append(levels, b.Level), append(lines, p.nodeLine(b))
			if nameLevel == 0 || b.Level <= nameLevel {
				nameLevel = b.Level
				ctx.name, ctx.variant = t, ""
			} else {
				ctx.variant = t
			}
			ctx.heading, ctx.line = headingText(b.Level, t), p.nodeLine(b)
			steps = -1
		case *ast.Paragraph:
			if len(headings) == 0 {
				p.readIntro(b)
			}
		case *ast.FencedCodeBlock:
			p.addBlockMethods(b, ctx)
		case *ast.List:
			p.nestedBlocks(b, ctx)
			if !b.IsOrdered() {
				// Sub-items indented too little to nest ("4." then "  - x")
				// stand after the list; they are still the last step's.
				if steps >= 0 && isList(b.PreviousSibling(), true) {
					m := &p.g.Methods[steps]
					last := &m.Steps[len(m.Steps)-1]
					for it := b.FirstChild(); it != nil; it = it.NextSibling() {
						last.Items = append(last.Items, p.item(it))
						last.Items = append(last.Items, p.nestedItems(it)...)
					}
				}
				continue
			}
			if steps < 0 {
				p.g.Methods = append(p.g.Methods, Method{Name: ctx.name, Variant: ctx.variant, Line: ctx.line,
					Kind: MethodSteps, Steps: p.lenientSteps(b, nil), heading: ctx.heading})
				steps = len(p.g.Methods) - 1
				continue
			}
			// A list after a block or a note goes on with the steps when
			// its numbers do; one starting at 1 again is another list.
			m := &p.g.Methods[steps]
			if first, ok := p.writtenNumber(b.FirstChild()); ok && first > 1 {
				m.Steps = p.lenientSteps(b, m.Steps)
			}
		}
	}
	p.method = ""
	for i, h := range headings {
		p.g.ApplicationHeadings = append(p.g.ApplicationHeadings, Heading{Text: h, Level: levels[i], Line: lines[i]})
	}
	if len(p.g.Methods) == 0 {
		return p.unread(p.errorf(p.g.ApplicationLine, "section %q has no numbered list of steps, nor a .env, Docker Compose or configuration file block the checker reads",
			p.g.stepsHeading))
	}
	for _, m := range p.g.Methods {
		if m.Kind == MethodSteps {
			p.g.Steps, p.g.stepsLine, p.g.stepsHeading = m.Steps, m.Line, m.heading
			break
		}
	}
	return nil
}

func isList(n ast.Node, ordered bool) bool {
	l, ok := n.(*ast.List)
	return ok && l.IsOrdered() == ordered
}

func (p *parser) addBlockMethods(fb *ast.FencedCodeBlock, ctx context) {
	ms, _ := p.blockMethods(p.block(fb), ctx)
	p.g.Methods = append(p.g.Methods, ms...)
	headed := p.block(fb)
	headed.Heading = ctx.heading
	p.g.Blocks = append(p.g.Blocks, headed)
}

// nestedBlocks reads the code blocks standing inside a list's items.
func (p *parser) nestedBlocks(list *ast.List, ctx context) {
	_ = ast.Walk(list, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fb, ok := n.(*ast.FencedCodeBlock); ok && entering {
			p.addBlockMethods(fb, ctx)
		}
		return ast.WalkContinue, nil
	})
}

// lenientSteps reads a numbered list going on from prev. A list numbered
// "1." throughout is numbered by position, as Markdown renders it, as is an
// item whose number cannot be read; otherwise a step keeps the number
// written, and the list is a NumberedList of the guide (the step-numbers
// rule reads the numbers as written there).
func (p *parser) lenientSteps(list *ast.List, prev []Step) []Step {
	steps := prev
	var written []int
	lazy := true
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		n, _ := p.writtenNumber(item)
		written = append(written, n)
		if n != written[0] {
			lazy = false
		}
	}
	lazy = lazy && len(written) > 1
	nl := NumberedList{Before: len(prev), Method: p.method}
	i := 0
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		st, _ := p.step(item)
		want := 1
		if len(steps) > 0 {
			want = steps[len(steps)-1].Number + 1
		}
		if lazy || written[i] == 0 {
			st.Number = want
		}
		nl.Written = append(nl.Written, !lazy && written[i] != 0)
		i++
		steps = append(steps, st)
	}
	nl.Steps = slices.Clone(steps)
	p.g.NumberedLists = append(p.g.NumberedLists, nl)
	return steps
}

// nestedItems are the sub-items of a sub-item ("Advanced:" and its
// entries), read as entries of the step.
func (p *parser) nestedItems(n ast.Node) []Item {
	var out []Item
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if l, ok := c.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				out = append(out, p.item(it))
				out = append(out, p.nestedItems(it)...)
			}
		}
	}
	return out
}

var introRe = regexp.MustCompile(`(?i)\bthere (?:are|is) (\w+) (?:methods?|ways?|options?)\b([^.:]*)`)

// readIntro reads "there are three methods, using the Configuration File,
// using Environment Variables, or using the Web GUI".
func (p *parser) readIntro(para *ast.Paragraph) {
	text := p.flatten(para).text
	m := introRe.FindStringSubmatch(text)
	if m == nil {
		return
	}
	rest := strings.Trim(m[2], " ,:")
	rest = strings.NewReplacer(", or ", ",", " or ", ",", ", and ", ",", " and ", ",", ";", ",").Replace(rest)
	for _, part := range strings.Split(rest, ",") {
		name := strings.TrimSpace(part)
		for _, w := range []string{"using ", "via ", "by ", "with ", "through ", "the "} {
			if len(name) >= len(w) && strings.EqualFold(name[:len(w)], w) {
				name = strings.TrimSpace(name[len(w):])
			}
		}
		if name != "" {
			p.g.Intro = append(p.g.Intro, IntroMethod{Name: name, Line: p.nodeLine(para)})
		}
	}
}

// iniMethod reads a TOML or INI configuration file block line by line:
// "[section]" and "key = value", named by dotted paths ("oidc.client_id").
// Lines it does not understand are not its business.
func (p *parser) iniMethod(b Block, ctx context) []Method {
	m := Method{Name: ctx.name, Variant: ctx.variant, Line: ctx.line, Kind: MethodFile, Block: b, heading: ctx.heading}
	section := ""
	for i, line := range strings.Split(b.Text, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, ";"):
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			section = strings.Trim(t, "[] ")
		default:
			k, v, ok := strings.Cut(t, "=")
			if !ok {
				continue
			}
			k = strings.Trim(strings.TrimSpace(k), `"`)
			if section != "" {
				k = section + "." + k
			}
			m.Vars = append(m.Vars, Var{Name: k, Value: iniValue(strings.TrimSpace(v)), Line: b.Line + i})
		}
	}
	if len(m.Vars) == 0 {
		return nil
	}
	return []Method{m}
}

// iniValue unquotes a value and joins an array's items with commas.
func iniValue(v string) string {
	if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
		var items []string
		for _, it := range strings.Split(strings.Trim(v, "[]"), ",") {
			if it = strings.TrimSpace(it); it != "" {
				items = append(items, Unquote(it))
			}
		}
		return strings.Join(items, ",")
	}
	if len(v) > 0 && (v[0] == '"' || v[0] == '\'') {
		if end := strings.IndexByte(v[1:], v[0]); end >= 0 {
			return v[1 : end+1] // a comment may follow the closing quote
		}
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// Unquote strips one pair of matching quotes.
func Unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'' || s[0] == '`') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// embeddedYAML reads a block scalar that holds a YAML mapping as its
// scalars, named by dotted paths; Line is the line within the scalar (1 is
// the line after the key's).
func embeddedYAML(n *yaml.Node) ([]Var, bool) {
	if n.Kind != yaml.ScalarNode || n.Style != yaml.LiteralStyle && n.Style != yaml.FoldedStyle || !strings.Contains(n.Value, ":") {
		return nil, false
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(n.Value), &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	var out []Var
	_ = yamlScalars(doc.Content[0], "", func(path, value string, n *yaml.Node) error {
		out = append(out, Var{Name: path, Value: value, Line: n.Line})
		return nil
	})
	return out, len(out) > 0
}

// Normalize makes "Claim User Info" and "CLAIM_USERINFO" the same key.
func Normalize(s string) string {
	return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(s))
}
