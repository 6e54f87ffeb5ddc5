package guide

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"gopkg.in/yaml.v3"
)

// Block is a fenced code block.
type Block struct {
	Heading string // the innermost heading it stands under, as written (only in Guide.Blocks)
	Lang    string // first word of the info string: "yaml" for ```yaml {title="configuration.yml"}
	Title   string // the title attribute, "" when there is none
	Text    string // the content lines, as in the file (sitevars rendered)
	Line    int    // first content line
}

// FirstWords is the block's first line that says something (not a lone
// brace or bracket), trimmed, and its line: what an error about the whole
// block quotes.
func (b Block) FirstWords() (int, string) {
	for i, l := range strings.Split(b.Text, "\n") {
		if strings.IndexFunc(l, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return b.Line + i, strings.TrimSpace(l)
		}
	}
	return b.Line, ""
}

// MethodKind says how a configuration method is written.
type MethodKind int

const (
	MethodEnv     MethodKind = iota + 1 // a .env / shell block of KEY=VALUE lines
	MethodCompose                       // a Docker Compose YAML block: services.<svc>.environment
	MethodSteps                         // a numbered list of steps
	MethodFile                          // the application's configuration file (JSON or YAML)
)

func (k MethodKind) String() string {
	switch k {
	case MethodEnv:
		return "env"
	case MethodCompose:
		return "compose"
	case MethodSteps:
		return "steps"
	case MethodFile:
		return "file"
	}
	return "MethodKind(" + strconv.Itoa(int(k)) + ")"
}

// Method is one way the "### Application" section offers to configure the
// application.
type Method struct {
	Name    string // the method's heading: "Environment Variables", "Web GUI"; "" when the Application section has no sub-headings
	Variant string // the sub-heading holding the block: "Standard", "Docker Compose"; "" for none
	Line    int    // line of the innermost heading (or of the Application heading)
	Kind    MethodKind
	Vars    []Var  // MethodEnv, MethodCompose: in block order; MethodFile: every scalar, named by its dotted key path
	Service string // MethodCompose: the service name
	Block   Block  // MethodEnv, MethodCompose, MethodFile: the code block it came from
	Steps   []Step // MethodSteps

	heading string // the innermost heading as written, for messages
}

// Var is one environment variable a method sets.
type Var struct {
	Name, Value string
	Line        int
}

// Label names the method: "Environment Variables (Standard)", "Web GUI";
// "Application" when the section has no sub-headings.
func (m Method) Label() string {
	base := m.Name
	if base == "" {
		base = hApplication
	}
	if m.Variant != "" {
		return base + " (" + m.Variant + ")"
	}
	return base
}

// Var returns the variable with the given name.
func (m Method) Var(name string) (Var, bool) {
	for _, v := range m.Vars {
		if v.Name == name {
			return v, true
		}
	}
	return Var{}, false
}

// Form returns the method's step whose sub-items are "Label: value" form
// entries (the one with the most entries when several are).
func (m Method) Form() (Step, bool) { return formOf(m.Steps) }

// Form returns the step of Steps whose sub-items are "Label: value" form
// entries (the one with the most entries when several are).
func (g *Guide) Form() (Step, bool) { return formOf(g.Steps) }

func formOf(steps []Step) (Step, bool) {
	best := -1
	for i, s := range steps {
		if len(s.Items) == 0 {
			continue
		}
		form := true
		for _, it := range s.Items {
			if it.Label == "" {
				form = false
				break
			}
		}
		if form && (best < 0 || len(s.Items) > len(steps[best].Items)) {
			best = i
		}
	}
	if best < 0 {
		return Step{}, false
	}
	return steps[best], true
}

// Method returns the method with the given label (see Method.Label).
func (g *Guide) Method(label string) (Method, error) {
	var labels []string
	for _, m := range g.Methods {
		if m.Label() == label {
			return m, nil
		}
		labels = append(labels, strconv.Quote(m.Label()))
	}
	return Method{}, g.errorf(g.ApplicationLine, "no configuration method %q in %q; it has: %s",
		label, headingText(3, hApplication), strings.Join(labels, ", "))
}

