package guide

import (
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Consistency checks what can be checked without running anything: that the
// Assumptions, the YAML client block and every configuration method of the
// Application section (the form of its steps, a .env block, a Docker Compose
// block) agree. Each problem names the guide lines that disagree.
func (g *Guide) Consistency() []error {
	errs := slices.Clone(g.sitevarConflicts)
	add := func(line int, format string, args ...any) { errs = append(errs, g.errorf(line, format, args...)) }

	// The methods against each other: they need no Assumptions.
	var structural []error
	addS := func(line int, format string, args ...any) {
		structural = append(structural, g.errorf(line, format, args...))
	}
	if form, ok := g.Form(); ok {
		for _, m := range g.Methods {
			if m.Kind == MethodEnv || m.Kind == MethodCompose {
				g.checkVarsAgainstForm(m, form, addS)
			}
		}
	}
	for _, env := range g.Methods {
		if env.Kind != MethodEnv {
			continue
		}
		for _, c := range g.Methods {
			if c.Kind == MethodCompose {
				g.checkComposeAgainstEnv(c, env, addS)
			}
		}
	}

	id, errID := g.Assumption("Client ID")
	secret, errSecret := g.Assumption("Client Secret")
	app, appA, errApp := g.ApplicationRootURL()
	auth, authA, errAuth := g.AutheliaRootURL()
	for _, err := range []error{errID, errSecret, errApp, errAuth} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > len(g.sitevarConflicts) {
		return append(errs, structural...)
	}

	client, err := g.Client(id.Value)
	if err != nil {
		return append(append(errs, err), structural...)
	}
	digest, _ := client["client_secret"].(string)
	secretLine := g.clientKeyLine(id.Value, "client_secret")
	if ok, err := VerifyPBKDF2Digest(digest, secret.Value); err != nil {
		add(secretLine, "the client_secret of client %q: %v", id.Value, err)
	} else if !ok {
		add(secretLine, "the client_secret of client %q is not the digest of the Client Secret %q the Assumptions name (line %d)", id.Value, secret.Value, secret.Line)
	}

	ref := reference{
		id: id, secret: secret, appRoot: strings.TrimSuffix(app.String(), "/") + "/", appLine: appA.Line,
		autheliaRoot: strings.TrimSuffix(auth.String(), "/") + "/", authLine: authA.Line,
		redirects: stringsOf(client["redirect_uris"]), redirectsLine: g.clientKeyLine(id.Value, "redirect_uris"),
		scopes: stringsOf(client["scopes"]), scopesLine: g.clientKeyLine(id.Value, "scopes"),
	}
	ref.configURL = ref.autheliaRoot + ".well-known/openid-configuration"
	for _, v := range g.views() {
		ref.check(v, add)
	}
	return append(errs, structural...)
}

// reference is what the Assumptions and the YAML client say a method must set.
type reference struct {
	id, secret                       Assumption
	appRoot, autheliaRoot, configURL string
	appLine, authLine                int
	redirects, scopes                []string
	redirectsLine, scopesLine        int
}

// endpoints are Authelia's OpenID Connect endpoints, under its root URL, by
// the normalized labels an application may give them.
var endpoints = []struct {
	path string
	keys []string
}{
	{"api/oidc/authorization", []string{"authurl", "authorizationurl", "authorizationendpoint", "authendpoint"}},
	{"api/oidc/token", []string{"tokenurl", "tokenendpoint"}},
	{"api/oidc/userinfo", []string{"userinfourl", "userinfoendpoint"}},
}

// entry is one label -> value of a method, keyed by its normalized label.
type entry struct {
	what  string // "step 4's Scopes", "the .env block's MINIO_IDENTITY_OPENID_SCOPES"
	value string
	line  int
}

// view is a method seen as normalized label -> entry, the form a form check
// reads, so the form, a .env block and a compose block share one check.
type view map[string]entry

// views maps every method to a view: a steps method through its form (if it
// has one), an env or compose method through its variable names without
// their common prefix.
func (g *Guide) views() []view {
	var out []view
	for _, m := range g.Methods {
		v := view{}
		switch m.Kind {
		case MethodSteps:
			form, ok := m.Form()
			if !ok {
				continue
			}
			src := g.formName(m, form)
			for _, it := range form.Items {
				if k := normalize(it.Label); it.Label != "" && v[k] == (entry{}) {
					v[k] = entry{what: src + "'s " + it.Label, value: it.Value, line: it.Line}
				}
			}
		case MethodEnv, MethodCompose:
			prefix := commonPrefix(m.Vars)
			for _, x := range m.Vars {
				if k := normalize(strings.TrimPrefix(x.Name, prefix)); v[k] == (entry{}) {
					v[k] = entry{what: g.blockName(m) + "'s " + x.Name, value: x.Value, line: x.Line}
				}
			}
		}
		out = append(out, v)
	}
	return out
}

// check compares the entries a view has with the Assumptions and the client;
// an entry the view does not have is not checked (an application need not
// ask for a config URL, say).
func (r reference) check(v view, add func(int, string, ...any)) {
	if e, ok := v["clientid"]; ok && e.value != r.id.Value {
		add(e.line, "%s is %q, but the Assumptions' Client ID (line %d) is %q", e.what, e.value, r.id.Line, r.id.Value)
	}
	if e, ok := v["clientsecret"]; ok && e.value != r.secret.Value {
		add(e.line, "%s is %q, but the Assumptions' Client Secret (line %d) is %q", e.what, e.value, r.secret.Line, r.secret.Value)
	}
	if e, ok := v["configurl"]; ok && e.value != r.configURL {
		add(e.line, "%s is %q, but the Authelia Root URL (line %d) implies %q", e.what, e.value, r.authLine, r.configURL)
	}
	for _, ep := range endpoints {
		want := r.autheliaRoot + ep.path
		for _, k := range ep.keys {
			if e, ok := v[k]; ok && e.value != want {
				add(e.line, "%s is %q, but the Authelia Root URL (line %d) implies %q", e.what, e.value, r.authLine, want)
			}
		}
	}
	if e, ok := v["scopes"]; ok {
		var got []string
		for _, s := range strings.Split(e.value, ",") {
			got = append(got, strings.TrimSpace(s))
		}
		want := slices.Clone(r.scopes)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			add(e.line, "%s is %q, but the client's scopes (line %d) are %q", e.what, e.value, r.scopesLine, strings.Join(r.scopes, ","))
		}
	}
	if e, ok := v["redirecturi"]; ok {
		if !slices.Contains(r.redirects, e.value) {
			add(e.line, "%s %q is not among the client's redirect_uris (line %d) %q", e.what, e.value, r.redirectsLine, r.redirects)
		}
		if !strings.HasPrefix(e.value, r.appRoot) {
			add(e.line, "%s %q is not under the Application Root URL %s (line %d)", e.what, e.value, r.appRoot, r.appLine)
		}
	}
}

