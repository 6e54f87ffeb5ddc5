// Package guide reads an Authelia integration guide (Markdown with Hugo front
// matter) and returns the facts a browser test suite can check: tested
// versions, assumptions, the Authelia client YAML and the application steps.
//
// The guide is the single source of truth for the suite, so every error names
// the guide file and the line it concerns.
package guide

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"gopkg.in/yaml.v3"
)

// Guide holds the testable facts of one guide.
type Guide struct {
	Path           string
	Title          string           // front matter title, e.g. "MinIO"
	TestedVersions []Version        // from "## Tested Versions"
	Assumptions    []Assumption     // from "### Assumptions"
	ClientYAML     string           // the ```yaml block under "### Authelia", as in the file
	ClientYAMLLine int              // line of the first YAML line (after the fence)
	Clients        []map[string]any // identity_providers.oidc.clients
	Steps          []Step           // the steps of the first MethodSteps method under "### Application"

	ApplicationLine int               // line of "### Application"
	Methods         []Method          // the configuration methods of "### Application", in source order
	Blocks          []Block           // every code block of "### Application", in source order (the suite's reader)
	Sitevars        map[string]string // every sitevar name used -> the value used; nil when none
	Shortcodes      []Shortcode       // every Hugo shortcode, in source order

	// Heading lines, kept so lookup errors can point at the section.
	versionsLine    int
	assumptionsLine int
	stepsLine       int
	stepsHeading    string // the heading holding Steps, as written

	// Problems is what the reading met that a rule may want: what it could
	// not read, a block that does not parse, a variable set twice, one
	// sitevar given two values; in the order met
	// (sitevars last). A strict reading stops at the first of them
	// instead, but for sitevars.
	Problems []Problem

	// Intro are the methods the Application section's introduction names,
	// in order; ApplicationHeadings the headings of the section.
	Intro               []IntroMethod
	ApplicationHeadings []Heading

	// NumberedLists are the numbered lists of steps the lenient reading
	// read, each with the steps of its method before it.
	NumberedLists []NumberedList

	src       *Source      // the guide as written; nil unless Read read it
	clients   []YAMLClient // ClientYAML's clients with their lines, read once (YAMLClients)
	clientsOf *string      // the ClientYAML they were read from; nil before
}

// NumberedList is a numbered list of steps as the lenient reading read it:
// Steps are its method's steps up to its last item, Steps[Before:] its
// own; Written[i] says whether the list's item i keeps the number written
// in the source (not a list numbered "1." throughout, nor an item whose
// number cannot be read, which are numbered by position).
type NumberedList struct {
	Steps   []Step
	Before  int
	Written []bool
	Method  string // the label of the method being read (Method.Label)
}

// Heading is a heading of the guide, as rendered.
type Heading struct {
	Text        string
	Level, Line int
}

// Problem is something the reading met at a line of the guide: a fact a
// rule may report.
type Problem struct {
	Kind    string // one of the Problem* kinds
	Line    int    // 0 when it concerns the whole guide
	Message string // one line
	Method  string // the label of the method being read (Method.Label), if any
}

// Kinds of Problem; each is the name of the rule that reports it.
const (
	ProblemUnread       = "unread"        // a part of the guide the reader could not read
	ProblemBlockSyntax  = "block-syntax"  // a code block (or the front matter) that does not parse
	ProblemDuplicateVar = "duplicate-var" // a variable set twice in one block
	ProblemSitevar      = "sitevar"       // one sitevar given two values
)

// Version is one tested product version.
type Version struct {
	Product, Version string
	Line             int
}

// Assumption is one "__Name:__ `value`" item of the Assumptions list.
type Assumption struct {
	Name, Value string
	Line        int
}

// Step is one numbered item under "### Application".
type Step struct {
	Number int      // the number as written in the source ("4." -> 4)
	Text   string   // plain text of the step's own paragraphs, markup flattened
	Code   []string // code spans in the step's own text, in order
	Line   int
	Items  []Item // nested bullet sub-items
}

// Item is a bullet sub-item of a step, usually "Label: value".
type Item struct {
	Text    string   // whole flattened text
	Label   string   // text before the first ": " ("" when there is none)
	Value   string   // text after it, code span contents without backticks
	Literal bool     // the value is a single code span, i.e. something to type
	Codes   []string // the value's code spans
	Line    int
}

