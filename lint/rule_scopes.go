package lint

import (
	"slices"
	"strings"
)

// RuleScopes: a method's scopes differ from the client's.
const RuleScopes = "scopes"

// scopes: a method requests the client's scopes: one it lacks is an error, one left out a warning.
var _ = register(Rule{
	Name:     RuleScopes,
	Severity: SeverityError,
	Doc:      "a method requests only scopes the client has (a scope left out is a warning)",
	Example:  "`openid email profile` beside `scopes: ['openid', 'email']`",
	Phase:    PhaseAgree,
	Run:      checkScopes,
})

func checkScopes(p *Pass) {
	p.checked(func(r reference, e entry) {
		if e.meaning != meaningScopes {
			return
		}
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
			f := p.Reportf(SeverityError, e.method, e.line, "%s is %q, but the client's scopes (line %d) are %q: it has no %s; request only the client's scopes", e.what, e.value, r.scopesLine, strings.Join(r.scopes, ","), strings.Join(extra, ", "))
			f.Fix = p.fixValue(e.line, e.value, strings.Join(r.scopes, separator(e.value)))
		} else if len(lacking) > 0 && !slices.ContainsFunc(e.words, func(w string) bool { return w == "additional" || w == "extra" }) {
			p.Reportf(SeverityWarning, e.method, e.line, "%s is %q, but the client's scopes (line %d) are %q: %s not requested", e.what, e.value, r.scopesLine, strings.Join(r.scopes, ","), strings.Join(lacking, ", "))
		}
	})
}
