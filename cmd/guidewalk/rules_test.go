package main

import (
	"os"
	"strings"
	"testing"
)

// TestREADMERules: the README's table of rules is `guidewalk rules
// --format markdown`, so a new rule is documented where maintainers look.
func TestREADMERules(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	const begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", begin, end)
	}
	if got, want := s[i+len(begin):j], rulesTable(); got != want {
		t.Errorf("README.md's table of rules is not `guidewalk rules --format markdown`; want:\n%s", want)
	}
}
