package lint

import (
	"fmt"
	"slices"

	"github.com/guidewalk/guidewalk/guide"
)

// Pass is one rule's run on one guide, as analysis.Pass is one analyzer's
// on one package: what it reads and where it reports.
type Pass struct {
	Rule   Rule
	Guide  *guide.Guide
	Source *Source // the text as written and rendered; nil when the suite read the guide strictly

	shared *shared
	found  *[]*Finding
}

// Report reports a finding of the rule (its Rule is the pass's when empty).
func (p *Pass) Report(f Finding) {
	if f.Rule == "" {
		f.Rule = p.Rule.Name
	}
	*p.found = append(*p.found, &f)
}

// Reportf reports a finding of the rule at line, in the method with that
// label ("" for none), and returns it so the rule can give it a fix.
func (p *Pass) Reportf(sev Severity, method string, line int, format string, args ...any) *Finding {
	f := &Finding{Path: p.Guide.Path, Line: line, Severity: sev, Rule: p.Rule.Name, Method: method, Message: fmt.Sprintf(format, args...)}
	*p.found = append(*p.found, f)
	return f
}

// shared is what several rules read of one guide, read once for all of
// them (the rules of one guide run one after another).
type shared struct {
	views       []view
	ref         reference
	refOK       bool
	comparisons []comparison
	read        struct{ views, ref, comparisons bool }
}

// run runs the rules of the given phases on g, by phase then name, and
// returns their findings in that order.
func run(g *guide.Guide, s *Source, phases ...Phase) []Finding {
	rules := Rules()
	slices.SortStableFunc(rules, func(a, b Rule) int { return int(a.Phase) - int(b.Phase) })
	var found []*Finding
	sh := &shared{}
	for _, r := range rules {
		if !slices.Contains(phases, r.Phase) {
			continue
		}
		r.Run(&Pass{Rule: r, Guide: g, Source: s, shared: sh, found: &found})
	}
	out := make([]Finding, len(found))
	for i, f := range found {
		out[i] = *f
	}
	return out
}
