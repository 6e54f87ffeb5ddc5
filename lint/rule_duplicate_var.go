package lint

// duplicate-var: an environment variable set twice in one .env block or in one compose service's environment. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleDuplicateVar,
	Severity: SeverityError,
	Doc:      "an environment variable set twice in one .env block or in one compose service's environment",
	Example:  "`X_CLIENT_ID=a` … `X_CLIENT_ID=b`",
})
