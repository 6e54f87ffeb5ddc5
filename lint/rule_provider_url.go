package lint

// RuleProvider: an issuer, discovery or endpoint URL that is not Authelia's.
const RuleProvider = "provider-url"

// provider-url: an issuer or endpoint URL a method gives is under the Authelia Root URL.
var _ = register(Rule{
	Name:     RuleProvider,
	Severity: SeverityError,
	Doc:      "issuer, discovery and endpoint URLs are under the Authelia Root URL",
	Example:  "`https://auth.example.com/api/oidc/authorize`",
	Phase:    PhaseAgree,
	Run:      checkProviderURL,
})

// endpoints are Authelia's OpenID Connect endpoints under its root URL.
var endpoints = map[meaning]string{
	meaningAuthURL:     "api/oidc/authorization",
	meaningTokenURL:    "api/oidc/token",
	meaningUserinfoURL: "api/oidc/userinfo",
}

func checkProviderURL(p *Pass) {
	p.checked(func(r reference, e entry) {
		switch e.meaning {
		case meaningIssuer:
			if r.autheliaRoot != "" && isURL(e.value) && providerURL(e.value) != r.autheliaRoot {
				p.Reportf(SeverityError, e.method, e.line, "%s is %q, but the Authelia Root URL (line %d) is %q: its issuer, or %s", e.what, e.value, r.authLine, r.autheliaRoot+"/", r.autheliaRoot+wellKnown)
			}
		case meaningAuthURL, meaningTokenURL, meaningUserinfoURL:
			// Some applications ask for the issuer in a field named so (Vikunja's authurl).
			want := r.autheliaRoot + "/" + endpoints[e.meaning]
			if got := normURL(withoutQuery(e.value)); r.autheliaRoot != "" && isURL(e.value) && got != want && providerURL(got) != r.autheliaRoot {
				p.Reportf(SeverityError, e.method, e.line, "%s is %q, but the Authelia Root URL (line %d) implies %q", e.what, e.value, r.authLine, want)
			}
		}
	})
}