// checkVarsAgainstForm compares an env or compose method's variables with
// the form's entries, matched by name: the variable without the common
// prefix of the method's names ~ the label, both normalized.
func (g *Guide) checkVarsAgainstForm(m Method, form Step, add func(int, string, ...any)) {
	formM := g.stepsMethodOf(form)
	formSrc := g.formName(formM, form)
	src := g.blockName(m)
	items := map[string]Item{}
	for _, it := range form.Items {
		if k := normalize(it.Label); it.Label != "" {
			if _, dup := items[k]; !dup {
				items[k] = it
			}
		}
	}
	prefix := commonPrefix(m.Vars)
	vars := map[string]Var{}
	for _, v := range m.Vars {
		k := normalize(strings.TrimPrefix(v.Name, prefix))
		vars[k] = v
		it, ok := items[k]
		if !ok {
			add(v.Line, "%s sets %s (line %d), but %s (line %d) has no entry for it", src, v.Name, v.Line, formSrc, form.Line)
			continue
		}
		switch kind, on := formValue(it); kind {
		case valueLiteral:
			if v.Value != it.Value {
				add(v.Line, "%s and %s disagree: line %d sets %s=%s, line %d says %s: %s", src, formSrc, v.Line, v.Name, v.Value, it.Line, it.Label, it.Value)
			}
		case valueSwitch:
			if got, isSwitch := switchWord(v.Value); !isSwitch || got != on {
				add(v.Line, "%s and %s disagree: line %d sets %s=%s, line %d says %s: %s", src, formSrc, v.Line, v.Name, v.Value, it.Line, it.Label, it.Value)
			}
		case valueEmpty:
			if v.Value != "" {
				add(v.Line, "%s and %s disagree: line %d sets %s=%s, line %d says %s: %s", src, formSrc, v.Line, v.Name, v.Value, it.Line, it.Label, it.Value)
			}
		}
	}
	for _, it := range form.Items {
		k := normalize(it.Label)
		if it.Label == "" || k == "name" { // "Name" names the configuration in the GUI itself
			continue
		}
		if _, ok := vars[k]; ok {
			continue
		}
		if kind, _ := formValue(it); kind == valueLiteral || kind == valueSwitch {
			add(it.Line, "%s says %s: %s (line %d), but %s (line %d) sets no variable for it", formSrc, it.Label, it.Value, it.Line, src, m.Block.Line)
		}
	}
}

