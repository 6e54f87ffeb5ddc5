package guide

// redirect-uri: every redirect URI a method gives is among the client's redirect_uris. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleRedirectURI,
	Severity: SeverityError,
	Doc:      "every redirect URI a method gives is among the client's redirect_uris",
	Example:  "`…/oauth_callback` beside `redirect_uris: ['…/callback']`",
})