// Error is a problem in a guide, located by file and line.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line <= 0 {
		return e.Path + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
}

// Section headings the guide must contain.
const (
	hVersions    = "Tested Versions"
	hAssumptions = "Assumptions"
	hAuthelia    = "Authelia"
	hApplication = "Application"
)

// Load reads and parses the guide at path.
func Load(path string) (*Guide, error) { return LoadWith(path, Options{}) }

// Parse parses guide source; path is used only in errors.
func Parse(path string, src []byte) (*Guide, error) { return ParseWith(path, src, Options{}) }

// ParseWith parses guide source with options; path is used only in errors.
// Hugo shortcodes are read as the docs site renders them: each sitevar is
// replaced by its value (its nojs value unless o overrides it) on its own
// line, so every line number stays the source's; other shortcodes stay in
// the text.
func ParseWith(path string, src []byte, o Options) (*Guide, error) {
	p := &parser{g: &Guide{Path: path}}
	if err := p.parse(src, o); err != nil {
		return nil, err
	}
	return p.g, nil
}

// parse reads the whole guide. Strict (the suite's reading), the first
// problem ends it; lenient (the checker's), each problem is a Problem of the
// guide and the reading goes on with what is there.
func (p *parser) parse(src []byte, o Options) error {
	body, fm, err := p.splitFrontMatter(src)
	if err != nil {
		if err := p.report(ProblemUnread, err); err != nil {
			return err
		}
		body = src
	}
	if err := p.frontMatter(fm); err != nil {
		return err
	}
	if body, err = p.renderShortcodes(body, o); err != nil {
		return err
	}
	if p.lenient {
		body = closeUnclosedFences(body)
	}
	p.src = body
	p.lineStarts = LineStarts(body)
	p.doc = goldmark.New().Parser().Parse(text.NewReader(body))
	for _, f := range []func() error{p.versions, p.assumptions, p.clientYAML, p.application} {
		if err := f(); err != nil {
			return err
		}
	}
	for _, err := range p.sitevarConflicts {
		p.g.Problems = append(p.g.Problems, Problem{Kind: ProblemSitevar, Line: err.Line, Message: err.Msg})
	}
	return nil
}

type parser struct {
	g          *Guide
	src        []byte
	lineStarts []int
	doc        ast.Node
	fmLine     int // line of the opening "---", 0 when there is no front matter

	sitevarConflicts []*Error

	lenient bool   // the checker's reading: problems are facts, not the end
	method  string // the label of the method being read, for problems
}

// report is a problem met while reading. Strict, it is the error that ends
// the reading; lenient, it becomes a Problem of the guide and the reading
// goes on.
func (p *parser) report(kind string, err error) error {
	if !p.lenient {
		return err
	}
	pr := Problem{Kind: kind, Message: err.Error(), Method: p.method}
	if e, ok := err.(*Error); ok {
		pr.Line, pr.Message = e.Line, e.Msg
	}
	p.g.Problems = append(p.g.Problems, pr)
	return nil
}

// unreadErr is unread for an error of any type.
func (p *parser) unreadErr(err error) error { return p.report(ProblemUnread, err) }

// unread is what the reader cannot read: lenient, the reading goes on.
func (p *parser) unread(err *Error) error { return p.report(ProblemUnread, err) }

func (p *parser) errorf(line int, format string, args ...any) *Error {
	return &Error{Path: p.g.Path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// splitFrontMatter blanks the Hugo front matter out of src, keeping every
// byte offset (and so every line number) the same, and returns its YAML.
func (p *parser) splitFrontMatter(src []byte) (body, fm []byte, err error) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return src, nil, nil
	}
	p.fmLine = 1
	start := bytes.IndexByte(src, '\n') + 1
	for off := start; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
		}
		if strings.TrimRight(string(src[off:next]), "\r\n") == "---" {
			body = bytes.Clone(src)
			for i := 0; i < next; i++ {
				if body[i] != '\n' {
					body[i] = ' '
				}
			}
			return body, src[start:off], nil
		}
		off = next
	}
	return nil, nil, &Error{Path: p.g.Path, Line: 1, Msg: `front matter opened with "---" is never closed`}
}

