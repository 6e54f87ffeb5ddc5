package guide

import (
	"fmt"
	"slices"
	"strings"
)

// Consistency checks what can be checked without running anything: that the
// Assumptions, the YAML client block and the Application form entries agree.
// Each problem names the guide line that disagrees.
func (g *Guide) Consistency() []error {
	var errs []error
	add := func(line int, format string, args ...any) { errs = append(errs, g.errorf(line, format, args...)) }

	id, errID := g.Assumption("Client ID")
	secret, errSecret := g.Assumption("Client Secret")
	app, _, errApp := g.ApplicationRootURL()
	auth, _, errAuth := g.AutheliaRootURL()
	for _, err := range []error{errID, errSecret, errApp, errAuth} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errs
	}

	client, err := g.Client(id.Value)
	if err != nil {
		return append(errs, err)
	}
	digest, _ := client["client_secret"].(string)
	if ok, err := VerifyPBKDF2Digest(digest, secret.Value); err != nil {
		add(g.yamlLine("client_secret:"), "the client_secret of client %q: %v", id.Value, err)
	} else if !ok {
		add(g.yamlLine("client_secret:"), "the client_secret of client %q is not the digest of the Client Secret %q the Assumptions name (line %d)", id.Value, secret.Value, secret.Line)
	}
	redirects := stringsOf(client["redirect_uris"])
	scopes := stringsOf(client["scopes"])

	form, err := g.Step(4)
	if err != nil {
		return append(errs, err)
	}
	want := map[string]string{
		"Config URL":    strings.TrimSuffix(auth.String(), "/") + "/.well-known/openid-configuration",
		"Client ID":     id.Value,
		"Client Secret": secret.Value,
		"Scopes":        strings.Join(scopes, ","),
	}
	for _, label := range []string{"Config URL", "Client ID", "Client Secret", "Scopes"} {
		it, ok := form.Item(label)
		if !ok {
			add(form.Line, "step 4 has no %q entry", label)
			continue
		}
		if it.Value != want[label] {
			add(it.Line, "step 4's %s is %q, but the guide's configuration implies %q", label, it.Value, want[label])
		}
	}
	if it, ok := form.Item("Redirect URI"); !ok {
		add(form.Line, "step 4 has no %q entry", "Redirect URI")
	} else {
		if !slices.Contains(redirects, it.Value) {
			add(it.Line, "step 4's Redirect URI %q is not among the client's redirect_uris %q", it.Value, redirects)
		}
		if !strings.HasPrefix(it.Value, strings.TrimSuffix(app.String(), "/")+"/") {
			add(it.Line, "step 4's Redirect URI %q is not under the Application Root URL %s", it.Value, app)
		}
	}
	return errs
}

func stringsOf(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		out = append(out, fmt.Sprint(x))
	}
	return out
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
