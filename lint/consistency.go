package lint

import (
	"fmt"
	"github.com/guidewalk/guidewalk/guide"
	"slices"
	"strings"
)

// Consistency checks what can be checked without running anything: that the
// Assumptions, the YAML client block and every configuration method of the
// Application section agree. It is Findings' errors and warnings as errors,
// each naming the guide lines that disagree; the suite runs a guide only
// when there is none.
func Consistency(g *guide.Guide) []error {
	var errs []error
	for _, f := range Findings(g) {
		if f.Severity >= SeverityWarning {
			errs = append(errs, &guide.Error{Path: f.Path, Line: f.Line, Msg: f.Message})
		}
	}
	return errs
}

// Findings checks the guide against itself: the client secret against its
// digest, every method's settings against the Assumptions and the client,
// and the methods against each other, settings matched by meaning. A check
// that is not sure what a setting is says nothing.
func Findings(g *guide.Guide) []Finding {
	var found []*Finding
	for _, p := range g.Problems {
		if p.Kind == guide.ProblemSitevar {
			found = append(found, &Finding{Path: g.Path, Line: p.Line, Severity: SeverityError, Rule: RuleSitevar, Message: p.Message})
		}
	}
	add := func(sev Severity, rule, method string, line int, format string, args ...any) *Finding {
		f := &Finding{Path: g.Path, Line: line, Severity: sev, Rule: rule, Method: method, Message: fmt.Sprintf(format, args...)}
		found = append(found, f)
		return f
	}
	views := viewsOf(g)
	ref, ok := readReference(g, add)
	ref.src = sourceOf(g)
	if ok {
		for _, v := range views {
			for _, e := range v.entries {
				ref.check(e, add)
			}
		}
	}
	for i := range views {
		for j := i + 1; j < len(views); j++ {
			compareMethods(views[i], views[j], add)
		}
	}
	out := make([]Finding, len(found))
	for i, f := range found {
		out[i] = *f
	}
	return out
}

// addFunc reports a finding; the caller may give it a fix.
type addFunc func(sev Severity, rule, method string, line int, format string, args ...any) *Finding

// reference is what the Assumptions and the YAML client say a method must set.
type reference struct {
	id, secret                guide.Assumption
	appRoot, autheliaRoot     string // normalized, "" when the Assumptions do not say
	appLine, authLine         int
	redirects, scopes         []string
	redirectsLine, scopesLine int
	client                    bool
	clientID                  string

	src *Source // the guide as written, for fixes; nil when the suite reads it
}

