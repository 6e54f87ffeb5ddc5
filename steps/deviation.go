package steps

import (
	"errors"
	"fmt"

	"github.com/guidewalk/guidewalk/guide"
)

// GuideError says which line of the guide is wrong: the guide step, what
// it says, and what the real UI showed instead.
type GuideError struct {
	Step  int    // the guide's step number; 0 for a line outside the numbered steps
	Where string // "path:line"
	Says  string // the guide's text
	Saw   string // what the UI showed instead
	Shot  string // screenshot path, when taken
}

func (e *GuideError) Error() string {
	msg := fmt.Sprintf("guide step %d (%s) says %q, but %s", e.Step, e.Where, e.Says, e.Saw)
	if e.Step == 0 {
		msg = fmt.Sprintf("the guide (%s) says %q, but %s", e.Where, e.Says, e.Saw)
	}
	if e.Shot != "" {
		msg += " [screenshot: " + e.Shot + "]"
	}
	return msg
}

// asGuideError finds a *GuideError in err's chain.
func asGuideError(err error) (*GuideError, bool) {
	var ge *GuideError
	ok := errors.As(err, &ge)
	return ge, ok
}

// itemError is a GuideError on one sub-item (a form entry) of a step.
func (w *World) itemError(st guide.Step, it guide.Item, saw string) error {
	return &GuideError{Step: st.Number, Where: w.s.Guide.Where(it.Line), Says: it.Text, Saw: saw}
}