func (p *parser) frontMatter(fm []byte) error {
	if fm == nil {
		return nil
	}
	var meta struct {
		Title string `yaml:"title"`
	}
	if err := yaml.Unmarshal(fm, &meta); err != nil {
		// Front matter YAML starts on line 2 of the file.
		line, msg := p.translateYAMLError(err, 2)
		return p.report(ProblemBlockSyntax, p.errorf(line, "invalid front matter: %s", msg))
	}
	p.g.Title = meta.Title
	return nil
}

// LineStarts returns the byte offset of the start of each line.
func LineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line converts a byte offset into a 1-based line number.
func (p *parser) line(off int) int {
	if off < 0 {
		return 0
	}
	return sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > off })
}

// nodeLine is the line where a block node starts.
func (p *parser) nodeLine(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return p.line(pos)
	}
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return p.line(l.At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			if line := p.nodeLine(c); line > 0 {
				return line
			}
		}
	}
	return 0
}

// section returns the top-level blocks between the heading with the given
// level and text and the next heading of the same or a higher level.
func (p *parser) section(level int, title string) (heading *ast.Heading, blocks []ast.Node) {
	for n := p.doc.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level != level || p.flatten(h).text != title {
			continue
		}
		for b := h.NextSibling(); b != nil; b = b.NextSibling() {
			if bh, ok := b.(*ast.Heading); ok && bh.Level <= level {
				break
			}
			blocks = append(blocks, b)
		}
		return h, blocks
	}
	return nil, nil
}

func headingText(level int, title string) string {
	return strings.Repeat("#", level) + " " + title
}

// requireSection finds a section or reports it missing. Lenient, a heading
// of any level with the title (any case) will do.
func (p *parser) requireSection(level int, title string) (*ast.Heading, []ast.Node, error) {
	h, blocks := p.section(level, title)
	if h == nil && p.lenient {
		for n := p.doc.FirstChild(); n != nil && h == nil; n = n.NextSibling() {
			if hh, ok := n.(*ast.Heading); ok && strings.EqualFold(p.flatten(hh).text, title) {
				h, blocks = p.section(hh.Level, p.flatten(hh).text)
			}
		}
	}
	if h == nil {
		return nil, nil, p.errorf(0, "missing section %q", headingText(level, title))
	}
	return h, blocks, nil
}

// ownBlocks cuts a section's blocks at the first sub-heading, so a shortcode
// paragraph or a sub-section between headings never lends the section a list.
func ownBlocks(blocks []ast.Node) []ast.Node {
	for i, b := range blocks {
		if _, ok := b.(*ast.Heading); ok {
			return blocks[:i]
		}
	}
	return blocks
}

func firstList(blocks []ast.Node, ordered bool) *ast.List {
	for _, b := range blocks {
		if l, ok := b.(*ast.List); ok && l.IsOrdered() == ordered {
			return l
		}
	}
	return nil
}

// piece is a run of flattened inline text; code marks a code span.
type piece struct {
	s    string
	code bool
}

type flat struct {
	text   string
	pieces []piece
}

func (f flat) codes() []string {
	var out []string
	for _, pc := range f.pieces {
		if pc.code {
			out = append(out, pc.s)
		}
	}
	return out
}

// flatten turns the inline content of n (and of any non-list block children,
// so a list item's own paragraphs) into plain text and pieces.
func (p *parser) flatten(n ast.Node) flat {
	var pieces []piece
	add := func(s string, code bool) {
		if !code && len(pieces) > 0 && !pieces[len(pieces)-1].code {
			pieces[len(pieces)-1].s += s
			return
		}
		pieces = append(pieces, piece{s, code})
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				// Sub-items are not part of the item's own text.
			case *ast.Text:
				add(string(c.Value(p.src)), false)
				if c.SoftLineBreak() || c.HardLineBreak() {
					add(" ", false)
				}
			case *ast.String:
				add(string(c.Value), false)
			case *ast.CodeSpan:
				add(p.codeSpan(c), true)
			case *ast.AutoLink:
				add(string(c.URL(p.src)), false)
			case *ast.RawHTML:
				// Markup only.
			default:
				if c.Type() == ast.TypeBlock && len(pieces) > 0 {
					add(" ", false) // separate paragraphs of a loose item
				}
				walk(c)
			}
		}
	}
	walk(n)
	var sb strings.Builder
	for _, pc := range pieces {
		sb.WriteString(pc.s)
	}
	return flat{text: collapse(sb.String()), pieces: pieces}
}

