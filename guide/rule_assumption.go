package guide

// assumption: a method's client id or secret, and the Assumptions' Client ID, agree with the client and the Assumptions. Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleAssumption,
	Severity: SeverityError,
	Doc:      "a method's client id or secret, and the Assumptions' Client ID, agree with the client and the Assumptions",
	Example:  "Client ID `Wiki.js` beside `client_id: 'wikijs'`",
})