// block reads a fenced code block and its info string.
func (p *parser) block(fb *ast.FencedCodeBlock) Block {
	var info string
	if fb.Info != nil {
		seg := fb.Info.Segment
		info = string(seg.Value(p.src))
	}
	lang, attrs := parseInfo(info)
	b := Block{Lang: lang, Title: attrs["title"], Line: p.nodeLine(fb) + 1}
	var sb strings.Builder
	lines := fb.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		sb.Write(seg.Value(p.src))
	}
	if lines.Len() > 0 {
		b.Line = p.line(lines.At(0).Start)
	}
	b.Text = sb.String()
	return b
}

// parseInfo splits a fence info string such as `yaml {title="x.yml" linenos=true}`
// into the language and the attributes.
func parseInfo(info string) (lang string, attrs map[string]string) {
	info = strings.TrimSpace(info)
	end := strings.IndexAny(info, " \t{")
	if end < 0 {
		return info, nil
	}
	lang, rest := info[:end], strings.TrimSpace(info[end:])
	if !strings.HasPrefix(rest, "{") {
		return lang, nil
	}
	rest = strings.TrimSuffix(strings.TrimPrefix(rest, "{"), "}")
	attrs = map[string]string{}
	for {
		rest = strings.TrimLeft(rest, " \t,")
		if rest == "" {
			return lang, attrs
		}
		eq := strings.IndexAny(rest, "= \t,")
		if eq < 0 || rest[eq] != '=' {
			// A bare word (a class, say): skip it.
			if eq < 0 {
				return lang, attrs
			}
			rest = rest[eq:]
			continue
		}
		key := rest[:eq]
		rest = rest[eq+1:]
		var value string
		switch {
		case strings.HasPrefix(rest, `"`) || strings.HasPrefix(rest, "`"):
			v, r, ok := shortcodeValue(rest)
			if !ok {
				return lang, attrs
			}
			value, rest = v, r
		case strings.HasPrefix(rest, "["):
			e := strings.IndexByte(rest, ']')
			if e < 0 {
				e = len(rest) - 1
			}
			value, rest = rest[:e+1], rest[e+1:]
		default:
			e := strings.IndexAny(rest, " \t,")
			if e < 0 {
				e = len(rest)
			}
			value, rest = rest[:e], rest[e:]
		}
		attrs[key] = value
	}
}

// context is where a block stands within "### Application".
type context struct {
	name, variant, heading string
	line                   int
}

// application reads the configuration methods of "### Application".
func (p *parser) application() error {
	if p.lenient {
		return p.readApplication()
	}
	h, blocks, err := p.requireSection(3, hApplication)
	if err != nil {
		return err
	}
	p.g.ApplicationLine = p.nodeLine(h)
	p.g.stepsLine = p.g.ApplicationLine
	p.g.stepsHeading = headingText(3, hApplication)
	ctx := context{heading: headingText(3, hApplication), line: p.g.ApplicationLine}
	stepsTaken := false
	for _, b := range blocks {
		switch b := b.(type) {
		case *ast.Heading:
			t := p.flatten(b).text
			if b.Level <= 4 {
				ctx.name, ctx.variant = t, ""
			} else {
				ctx.variant = t
			}
			ctx.heading, ctx.line = headingText(b.Level, t), p.nodeLine(b)
			stepsTaken = false
		case *ast.FencedCodeBlock:
			ms, err := p.blockMethods(p.block(b), ctx)
			if err != nil {
				return err
			}
			p.g.Methods = append(p.g.Methods, ms...)
			headed := p.block(b)
			headed.Heading = ctx.heading
			p.g.Blocks = append(p.g.Blocks, headed)
		case *ast.List:
			// The first numbered list under a heading is its steps.
			if !b.IsOrdered() || stepsTaken {
				continue
			}
			stepsTaken = true
			steps, err := p.stepList(b)
			if err != nil {
				return err
			}
			p.g.Methods = append(p.g.Methods, Method{Name: ctx.name, Variant: ctx.variant, Line: ctx.line,
				Kind: MethodSteps, Steps: steps, heading: ctx.heading})
		}
	}
	if len(p.g.Methods) == 0 {
		return p.errorf(p.g.ApplicationLine, "section %q has no numbered list of steps, nor a .env, Docker Compose or configuration file block",
			headingText(3, hApplication))
	}
	for _, m := range p.g.Methods {
		if m.Kind == MethodSteps {
			p.g.Steps, p.g.stepsLine, p.g.stepsHeading = m.Steps, m.Line, m.heading
			break
		}
	}
	return nil
}

