package lint

// redirect-uri: every redirect URI a method gives is among the client's redirect_uris. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleRedirectURI,
	Severity: SeverityError,
	Doc:      "every redirect URI a method gives is among the client's redirect_uris (a prefix of one, to which the application may append a key, is a warning)",
	Example:  "`…/oauth_callback` beside `redirect_uris: ['…/callback']`",
})
