package lint

// assumption: a method's client id and secret are the Assumptions' Client ID and Client Secret, and that Client ID is the client_id of a client in the Authelia YAML. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleAssumption,
	Severity: SeverityError,
	Doc:      "a method's client id is the client's client_id, its secret the Assumptions' Client Secret, and the Assumptions' Client ID is a client_id of the Authelia YAML",
	Example:  "Client ID `Wiki.js` beside `client_id: 'wikijs'`",
})