// blockMethods turns a code block into methods: a .env block into one, a
// compose block into one per service with an environment, anything else into
// none.
func (p *parser) blockMethods(b Block, ctx context) ([]Method, error) {
	lang := strings.ToLower(b.Lang)
	switch {
	case strings.HasSuffix(b.Title, ".env") || lang == "env" || lang == "dotenv":
		vars, err := p.envVars(b, true)
		if err != nil || len(vars) == 0 {
			return nil, err
		}
		return []Method{p.envMethod(b, ctx, vars)}, nil
	case lang == "shell" || lang == "sh" || lang == "bash":
		vars, err := p.envVars(b, false)
		if err == nil && len(vars) == 0 && p.lenient && strings.Contains(b.Text, ": ") {
			// YAML fenced as shell (GoToSocial's configuration file).
			if ms, _ := p.quietFileMethod(b, ctx); len(ms) > 0 {
				return ms, nil
			}
		}
		if err != nil || len(vars) == 0 {
			return nil, err
		}
		return []Method{p.envMethod(b, ctx, vars)}, nil
	case lang == "yaml" || lang == "yml":
		ms, err := p.composeMethods(b, ctx)
		if err != nil || len(ms) > 0 {
			return ms, err
		}
		return p.fileMethod(b, ctx)
	case lang == "json":
		return p.fileMethod(b, ctx)
	case isJSFragment(b):
		return p.jsMethod(b, ctx), nil
	case p.lenient && (lang == "toml" || lang == "ini"):
		return p.iniMethod(b, ctx), nil
	}
	return nil, nil
}

// fileMethod reads a configuration file block (JSON or YAML) as one method
// whose Vars are its scalars, named by dotted key paths ("oidc.client_id");
// a list of scalars is one Var, its items joined with commas.
func (p *parser) fileMethod(b Block, ctx context) ([]Method, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.Text), &doc); err != nil {
		if err := p.checkValue(b.Text, b.Line); err != nil {
			return nil, err
		}
		line, msg := p.yamlError(err, b.Text, b.Line)
		return nil, p.report(ProblemBlockSyntax, p.errorf(line, "the %s block does not parse: %s", blockName(b), msg))
	}
	if len(doc.Content) == 0 || ResolveAlias(doc.Content[0]).Kind != yaml.MappingNode {
		return nil, nil
	}
	m := Method{Name: ctx.name, Variant: ctx.variant, Line: ctx.line, Kind: MethodFile, Block: b, heading: ctx.heading}
	visit := func(path, value string, n *yaml.Node) error {
		line := b.Line + n.Line - 1
		if err := p.checkValue(value, line); err != nil {
			return err
		}
		if inner, ok := embeddedYAML(n); ok && p.lenient {
			// Argo CD's "oidc.config: |": YAML held in a string.
			for _, v := range inner {
				m.Vars = append(m.Vars, Var{Name: path + "." + v.Name, Value: v.Value, Line: line + v.Line})
			}
			return nil
		}
		m.Vars = append(m.Vars, Var{Name: path, Value: value, Line: line})
		return nil
	}
	if err := yamlScalars(doc.Content[0], "", visit); err != nil {
		return nil, err
	}
	return []Method{m}, nil
}

// quietFileMethod is fileMethod for a block that may not be YAML at all:
// one that does not parse is no Problem.
func (p *parser) quietFileMethod(b Block, ctx context) ([]Method, error) {
	var probe yaml.Node
	if yaml.Unmarshal([]byte(b.Text), &probe) != nil {
		return nil, nil
	}
	return p.fileMethod(b, ctx)
}

func (p *parser) envMethod(b Block, ctx context, vars []Var) Method {
	return Method{Name: ctx.name, Variant: ctx.variant, Line: ctx.line, Kind: MethodEnv, Vars: vars, Block: b, heading: ctx.heading}
}

// EnvLine is a KEY=VALUE line of an environment block (export allowed).
var EnvLine = regexp.MustCompile(`^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$`)