func (p *parser) codeSpan(c *ast.CodeSpan) string {
	var sb strings.Builder
	for t := c.FirstChild(); t != nil; t = t.NextSibling() {
		switch t := t.(type) {
		case *ast.Text:
			sb.Write(t.Value(p.src))
		case *ast.String:
			sb.Write(t.Value)
		}
	}
	return sb.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func (p *parser) versions() error {
	h, blocks, err := p.requireSection(2, hVersions)
	if err != nil {
		return p.unread(err.(*Error))
	}
	p.g.versionsLine = p.nodeLine(h)
	list := firstList(ownBlocks(blocks), false)
	if list == nil {
		return p.unread(p.errorf(p.g.versionsLine, "section %q has no bullet list of products", headingText(2, hVersions)))
	}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		product := p.flatten(item).text
		var found bool
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			sub, ok := c.(*ast.List)
			if !ok {
				continue
			}
			for v := sub.FirstChild(); v != nil; v = v.NextSibling() {
				ver := p.flatten(v).text
				if ver == "" {
					if err := p.unread(p.errorf(p.nodeLine(v), "empty version for %q", product)); err != nil {
						return err
					}
					continue
				}
				p.g.TestedVersions = append(p.g.TestedVersions, Version{Product: product, Version: ver, Line: p.nodeLine(v)})
				found = true
			}
		}
		if !found && p.lenient {
			// "Product v1.2" on one line, or a product without a version.
			name, ver := product, ""
			if i := strings.LastIndexByte(product, ' '); i > 0 && versionLike(product[i+1:]) {
				name, ver = product[:i], product[i+1:]
			}
			p.g.TestedVersions = append(p.g.TestedVersions, Version{Product: name, Version: ver, Line: p.nodeLine(item)})
		} else if !found {
			return p.errorf(p.nodeLine(item), "tested product %q has no nested version item", product)
		}
	}
	return nil
}

func (p *parser) assumptions() error {
	h, blocks, err := p.requireSection(3, hAssumptions)
	if err != nil {
		return p.unread(err.(*Error))
	}
	p.g.assumptionsLine = p.nodeLine(h)
	list := firstList(ownBlocks(blocks), false)
	if list == nil {
		return p.unread(p.errorf(p.g.assumptionsLine, "section %q has no bullet list", headingText(3, hAssumptions)))
	}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		line := p.nodeLine(item)
		name, value, ok := p.assumption(item)
		if !ok {
			if err := p.unread(p.errorf(line, "assumption is not of the form \"__Name:__ `value`\": %q", p.flatten(item).text)); err != nil {
				return err
			}
			continue
		}
		if value == "" {
			if err := p.unread(p.errorf(line, "assumption %q has no value", name)); err != nil {
				return err
			}
			continue
		}
		if err := p.checkValue(value, line); err != nil {
			return err
		}
		p.g.Assumptions = append(p.g.Assumptions, Assumption{Name: name, Value: value, Line: line})
	}
	return nil
}

// assumption splits "__Name:__ `value`": the name is the bold text (the colon
// may sit inside or just after it), the value is everything after it.
func (p *parser) assumption(item ast.Node) (name, value string, ok bool) {
	para := item.FirstChild()
	if para == nil {
		return "", "", false
	}
	em, isEm := para.FirstChild().(*ast.Emphasis)
	if !isEm || em.Level != 2 {
		return "", "", false
	}
	name = p.flatten(em).text
	var rest []piece
	for c := em.NextSibling(); c != nil; c = c.NextSibling() {
		rest = append(rest, p.inlinePieces(c)...)
	}
	var sb strings.Builder
	for _, pc := range rest {
		sb.WriteString(pc.s)
	}
	value = collapse(sb.String())
	if !strings.HasSuffix(name, ":") {
		if !strings.HasPrefix(value, ":") {
			return "", "", false
		}
		value = strings.TrimSpace(strings.TrimPrefix(value, ":"))
	}
	name = strings.TrimSpace(strings.TrimSuffix(name, ":"))
	return name, value, name != ""
}

