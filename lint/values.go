package lint

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// The values a reader copies, for the rules of values that render as
// something else (rule_angle_brackets.go, rule_placeholder.go,
// rule_escaped_shortcode.go, rule_truncated_value.go): every code span and
// every line of a fenced block, as rendered.

// value is a code span or a line of a fenced block.
type value struct {
	Text  string // as rendered (sitevars replaced)
	Line  int
	Code  bool   // a code span; else a line of a block
	Lang  string // the block's language ("" for a code span)
	Whole bool   // the code span is a whole Assumption or form value
	Aside bool   // the code span stands in a callout, which explains
}

// markupLangs are blocks whose angle brackets and shortcodes are markup,
// not values.
var markupLangs = map[string]bool{"xml": true, "html": true, "htm": true, "svg": true, "markdown": true, "md": true, "vue": true, "jsx": true, "tsx": true, "gotmpl": true, "go-html-template": true}

// values are the guide's code spans and block lines, in line order of
// their kind.
func (s *Source) values() []value {
	d := s.markdown()
	if !d.read.values {
		d.values, d.read.values = s.readValues(d), true
	}
	return d.values
}

func (s *Source) readValues(d *mdDoc) []value {
	whole := map[int]string{}
	for _, a := range s.Assumptions {
		whole[a.Line] = a.Value
	}
	for _, m := range s.Methods {
		for _, st := range m.Steps {
			for _, it := range st.Items {
				if it.Literal {
					whole[it.Line] = it.Value
				}
			}
		}
	}
	callout := s.calloutLines()
	var out []value
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		cs, ok := n.(*ast.CodeSpan)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		off := d.firstOffset(cs)
		if off < 0 {
			return ast.WalkSkipChildren, nil
		}
		line := d.line(off)
		t := d.plain(cs)
		out = append(out, value{Text: t, Line: line, Code: true, Whole: whole[line] == t, Aside: callout[line]})
		return ast.WalkSkipChildren, nil
	})
	for _, f := range s.Blocks {
		lang := strings.ToLower(f.Lang)
		for i, l := range strings.Split(strings.TrimSuffix(f.Text, "\n"), "\n") {
			out = append(out, value{Text: l, Line: f.Line + i, Lang: lang})
		}
	}
	return out
}

// calloutLines are the lines between {{< callout >}} and {{< /callout >}}.
func (s *Source) calloutLines() map[int]bool {
	in := map[int]bool{}
	open := 0
	for _, sc := range s.Shortcodes {
		switch sc.Name {
		case "callout":
			open = sc.Line
		case "/callout":
			if open > 0 {
				for n := open; n <= sc.Line; n++ {
					in[n] = true
				}
			}
			open = 0
		}
	}
	return in
}

var placeholderRe = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9 _.-]*)>`)

// isMarkup: the value holds markup (a closing tag, a tag with attributes),
// so its angle brackets are tags.
func isMarkup(v value) bool {
	return markupLangs[v.Lang] || strings.Contains(v.Text, "</") || strings.Contains(v.Text, "/>")
}
