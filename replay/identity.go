package replay

import (
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/lint"
)

// Key is a finding's identity across commits: its guide, its rule and
// what it says, without the line numbers that move when lines are added
// above it. Several findings of one version may share a key: they count
// as a multiset.
type Key struct {
	Path    string
	Rule    string
	Meaning string
}

var (
	// "line 65", "lines 12-14", "YAML line 3", "line 85 and line 101"
	lineRe = regexp.MustCompile(`\b(lines?) \d+(?:\s*[-–]\s*\d+)?\b`)
	// "index.md:65", a place in a file
	placeRe = regexp.MustCompile(`(\.(?:md|markdown|feature|ya?ml|json|toml|ini|env)):\d+\b`)
)

// Meaning is the message without line numbers, and without the guide's
// own path (a guide that moves keeps its findings).
func Meaning(f lint.Finding) string {
	m := lineRe.ReplaceAllString(f.Message, "$1 N")
	m = placeRe.ReplaceAllString(m, "$1:N")
	if f.Path != "" {
		m = strings.ReplaceAll(m, f.Path, "GUIDE")
	}
	return m
}

// Identity is the finding's key.
func Identity(f lint.Finding) Key {
	return Key{Path: f.Path, Rule: f.Rule, Meaning: Meaning(f)}
}

// NewOnly is the findings of now that before has not, matched by identity
// as a multiset: a finding whose key before has twice is new only when now
// has it three times. The order of now is kept.
func NewOnly(now, before []lint.Finding) []lint.Finding {
	left := map[Key]int{}
	for _, f := range before {
		left[Identity(f)]++
	}
	out := []lint.Finding{}
	for _, f := range now {
		k := Identity(f)
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}