// inlinePieces flattens one inline node (flatten does a node's children).
func (p *parser) inlinePieces(n ast.Node) []piece {
	switch n := n.(type) {
	case *ast.Text:
		s := string(n.Value(p.src))
		if n.SoftLineBreak() || n.HardLineBreak() {
			s += " "
		}
		return []piece{{s: s}}
	case *ast.String:
		return []piece{{s: string(n.Value)}}
	case *ast.CodeSpan:
		return []piece{{s: p.codeSpan(n), code: true}}
	}
	return p.flatten(n).pieces
}

var yamlLineRe = regexp.MustCompile(`\bline (\d+)\b`)

// translateYAMLError rewrites yaml.v3's block-relative line numbers into guide
// lines (first is the guide line of YAML line 1) and returns the first one.
func (p *parser) translateYAMLError(err error, first int) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	msg = yamlLineRe.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(yamlLineRe.FindStringSubmatch(m)[1])
		gl := first + n - 1
		if line == 0 {
			line = gl
		}
		return "line " + strconv.Itoa(gl)
	})
	// yaml.TypeError lists one error per line; keep the message on one line.
	msg = strings.ReplaceAll(strings.TrimPrefix(msg, "unmarshal errors:\n  "), "\n  ", "; ")
	// The line is already in the "path:line:" prefix; drop the duplicate.
	msg = strings.TrimPrefix(msg, "line "+strconv.Itoa(line)+": ")
	return line, msg
}

// badYAMLLine finds the line a syntax error is really on. yaml.v3 reports the
// line of the enclosing block (libyaml's context mark), e.g. "clients:" for a
// mis-indented key deep inside it. A truncated block is still valid YAML, so
// the first prefix from that line on that fails to parse ends at the bad line.
// Returns 0 when no prefix fails for a reason other than being cut short.
func badYAMLLine(src string, from int) int {
	lines := strings.SplitAfter(src, "\n")
	for k := max(from, 1); k <= len(lines); k++ {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &n)
		if err != nil && !strings.Contains(err.Error(), "unexpected end of stream") {
			return k
		}
	}
	return 0
}

// yamlError locates an error of the YAML src, whose first line is the guide's
// line first, at the line really at fault.
func (p *parser) yamlError(err error, src string, first int) (int, string) {
	line, msg := p.translateYAMLError(err, first)
	if line == 0 {
		line = first
	}
	if _, typeErr := err.(*yaml.TypeError); !typeErr {
		if bad := badYAMLLine(src, line-first+1); bad > 0 && first+bad-1 != line {
			msg += fmt.Sprintf(" (in the block starting at line %d)", line)
			line = first + bad - 1
		}
	}
	return line, msg
}

func (p *parser) clientYAML() error {
	h, blocks, err := p.requireSection(3, hAuthelia)
	if err != nil && !p.lenient {
		return err
	}
	var block *Block
	for _, b := range blocks {
		if fb, ok := b.(*ast.FencedCodeBlock); ok {
			if blk := p.block(fb); blk.Lang == "yaml" || blk.Lang == "yml" {
				block = &blk
				break
			}
		}
	}
	if p.lenient && (block == nil || !strings.Contains(block.Text, "identity_providers:")) {
		// The client may stand under another heading ("### Linkding").
		block = p.autheliaBlock()
	}
	if block == nil && h == nil {
		return p.unread(p.errorf(0, "no Authelia client configuration: no section %q, no YAML block with identity_providers", headingText(3, hAuthelia)))
	}
	if block == nil {
		return p.unread(p.errorf(p.nodeLine(h), "section %q has no ```yaml code block", headingText(3, hAuthelia)))
	}
	p.g.ClientYAML = block.Text
	p.g.ClientYAMLLine = block.Line
	for i, l := range strings.SplitAfter(block.Text, "\n") {
		if err := p.checkValue(l, block.Line+i); err != nil {
			return err
		}
	}
	first := p.g.ClientYAMLLine

	var doc struct {
		IdentityProviders struct {
			OIDC struct {
				Clients []map[string]any `yaml:"clients"`
			} `yaml:"oidc"`
		} `yaml:"identity_providers"`
	}
	if err := yaml.Unmarshal([]byte(p.g.ClientYAML), &doc); err != nil {
		line, msg := p.yamlError(err, p.g.ClientYAML, first)
		if err := p.report(ProblemBlockSyntax, p.errorf(line, "invalid YAML in the %q block: %s", headingText(3, hAuthelia), msg)); err != nil {
			return err
		}
	}
	p.g.Clients = doc.IdentityProviders.OIDC.Clients
	if len(p.g.Clients) == 0 {
		return p.unread(p.errorf(first, "the %q YAML block has no identity_providers.oidc.clients", headingText(3, hAuthelia)))
	}
	return nil
}