// envVars reads KEY=VALUE lines. With strict, a line that is none is an
// error; without, it makes the block no .env block (nil, nil).
func (p *parser) envVars(b Block, strict bool) ([]Var, error) {
	lines := strings.Split(strings.TrimSuffix(b.Text, "\n"), "\n")
	for i, line := range lines {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") || EnvLine.MatchString(t) {
			continue
		}
		if !strict {
			return nil, nil
		}
		if err := p.unread(p.errorf(b.Line+i, "line of the %s block is not KEY=VALUE: %q", blockName(b), line)); err != nil {
			return nil, err
		}
	}
	var vars []Var
	seen := map[string]int{}
	for i, line := range lines {
		n := b.Line + i
		m := EnvLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue // blank or a comment
		}
		value := strings.TrimSpace(m[2])
		if len(value) >= 2 && (value[0] == '"' || value[0] == '\'') && value[len(value)-1] == value[0] {
			value = value[1 : len(value)-1]
		} else if i := strings.Index(value, " #"); i >= 0 && p.lenient {
			value = strings.TrimSpace(value[:i]) // a comment after an unquoted value
		}
		if prev, dup := seen[m[1]]; dup {
			if err := p.report(ProblemDuplicateVar, p.errorf(n, "%s is set twice in the %s block: line %d and line %d", m[1], blockName(b), prev, n)); err != nil {
				return nil, err
			}
			continue
		}
		seen[m[1]] = n
		if err := p.checkValue(value, n); err != nil {
			return nil, err
		}
		vars = append(vars, Var{Name: m[1], Value: value, Line: n})
	}
	return vars, nil
}

func blockName(b Block) string {
	if b.Title != "" {
		return b.Title
	}
	return "```" + b.Lang
}

// composeMethods reads services.<svc>.environment of a YAML block.
func (p *parser) composeMethods(b Block, ctx context) ([]Method, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.Text), &doc); err != nil {
		if !strings.Contains(strings.ToLower(b.Title), "compose") && !strings.HasPrefix(b.Text, "services:") &&
			!strings.Contains(b.Text, "\nservices:") {
			return nil, nil // some other YAML the reader does not use
		}
		if err := p.checkValue(b.Text, b.Line); err != nil {
			return nil, err
		}
		line, msg := p.yamlError(err, b.Text, b.Line)
		return nil, p.report(ProblemBlockSyntax, p.errorf(line, "invalid YAML in the %s block: %s", blockName(b), msg))
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	services := MapValue(doc.Content[0], "services")
	if services == nil && p.lenient && len(doc.Content[0].Content) == 2 && doc.Content[0].Content[0].Value == "environment" {
		// A service's environment: alone, without services.<svc> around it
		// (MinIO's, titled configuration.yml): still the variables the
		// application reads.
		m, ok, err := p.composeEnv(b, ctx, "", ResolveAlias(doc.Content[0].Content[1]))
		if err != nil || !ok {
			return nil, err
		}
		return []Method{m}, nil
	}
	if services == nil || services.Kind != yaml.MappingNode {
		return nil, nil
	}
	var methods []Method
	for i := 0; i+1 < len(services.Content); i += 2 {
		name, svc := services.Content[i].Value, ResolveAlias(services.Content[i+1])
		if svc.Kind != yaml.MappingNode {
			continue
		}
		env := MapValue(svc, "environment")
		if env == nil {
			continue
		}
		m, ok, err := p.composeEnv(b, ctx, name, env)
		if err != nil {
			return nil, err
		}
		if ok {
			methods = append(methods, m)
		}
	}
	return methods, nil
}

