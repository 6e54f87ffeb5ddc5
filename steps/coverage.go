package steps

import (
	"fmt"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// Coverage checks that every numbered step of the guide's Application
// section is transcribed by a Gherkin step, that every transcribing step
// points at a step the guide has, and that the UI names a transcribing step
// quotes are the guide step's own `code` words. Each problem names a line.
func Coverage(g *guide.Guide, ts []Transcription) []error {
	var errs []error
	covered := map[int]bool{}
	for _, t := range ts {
		if t.GuideStep == 0 {
			continue
		}
		st, err := g.Step(t.GuideStep)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s:%d: %q transcribes guide step %d, which %s does not have", t.File, t.Line, t.Text, t.GuideStep, g.Path))
			continue
		}
		covered[t.GuideStep] = true
		if len(st.Code) == 0 {
			continue // the step names no UI words (e.g. "Login"): the feature's quotes are test data
		}
		for _, q := range quoted(t.Text) {
			if !slices.Contains(st.Code, q) {
				errs = append(errs, fmt.Errorf("%s:%d: %q quotes %q, but guide step %d (%s) names %q", t.File, t.Line, t.Text, q, st.Number, g.Where(st.Line), st.Code))
			}
		}
	}
	for _, st := range g.Steps {
		if !covered[st.Number] {
			errs = append(errs, fmt.Errorf("%s: guide step %d %q is transcribed by no scenario step", g.Where(st.Line), st.Number, st.Text))
		}
	}
	return append(errs, methodCoverage(g, ts)...)
}

// methodCoverage: where the guide heads configuration methods, each is
// transcribed ("# guide: Application > <label>"), and every such comment
// names a method the guide has.
func methodCoverage(g *guide.Guide, ts []Transcription) []error {
	var errs []error
	var labels []string
	for _, m := range g.Methods {
		if m.Name != "" {
			labels = append(labels, m.Label())
		}
	}
	covered := map[string]bool{}
	for _, t := range ts {
		label, ok := strings.CutPrefix(t.Section, "Application > ")
		if !ok {
			continue
		}
		if !slices.Contains(labels, label) {
			errs = append(errs, fmt.Errorf("%s:%d: %q transcribes the configuration method %q, which %s does not offer (it offers %q)", t.File, t.Line, t.Text, label, g.Path, labels))
			continue
		}
		covered[label] = true
	}
	for _, m := range g.Methods {
		if m.Name != "" && !covered[m.Label()] {
			errs = append(errs, fmt.Errorf("%s: the configuration method %q is transcribed by no scenario", g.Where(m.Line), m.Label()))
		}
	}
	return errs
}