// autheliaBlock is the first YAML block of the guide that configures
// Authelia's identity_providers, wherever it stands.
func (p *parser) autheliaBlock() *Block {
	var found *Block
	_ = ast.Walk(p.doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fb, ok := n.(*ast.FencedCodeBlock)
		if !entering || !ok || found != nil {
			return ast.WalkContinue, nil
		}
		if b := p.block(fb); (b.Lang == "yaml" || b.Lang == "yml") && strings.Contains(b.Text, "identity_providers:") {
			found = &b
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return found
}

// versionLike: "v4.39.1", "4.39", "2024.1".
func versionLike(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "v"), "V")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

func (p *parser) step(item ast.Node) (Step, error) {
	line := p.nodeLine(item)
	num, ok := p.writtenNumber(item)
	if !ok {
		return Step{}, p.errorf(line, "cannot read the step number written in the source")
	}
	f := p.flatten(item)
	st := Step{Number: num, Text: f.text, Code: f.codes(), Line: line}
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		sub, ok := c.(*ast.List)
		if !ok {
			continue
		}
		for si := sub.FirstChild(); si != nil; si = si.NextSibling() {
			st.Items = append(st.Items, p.item(si))
			if p.lenient {
				st.Items = append(st.Items, p.nestedItems(si)...)
			}
		}
	}
	labelled := 0
	for _, it := range st.Items {
		if it.Label != "" {
			labelled++
		}
	}
	// Mostly "Label: value" means a form to fill in: every item must be one.
	form := labelled*2 > len(st.Items)
	for _, it := range st.Items {
		switch {
		case p.lenient:
			// The checker reads the items as they are.
		case it.Label != "" && it.Value == "":
			return st, p.errorf(it.Line, "sub-item of step %d has no value: %q", num, it.Text)
		case form && it.Label == "":
			return st, p.errorf(it.Line, "sub-item of step %d is not in \"Label: value\" form like %d of its %d items: %q", num, labelled, len(st.Items), it.Text)
		}
	}
	return st, nil
}

// writtenNumber reads the list marker number at the start of the item's line.
func (p *parser) writtenNumber(item ast.Node) (int, bool) {
	line := p.nodeLine(item)
	if line <= 0 {
		return 0, false
	}
	s := p.src[p.lineStarts[line-1]:]
	s = bytes.TrimLeft(s, " \t")
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(string(s[:i]))
	return n, err == nil
}

// item splits a sub-item at the first ": " outside code spans, so a colon in
// a URL value never becomes the label separator.
func (p *parser) item(n ast.Node) Item {
	f := p.flatten(n)
	it := Item{Text: f.text, Line: p.nodeLine(n)}
	for i, pc := range f.pieces {
		if pc.code {
			continue
		}
		idx := strings.Index(pc.s, ": ")
		if t := strings.TrimRight(pc.s, " "); idx < 0 && strings.HasSuffix(t, ":") {
			idx = len(t) - 1 // "Name:" at the end, or "Name:`x`"
		}
		if idx < 0 {
			continue
		}
		var label strings.Builder
		for _, b := range f.pieces[:i] {
			label.WriteString(b.s)
		}
		label.WriteString(pc.s[:idx])
		it.Label = collapse(label.String())
		rest := append([]piece{{s: pc.s[idx+1:]}}, f.pieces[i+1:]...)
		var value strings.Builder
		var codes, prose int
		var code string
		for _, r := range rest {
			value.WriteString(r.s)
			switch {
			case r.code:
				codes++
				code = r.s
				it.Codes = append(it.Codes, r.s)
			case strings.Trim(r.s, " .,;") != "":
				prose++
			}
		}
		it.Value = collapse(value.String())
		it.Literal = codes == 1 && prose == 0
		if it.Literal {
			it.Value = code // the period after the code span is the sentence's
		}
		if it.Label == "" { // ": x" is not a label
			it.Value, it.Literal = "", false
		}
		return it
	}
	return it
}

