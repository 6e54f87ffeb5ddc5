package lint

import (
	"github.com/guidewalk/guidewalk/guide"
)

// Consistency checks what can be checked without running anything: that the
// Assumptions, the YAML client block and every configuration method of the
// Application section agree. It is Findings' errors and warnings as errors,
// each naming the guide lines that disagree; the suite runs a guide only
// when there is none.
func Consistency(g *guide.Guide) []error {
	var errs []error
	for _, f := range Findings(g) {
		if f.Severity >= SeverityWarning {
			errs = append(errs, &guide.Error{Path: f.Path, Line: f.Line, Msg: f.Message})
		}
	}
	return errs
}

// Findings checks the guide against itself: the rules of PhaseAgree (the
// client secret against its digest, a sitevar against itself, every
// method's settings against the Assumptions and the client) and of
// PhaseMethods (the methods against each other, settings matched by
// meaning). A check that is not sure what a setting is says nothing. The
// suite asks it once before a run, as check does.
func Findings(g *guide.Guide) []Finding {
	return run(g, sourceOf(g), PhaseAgree, PhaseMethods)
}