// composeEnv reads the environment of a compose service (name; "" for an
// environment: standing alone) as a method; not ok when Docker Compose
// refuses it.
func (p *parser) composeEnv(b Block, ctx context, name string, env *yaml.Node) (Method, bool, error) {
	at := func(n *yaml.Node) int { return b.Line + n.Line - 1 }
	m := Method{Name: ctx.name, Variant: ctx.variant, Line: ctx.line, Kind: MethodCompose, Service: name, Block: b, heading: ctx.heading}
	of := fmt.Sprintf(" of service %q", name)
	if name == "" {
		of = ""
	}
	seen := map[string]int{}
	addVar := func(v Var) error {
		if prev, dup := seen[v.Name]; dup {
			return p.report(ProblemDuplicateVar, p.errorf(v.Line, "%s is set twice in the environment%s: line %d and line %d", v.Name, of, prev, v.Line))
		}
		seen[v.Name] = v.Line
		if err := p.checkValue(v.Value, v.Line); err != nil {
			return err
		}
		m.Vars = append(m.Vars, v)
		return nil
	}
	switch env.Kind {
	case yaml.MappingNode:
		for j := 0; j+1 < len(env.Content); j += 2 {
			k, v := env.Content[j], ResolveAlias(env.Content[j+1])
			if k.Value == "<<" {
				continue // a merge key: not a variable
			}
			if v.Kind != yaml.ScalarNode {
				if err := p.unread(p.errorf(at(v), "environment variable %s%s is not a scalar", k.Value, of)); err != nil {
					return m, false, err
				}
				continue
			}
			value := v.Value
			if v.Tag == "!!null" {
				value = ""
			}
			if err := addVar(Var{Name: k.Value, Value: value, Line: at(k)}); err != nil {
				return m, false, err
			}
		}
	case yaml.SequenceNode:
		for _, it := range env.Content {
			it = ResolveAlias(it)
			if it.Kind != yaml.ScalarNode {
				if err := p.unread(p.errorf(at(it), "environment entry%s is not a \"KEY=VALUE\" string", of)); err != nil {
					return m, false, err
				}
				continue
			}
			k, v, _ := strings.Cut(it.Value, "=")
			if err := addVar(Var{Name: k, Value: v, Line: at(it)}); err != nil {
				return m, false, err
			}
		}
	default:
		// Docker Compose refuses it: a mistake of the guide, not the reader's.
		return m, false, p.report(ProblemBlockSyntax, p.errorf(at(env), "environment%s is neither a map nor a list: Docker Compose refuses it", of))
	}
	return m, true, nil
}

// yamlScalars calls visit for every scalar under n, named by its dotted key
// path; a list of scalars is one value, its items joined with commas (n is
// then the list); a list of anything else is walked item by item (path.0).
func yamlScalars(n *yaml.Node, path string, visit func(path, value string, n *yaml.Node) error) error {
	n = ResolveAlias(n)
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i].Value
			if path != "" {
				key = path + "." + key
			}
			if err := yamlScalars(n.Content[i+1], key, visit); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		var items []string
		for _, it := range n.Content {
			if it = ResolveAlias(it); it.Kind != yaml.ScalarNode {
				for j, it := range n.Content {
					if err := yamlScalars(it, path+"."+strconv.Itoa(j), visit); err != nil {
						return err
					}
				}
				return nil
			}
			items = append(items, it.Value)
		}
		return visit(path, strings.Join(items, ","), n)
	case yaml.ScalarNode:
		return visit(path, n.Value, n)
	}
	return nil
}

// ResolveAlias follows YAML aliases to the node they name.
func ResolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// MapValue is the value of key in a mapping node, nil when absent.
func MapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return ResolveAlias(m.Content[i+1])
		}
	}
	return nil
}

// stepList reads a numbered list of steps, checking the numbers as written.
func (p *parser) stepList(list *ast.List) ([]Step, error) {
	if p.lenient {
		return p.lenientSteps(list, nil), nil
	}
	var steps []Step
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		st, err := p.step(item)
		if err != nil {
			return nil, err
		}
		// goldmark renumbers items, so check the numbers as written.
		want := len(steps) + 1
		if st.Number != want {
			if want == 1 {
				return nil, p.errorf(st.Line, "steps must start at 1, the first is numbered %d", st.Number)
			}
			prev := steps[len(steps)-1]
			if st.Number > want {
				return nil, p.errorf(st.Line, "step %d is missing: step %d (line %d) is followed by step %d", want, prev.Number, prev.Line, st.Number)
			}
			return nil, p.errorf(st.Line, "steps must be numbered 1..n consecutively: step %d (line %d) is followed by step %d", prev.Number, prev.Line, st.Number)
		}
		for _, c := range st.Code {
			if err := p.checkValue(c, st.Line); err != nil {
				return nil, err
			}
		}
		for _, it := range st.Items {
			if err := p.checkValue(it.Value, it.Line); err != nil {
				return nil, err
			}
		}
		steps = append(steps, st)
	}
	return steps, nil
}

// ReadFileMethod reads a code block as a configuration file method (YAML or
// JSON) of a section with the given heading, as the reader reads one under
// "### Application"; path is used only in errors.
func ReadFileMethod(path string, b Block, heading string) ([]Method, error) {
	p := &parser{g: &Guide{Path: path}}
	return p.fileMethod(b, context{name: heading})
}