// Where formats a guide location for messages.
func (g *Guide) Where(line int) string {
	return fmt.Sprintf("%s:%d", g.Path, line)
}

func (g *Guide) errorf(line int, format string, args ...any) *Error {
	return &Error{Path: g.Path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Assumption returns the assumption with the given name.
func (g *Guide) Assumption(name string) (Assumption, error) {
	var names []string
	for _, a := range g.Assumptions {
		if a.Name == name {
			return a, nil
		}
		names = append(names, strconv.Quote(a.Name))
	}
	return Assumption{}, g.errorf(g.assumptionsLine, "no assumption %q in %q; it has: %s",
		name, headingText(3, hAssumptions), strings.Join(names, ", "))
}

// Step returns step n (1-based, as numbered in the guide).
func (g *Guide) Step(n int) (Step, error) {
	if n >= 1 && n <= len(g.Steps) {
		return g.Steps[n-1], nil
	}
	if len(g.Steps) == 0 {
		return Step{}, g.errorf(g.stepsLine, "no step %d: %q has no numbered steps", n, g.stepsHeading)
	}
	return Step{}, g.errorf(g.stepsLine, "no step %d: %q has steps 1..%d", n, g.stepsHeading, len(g.Steps))
}

// Client returns the client whose client_id is id.
func (g *Guide) Client(id string) (map[string]any, error) {
	var ids []string
	for _, c := range g.Clients {
		cid := fmt.Sprint(c["client_id"])
		if cid == id {
			return c, nil
		}
		ids = append(ids, strconv.Quote(cid))
	}
	return nil, g.errorf(g.ClientYAMLLine, "no client with client_id %q in the %q YAML; client_ids: %s",
		id, headingText(3, hAuthelia), strings.Join(ids, ", "))
}

// Item returns the sub-item with the given label.
func (s Step) Item(label string) (Item, bool) {
	for _, it := range s.Items {
		if it.Label == label {
			return it, true
		}
	}
	return Item{}, false
}

// ApplicationRootURL is the "Application Root URL" assumption, parsed.
func (g *Guide) ApplicationRootURL() (*url.URL, Assumption, error) {
	return g.rootURL("Application Root URL")
}

// AutheliaRootURL is the "Authelia Root URL" assumption, parsed.
func (g *Guide) AutheliaRootURL() (*url.URL, Assumption, error) {
	return g.rootURL("Authelia Root URL")
}

func (g *Guide) rootURL(name string) (*url.URL, Assumption, error) {
	a, err := g.Assumption(name)
	if err != nil {
		return nil, a, err
	}
	u, err := url.Parse(a.Value)
	if err != nil {
		return nil, a, g.errorf(a.Line, "assumption %q: %v", name, err)
	}
	if u.Scheme == "" || u.Host == "" {
		return nil, a, g.errorf(a.Line, "assumption %q is not an absolute URL: %q", name, a.Value)
	}
	return u, a, nil
}

// Version returns the tested version of product (matched case-insensitively,
// the first one when several are listed).
func (g *Guide) Version(product string) (Version, error) {
	var names []string
	for _, v := range g.TestedVersions {
		if strings.EqualFold(v.Product, product) {
			return v, nil
		}
		names = append(names, strconv.Quote(v.Product))
	}
	return Version{}, g.errorf(g.versionsLine, "no tested version for %q in %q; it lists: %s",
		product, headingText(2, hVersions), strings.Join(names, ", "))
}

// AssumptionsLine is the line of the Assumptions heading; 0 when there is none.
func (g *Guide) AssumptionsLine() int { return g.assumptionsLine }