// checkComposeAgainstEnv compares a compose method's variables with an env
// method's, both ways.
func (g *Guide) checkComposeAgainstEnv(c, env Method, add func(int, string, ...any)) {
	cs, es := g.blockName(c), g.blockName(env)
	for _, cv := range c.Vars {
		ev, ok := env.Var(cv.Name)
		switch {
		case !ok:
			add(cv.Line, "%s (line %d) sets %s=%s, %s (line %d) does not set it", cs, cv.Line, cv.Name, cv.Value, es, env.Block.Line)
		case ev.Value != cv.Value:
			add(cv.Line, "%s (line %d) sets %s=%s, %s (line %d) sets %s=%s", cs, cv.Line, cv.Name, cv.Value, es, ev.Line, ev.Name, ev.Value)
		}
	}
	for _, ev := range env.Vars {
		if _, ok := c.Var(ev.Name); !ok {
			add(ev.Line, "%s (line %d) sets %s=%s, %s (line %d) does not set it", es, ev.Line, ev.Name, ev.Value, cs, c.Block.Line)
		}
	}
}

// blockName describes an env or compose method's block for messages.
func (g *Guide) blockName(m Method) string {
	if m.Kind == MethodEnv {
		return "the .env block"
	}
	n := 0
	for _, o := range g.Methods {
		if o.Kind == MethodCompose && o.Block.Line == m.Block.Line {
			n++
		}
	}
	if n > 1 {
		return fmt.Sprintf("the Docker Compose block (service %q)", m.Service)
	}
	return "the Docker Compose block"
}

// formName describes a form step for messages: "step 4", or
// "the Web GUI step 4" when the guide has several methods.
func (g *Guide) formName(m Method, form Step) string {
	if m.Name == "" && m.Variant == "" {
		return fmt.Sprintf("step %d", form.Number)
	}
	return fmt.Sprintf("the %s step %d", m.Label(), form.Number)
}

// stepsMethodOf finds the steps method a step belongs to.
func (g *Guide) stepsMethodOf(st Step) Method {
	for _, m := range g.Methods {
		if m.Kind == MethodSteps && slices.ContainsFunc(m.Steps, func(s Step) bool { return s.Line == st.Line }) {
			return m
		}
	}
	return Method{}
}

type valueKind int

const (
	valueProse   valueKind = iota // free text: not compared
	valueLiteral                  // a single code span: to type as is
	valueSwitch                   // Enabled / Disabled
	valueEmpty                    // Leave Empty
)

// formValue classifies a form entry's value.
func formValue(it Item) (valueKind, bool) {
	if it.Literal {
		return valueLiteral, false
	}
	if on, ok := switchWord(it.Value); ok {
		return valueSwitch, on
	}
	switch strings.ToLower(it.Value) {
	case "leave empty", "leave blank", "empty":
		return valueEmpty, false
	}
	return valueProse, false
}

// switchWord reads a word that switches something on or off.
func switchWord(s string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "enabled", "enable", "on", "true", "yes":
		return true, true
	case "disabled", "disable", "off", "false", "no":
		return false, true
	}
	return false, false
}

// normalize makes "Claim User Info" and "CLAIM_USERINFO" the same key.
func normalize(s string) string {
	return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(s))
}

// commonPrefix is the longest prefix of all variable names that ends in "_"
// and leaves every name something after it; "" for fewer than two names.
func commonPrefix(vars []Var) string {
	if len(vars) < 2 {
		return ""
	}
	prefix := vars[0].Name
	for _, v := range vars[1:] {
		i := 0
		for i < len(prefix) && i < len(v.Name) && prefix[i] == v.Name[i] {
			i++
		}
		prefix = prefix[:i]
	}
	for {
		i := strings.LastIndexByte(prefix, '_')
		if i < 0 {
			return ""
		}
		prefix = prefix[:i+1]
		short := false
		for _, v := range vars {
			if len(v.Name) == len(prefix) {
				short = true
			}
		}
		if !short {
			return prefix
		}
		prefix = prefix[:i]
	}
}

func stringsOf(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// clientKeyLine is the guide line of key in the client whose client_id is
// id, found in the YAML's nodes; it falls back to the first line mentioning
// the key.
func (g *Guide) clientKeyLine(id, key string) int {
	var doc yaml.Node
	if yaml.Unmarshal([]byte(g.ClientYAML), &doc) == nil && len(doc.Content) > 0 {
		n := doc.Content[0]
		for _, k := range []string{"identity_providers", "oidc", "clients"} {
			if n == nil || n.Kind != yaml.MappingNode {
				n = nil
				break
			}
			n = mapValue(n, k)
		}
		if n != nil && n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if c.Kind != yaml.MappingNode {
					continue
				}
				if cid := mapValue(c, "client_id"); cid == nil || cid.Value != id {
					continue
				}
				for i := 0; i+1 < len(c.Content); i += 2 {
					if c.Content[i].Value == key {
						return g.ClientYAMLLine + c.Content[i].Line - 1
					}
				}
			}
		}
	}
	return g.yamlLine(key + ":")
}

// yamlLine is the guide line of the first YAML line containing key.
func (g *Guide) yamlLine(key string) int {
	for i, l := range strings.Split(g.ClientYAML, "\n") {
		if strings.Contains(l, key) {
			return g.ClientYAMLLine + i
		}
	}
	return g.ClientYAMLLine
}
