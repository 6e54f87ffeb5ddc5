package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// RuleLinkReference: [text] with no definition, [text](url with no ")".
const RuleLinkReference = "link-reference"

// link-reference: a reference link whose label has no definition renders
// as literal brackets; an inline link whose destination is not closed
// renders as text. What goldmark (the site's parser) left as text is read.
var _ = register(Rule{
	Name:     RuleLinkReference,
	Severity: SeverityError,
	Doc:      "a reference link with no [label]: definition, or an inline link with no closing parenthesis, renders as text",
	Example:  "`[client configuration]` with no `[client configuration]: ../../../../configuration/…` line",
	Phase:    PhaseText,
	Run:      textRule(checkLinkReferences),
})

// bracketRe is a [label] goldmark did not make a link of.
var bracketRe = regexp.MustCompile(`\[([^\[\]\x01\x02]*[\pL\pN][^\[\]\x01\x02]*)\]`)

func checkLinkReferences(s *Source) []Finding {
	d := s.markdown()
	var out []Finding
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		if !hasInline(n) {
			return ast.WalkContinue, nil
		}
		var f flatText
		d.flatten(n, &f)
		for _, m := range bracketRe.FindAllSubmatchIndex(f.s, -1) {
			start, end := m[0], m[1]
			if start > 0 && isWordByte(f.s[start-1]) || start > 0 && f.s[start-1] == ']' {
				continue // foo[0], or the label of [text][label]
			}
			off := -1
			for i := start; i < end && off < 0; i++ {
				off = f.off[i]
			}
			if off < 0 {
				continue
			}
			line := d.line(off)
			label := string(f.s[m[2]:m[3]])
			rest := f.s[end:]
			switch {
			case len(rest) > 0 && rest[0] == '(':
				out = append(out, unclosedLink(s, line, label, string(rest)))
			case len(rest) > 0 && rest[0] == '[':
				ref := label
				if j := strings.IndexByte(string(rest), ']'); j > 1 {
					ref = string(rest[1:j])
				}
				out = append(out, Finding{Line: line, Severity: SeverityError, Rule: RuleLinkReference,
					Message: fmt.Sprintf("[%s][%s] renders as literal brackets: the guide has no [%s]: definition; add one (e.g. beside the others at the end) or drop the brackets", label, ref, ref)})
			default:
				out = append(out, Finding{Line: line, Severity: SeverityError, Rule: RuleLinkReference,
					Message: fmt.Sprintf("[%s] renders as literal brackets: the guide has no [%s]: definition; add one (e.g. beside the others at the end) or drop the brackets", label, label)})
			}
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// unclosedLink: "[text](" that goldmark left as text: the destination has
// no closing parenthesis (the fix closes it after the URL) or holds a space.
func unclosedLink(s *Source, line int, label, rest string) Finding {
	dest := strings.TrimPrefix(rest, "(")
	if i := strings.IndexAny(dest, " \t\n"); i >= 0 {
		dest = dest[:i]
	}
	f := Finding{Line: line, Severity: SeverityError, Rule: RuleLinkReference}
	raw := s.RawLine(line)
	if dest != "" && !strings.Contains(dest, ")") {
		f.Message = fmt.Sprintf("the link [%s](%s has no closing parenthesis, so it renders as text: write [%s](%s)", label, dest, label, dest)
		if i := strings.Index(raw, "("+dest); i >= 0 && strings.Count(raw, "("+dest) == 1 {
			j := i + 1 + len(dest)
			f.Fix = &Fix{Line: line, Old: raw, New: raw[:j] + ")" + raw[j:]}
		}
		return f
	}
	f.Message = fmt.Sprintf("the link [%s](%s… renders as text: its destination holds a space or is not closed; write [%s](URL) with the URL alone inside the parentheses", label, dest, label)
	return f
}

func hasInline(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeInline {
			return true
		}
	}
	return false
}
