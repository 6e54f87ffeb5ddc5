package replay

import (
	"testing"

	"github.com/guidewalk/guidewalk/lint"
)

func TestIdentityIgnoresLines(t *testing.T) {
	f := func(line int, msg string) lint.Finding {
		return lint.Finding{Path: "clients/x/index.md", Line: line, Severity: lint.SeverityError, Rule: lint.RuleScopes, Message: msg}
	}
	same := [][2]lint.Finding{
		{f(90, `the .env block's SCOPES is "openid groups", but the client's scopes (line 65) are "openid": it has no groups`),
			f(97, `the .env block's SCOPES is "openid groups", but the client's scopes (line 72) are "openid": it has no groups`)},
		{f(101, "two steps are numbered 1: line 85 and line 101"), f(104, "two steps are numbered 1: line 88 and line 104")},
		{f(64, "did not find expected '-' indicator (in the block starting at line 61)"), f(70, "did not find expected '-' indicator (in the block starting at line 67)")},
		{f(3, "see clients/x/index.md:12"), f(5, "see clients/x/index.md:14")},
		{f(3, "YAML line 4 of lines 2-9"), f(5, "YAML line 6 of lines 4–11")},
	}
	for _, p := range same {
		if Identity(p[0]) != Identity(p[1]) {
			t.Errorf("not one finding:\n  %q\n  %q", Meaning(p[0]), Meaning(p[1]))
		}
	}
	differ := [][2]lint.Finding{
		// a port is part of a URL's meaning, not a line
		{f(9, `issuer "https://auth.example.com:9091"`), f(9, `issuer "https://auth.example.com:443"`)},
		{f(9, "step 3 (line 93) is followed by step 6"), f(9, "step 3 (line 93) is followed by step 5")},
		{f(9, "it has no groups"), f(9, "it has no profile")},
	}
	for _, p := range differ {
		if Identity(p[0]) == Identity(p[1]) {
			t.Errorf("one finding, want two: %q", Meaning(p[0]))
		}
	}
	other := f(9, "it has no groups")
	other.Rule = lint.RuleMethodDisagree
	if Identity(f(9, "it has no groups")) == Identity(other) {
		t.Error("two rules, one identity")
	}
	moved := f(9, "it has no groups")
	moved.Path = "clients/y/index.md"
	if Identity(f(9, "it has no groups")) == Identity(moved) {
		t.Error("two guides, one identity")
	}
}

func TestNewOnlyIsAMultiset(t *testing.T) {
	f := func(line int, msg string) lint.Finding {
		return lint.Finding{Path: "g.md", Line: line, Severity: lint.SeverityError, Rule: lint.RuleStepNumbers, Message: msg}
	}
	before := []lint.Finding{f(10, "a (line 10)"), f(20, "b")}
	now := []lint.Finding{f(12, "a (line 12)"), f(22, "b"), f(30, "b"), f(40, "c")}
	got := NewOnly(now, before)
	if len(got) != 2 || got[0].Line != 30 || got[1].Line != 40 {
		t.Errorf("NewOnly = %v, want the second b (line 30) and c (line 40)", got)
	}
	if got := NewOnly(before, before); len(got) != 0 {
		t.Errorf("NewOnly of a version against itself = %v", got)
	}
	if got := NewOnly(now, nil); len(got) != len(now) {
		t.Errorf("against no version: %d findings, want all %d", len(got), len(now))
	}
}

func TestParseTree(t *testing.T) {
	id := func(b byte) []byte {
		out := make([]byte, 20)
		out[19] = b
		return out
	}
	var data []byte
	data = append(append(append(data, "100644 index.md\x00"...), id(1)...), "40000 sub dir\x00"...)
	data = append(data, id(2)...)
	es, err := parseTree(data, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].name != "index.md" || es[0].tree || es[0].hash != "0000000000000000000000000000000000000001" ||
		es[1].name != "sub dir" || !es[1].tree {
		t.Errorf("parseTree = %+v", es)
	}
	if _, err := parseTree(data[:len(data)-3], 20); err == nil {
		t.Error("a truncated tree parsed")
	}
}
