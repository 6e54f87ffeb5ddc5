package lint

// RuleUnread: notice: a part of the guide the reader could not read.
const RuleUnread = "unread"

// unread: what the reader could not read (guide.ProblemUnread), a notice: nothing is said about it.
var _ = register(Rule{
	Name:     RuleUnread,
	Severity: SeverityNotice,
	Doc:      "a part of the guide the checker could not read (nothing is said about it)",
	Example:  "a configuration block in Ruby",
	Phase:    PhaseReading,
	Run:      reportProblems,
})