// reference reads the Assumptions and the client they name, and checks the
// client's secret against its digest.
func readReference(g *guide.Guide, add addFunc) (reference, bool) {
	var r reference
	r.id, _ = g.Assumption("Client ID")
	r.secret, _ = g.Assumption("Client Secret")
	if u, a, err := g.ApplicationRootURL(); err == nil {
		r.appRoot, r.appLine = normURL(u.String()), a.Line
	}
	if u, a, err := g.AutheliaRootURL(); err == nil {
		r.autheliaRoot, r.authLine = normURL(u.String()), a.Line
	}
	var client map[string]any
	switch {
	case r.id.Value != "":
		c, err := g.Client(r.id.Value)
		if err != nil && len(g.Clients) > 0 {
			f := add(SeverityError, RuleAssumption, "", r.id.Line, "the Assumptions' Client ID %q is the client_id of no client in the Authelia YAML (line %d)", r.id.Value, g.ClientYAMLLine)
			if id, ok := g.Clients[0]["client_id"].(string); ok && id != "" && len(g.Clients) == 1 {
				// The one client is what the methods must name: it is authoritative.
				c = g.Clients[0]
				f.Fix = sourceOf(g).fixValue(r.id.Line, r.id.Value, fmt.Sprint(c["client_id"]))
				f.Message += fmt.Sprintf(": it is %q", fmt.Sprint(c["client_id"]))
			}
		}
		client = c
	case len(g.Clients) == 1:
		client = g.Clients[0]
	}
	if client == nil {
		return r, r.id.Value != "" || r.secret.Value != "" || r.autheliaRoot != ""
	}
	r.client = true
	id := fmt.Sprint(client["client_id"])
	r.clientID = id
	digest, _ := client["client_secret"].(string)
	if digest != "" && r.secret.Value != "" {
		secretLine := g.ClientKeyLine(id, "client_secret")
		if !strings.HasPrefix(digest, "$") {
			if digest != r.secret.Value {
				add(SeverityError, RuleClientSecret, "", secretLine, "the client_secret of client %q is %q, but the Assumptions' Client Secret (line %d) is %q", id, digest, r.secret.Line, r.secret.Value)
			}
		} else if ok, err := verifyDigest(digest, r.secret.Value); err != nil {
			add(SeverityError, RuleClientSecret, "", secretLine, "the client_secret of client %q: %v", id, err)
		} else if !ok {
			f := add(SeverityError, RuleClientSecret, "", secretLine, "the client_secret of client %q is not the digest of the Client Secret %q the Assumptions name (line %d): write a digest of it", id, r.secret.Value, r.secret.Line)
			if d, err := PBKDF2Digest(r.secret.Value); err == nil && sourceOf(g) != nil {
				f.Fix = sourceOf(g).fixValue(secretLine, digest, d)
			}
		}
	}
	r.redirects, r.redirectsLine = stringsOf(client["redirect_uris"]), g.ClientKeyLine(id, "redirect_uris")
	r.scopes, r.scopesLine = stringsOf(client["scopes"]), g.ClientKeyLine(id, "scopes")
	return r, true
}

// endpoints are Authelia's OpenID Connect endpoints under its root URL.
var endpoints = map[meaning]string{
	meaningAuthURL:     "api/oidc/authorization",
	meaningTokenURL:    "api/oidc/token",
	meaningUserinfoURL: "api/oidc/userinfo",
}

