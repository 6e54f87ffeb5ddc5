package lint

// provider-url: issuer, discovery and endpoint URLs are under the Authelia Root URL. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleProvider,
	Severity: SeverityError,
	Doc:      "issuer, discovery and endpoint URLs are under the Authelia Root URL",
	Example:  "`https://auth.example.com/api/oidc/authorize`",
})
