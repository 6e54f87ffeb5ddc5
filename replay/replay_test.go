package replay

import (
	"testing"
	"time"

	"github.com/guidewalk/guidewalk/lint"
)

// TestCompareMultisetAndChanged: two findings of one key enter and leave
// one by one; a finding whose message changed in the edit that gave the
// guide another of its rule is "changed", not "fixed".
func TestCompareMultisetAndChanged(t *testing.T) {
	f := func(line int, rule, msg string) lint.Finding {
		return lint.Finding{Path: "g.md", Line: line, Severity: lint.SeverityError, Rule: rule, Message: msg}
	}
	day := func(d int) Commit {
		return Commit{Hash: string(rune('a' + d)), Date: time.Date(2025, 1, d, 0, 0, 0, 0, time.UTC)}
	}
	rp := &replayer{open: map[Key][]*Finding{}, guideOf: map[string]int{}}
	step := func(i int, before, after []lint.Finding) {
		rp.opened, rp.closed = nil, nil
		rp.compare(before, after, i, day(i+1), Fixed)
		rp.markChanged()
	}
	v1 := []lint.Finding{f(10, lint.RuleStepNumbers, "two steps are numbered 2: line 9 and line 10")}
	v2 := []lint.Finding{f(12, lint.RuleStepNumbers, "two steps are numbered 2: line 11 and line 12"), f(20, lint.RuleStepNumbers, "two steps are numbered 2: line 19 and line 20"),
		f(30, lint.RuleScopes, `the client's scopes (line 3) are "openid": it has no groups`)}
	v3 := []lint.Finding{f(12, lint.RuleStepNumbers, "two steps are numbered 2: line 11 and line 12"),
		f(30, lint.RuleScopes, `the client's scopes (line 3) are "openid,email": it has no groups`)}
	step(0, nil, v1)
	step(1, v1, v2)
	step(2, v2, v3)
	if len(rp.all) != 4 {
		t.Fatalf("%d findings, want 4", len(rp.all))
	}
	first, second, scopes, reworded := rp.all[0], rp.all[1], rp.all[2], rp.all[3]
	if first.Status != Open || first.Entered.Hash != "b" || first.Line != 12 {
		t.Errorf("the first step-numbers finding: %s, entered %s, at line %d; want open since b, last seen at line 12", first.Status, first.Entered.Hash, first.Line)
	}
	if second.Status != Fixed || second.Entered.Hash != "c" || second.Left.Hash != "d" || second.Days != 1 {
		t.Errorf("the second: %s, entered %s, %v days; want fixed by d after a day", second.Status, second.Entered.Hash, second.Days)
	}
	if scopes.Status != Changed || reworded.Status != Open || reworded.Entered.Hash != "d" {
		t.Errorf("the scopes finding: %s, then %s entered %s; want changed, then open since d", scopes.Status, reworded.Status, reworded.Entered.Hash)
	}
	if s := summarize([]Finding{*first, *second, *scopes, *reworded}); s.Fixed != 1 || s.Changed != 1 || s.Open != 2 || s.MedianFixedDays != 1 {
		t.Errorf("summary %+v", s)
	}
}