// check compares one entry with the Assumptions and the client; an entry
// whose meaning is not sure, or whose value is a placeholder, is not checked.
func (r reference) check(e entry, add addFunc) {
	if !e.comparable || placeholder(e.value) {
		return
	}
	switch e.meaning {
	case meaningClientID:
		switch {
		case r.client && e.value != r.clientID:
			f := add(SeverityError, RuleAssumption, e.method, e.line, "%s is %q, but the client's client_id is %q", e.what, e.value, r.clientID)
			f.Fix = r.src.fixValue(e.line, e.value, r.clientID)
		case !r.client && r.id.Value != "" && e.value != r.id.Value:
			add(SeverityError, RuleAssumption, e.method, e.line, "%s is %q, but the Assumptions' Client ID (line %d) is %q", e.what, e.value, r.id.Line, r.id.Value)
		}
	case meaningClientSecret:
		if r.secret.Value != "" && e.value != r.secret.Value {
			f := add(SeverityError, RuleAssumption, e.method, e.line, "%s is %q, but the Assumptions' Client Secret (line %d) is %q", e.what, e.value, r.secret.Line, r.secret.Value)
			f.Fix = r.src.fixValue(e.line, e.value, r.secret.Value)
		}
	case meaningIssuer:
		if r.autheliaRoot != "" && isURL(e.value) && providerURL(e.value) != r.autheliaRoot {
			add(SeverityError, RuleProvider, e.method, e.line, "%s is %q, but the Authelia Root URL (line %d) is %q: its issuer, or %s", e.what, e.value, r.authLine, r.autheliaRoot+"/", r.autheliaRoot+wellKnown)
		}
	case meaningAuthURL, meaningTokenURL, meaningUserinfoURL:
		// Some applications ask for the issuer in a field named so (Vikunja's authurl).
		want := r.autheliaRoot + "/" + endpoints[e.meaning]
		if got := normURL(withoutQuery(e.value)); r.autheliaRoot != "" && isURL(e.value) && got != want && providerURL(got) != r.autheliaRoot {
			add(SeverityError, RuleProvider, e.method, e.line, "%s is %q, but the Authelia Root URL (line %d) implies %q", e.what, e.value, r.authLine, want)
		}
	case meaningScopes:
		if _, isBool := boolWord(e.value); !r.client || isBool {
			return
		}
		got := scopeSet(e.value)
		var extra, lacking []string
		for _, s := range got {
			if !slices.Contains(r.scopes, s) {
				extra = append(extra, s)
			}
		}
		for _, s := range r.scopes {
			if !slices.Contains(got, s) {
				lacking = append(lacking, s)
			}
		}
		if len(extra) > 0 {
			f := add(SeverityError, RuleScopes, e.method, e.line, "%s is %q, but the client's scopes (line %d) are %q: it has no %s; request only the client's scopes", e.what, e.value, r.scopesLine, strings.Join(r.scopes, ","), strings.Join(extra, ", "))
			f.Fix = r.src.fixValue(e.line, e.value, strings.Join(r.scopes, separator(e.value)))
		} else if len(lacking) > 0 && !slices.ContainsFunc(e.words, func(w string) bool { return w == "additional" || w == "extra" }) {
			add(SeverityWarning, RuleScopes, e.method, e.line, "%s is %q, but the client's scopes (line %d) are %q: %s not requested", e.what, e.value, r.scopesLine, strings.Join(r.scopes, ","), strings.Join(lacking, ", "))
		}
	case meaningRedirectURI:
		if !r.client || !isURL(e.value) || len(r.redirects) == 0 || slices.Contains(e.words, "logout") {
			return
		}
		for _, u := range r.redirects {
			if normURL(u) == normURL(e.value) {
				return
			}
		}
		// A prefix of a client's redirect URI: the application may append
		// its provider's key (Vikunja's redirecturl + "authelia").
		for _, u := range r.redirects {
			if strings.HasPrefix(u, strings.TrimSuffix(e.value, "/")+"/") {
				add(SeverityWarning, RuleRedirectURI, e.method, e.line, "%s %q is not among the client's redirect_uris (line %d) %q, but starts %q: right only if the application appends the rest", e.what, e.value, r.redirectsLine, r.redirects, u)
				return
			}
		}
		f := add(SeverityError, RuleRedirectURI, e.method, e.line, "%s %q is not among the client's redirect_uris (line %d) %q", e.what, e.value, r.redirectsLine, r.redirects)
		if u := closestURL(e.value, r.redirects); u != "" {
			f.Message += fmt.Sprintf(": use %q", u)
			f.Fix = r.src.fixValue(e.line, e.value, r.src.rawNear(r.redirectsLine, u))
		}
	}
}

// blockName describes an env or compose method's block for messages.
func blockName(g *guide.Guide, m guide.Method) string {
	if m.Kind == guide.MethodEnv {
		return "the .env block"
	}
	n := 0
	for _, o := range g.Methods {
		if o.Kind == guide.MethodCompose && o.Block.Line == m.Block.Line {
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
func formName(g *guide.Guide, m guide.Method, form guide.Step) string {
	if m.Name == "" && m.Variant == "" {
		return fmt.Sprintf("step %d", form.Number)
	}
	return fmt.Sprintf("the %s step %d", m.Label(), form.Number)
}

type valueKind int

const (
	valueProse   valueKind = iota // free text: not compared
	valueLiteral                  // a single code span: to type as is
	valueSwitch                   // Enabled / Disabled
	valueEmpty                    // Leave Empty
)

// formValue classifies a form entry's value.
func formValue(it guide.Item) (valueKind, bool) {
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

// commonPrefix is the longest prefix of all variable names that ends in "_"
// and leaves every name something after it; "" for fewer than two names.
func commonPrefix(vars []guide.Var) string {
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
