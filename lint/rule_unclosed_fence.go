package lint

import "github.com/guidewalk/guidewalk/guide"

// RuleUnclosedFence: a code block never closed.
const RuleUnclosedFence = guide.ProblemUnclosedFence

// unclosed-fence: the next block's opening fence stands inside a block,
// which Markdown reads on to the next bare fence. Reported at the opening
// fence, as itself, not only as the error its content causes further
// down; the reading closes it where the prose starts, so the blocks after
// it are still read and checked.
var _ = register(Rule{
	Name:     RuleUnclosedFence,
	Severity: SeverityError,
	Doc:      "a code block is never closed: the next block's opening fence stands inside it (the blocks after it are still read)",
	Example:  "```` ```yaml ```` … no closing fence … the text, then ```` ```shell ````",
	Phase:    PhaseReading,
	Run:      reportProblems,
})
