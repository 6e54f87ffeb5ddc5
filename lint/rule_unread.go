package lint

// unread: a part of the guide the checker could not read (nothing is said about it). Reported by the reading and the comparison of methods
// (consistency.go, views.go, read.go).
var _ = register(Rule{
	Name:     RuleUnread,
	Severity: SeverityNotice,
	Doc:      "a part of the guide the checker could not read (nothing is said about it)",
	Example:  "a configuration block in Ruby",
})
