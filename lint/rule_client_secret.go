package lint

// client-secret: the client's client_secret is the digest of the Assumptions' Client Secret. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleClientSecret,
	Severity: SeverityError,
	Doc:      "the client's client_secret is the digest of the Assumptions' Client Secret",
	Example:  "a digest of another secret",
})
