package lint

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// Rule is one check of the offline checker, as an analysis.Analyzer is one
// analysis: a stable name a maintainer can disable, the severity it reports
// at most, the one line of documentation the README's table of rules shows,
// and Run, which reads the guide's facts and reports findings with their
// fixes. Each rule is a value registered in a file of its own
// (rule_<name>.go) that holds its whole logic, with fixtures in
// testdata/rules/<name>/ (see fixtures_test.go).
type Rule struct {
	Name     string
	Severity Severity // the most it reports; what depends on the application is a warning
	Doc      string   // one line: what it checks
	Example  string   // a short bad example it reports

	// Phase is when it runs among the others (then by name): it orders
	// the findings of one line and one severity.
	Phase Phase

	// Run reads the guide (Pass.Guide, Pass.Source) and reports what is
	// wrong (Pass.Report).
	Run func(p *Pass)
}

// Phase groups the rules by what they compare, in the order they run.
type Phase int

const (
	PhaseReading Phase = iota // what the reading met (guide.Problem), the guide's shape as read (its introduction)
	PhaseAgree                // a value against the one that says it: the client, the Assumptions, a sitevar
	PhaseMethods              // the configuration methods against each other
	PhaseText                 // the text as written and rendered (needs Pass.Source)
)

var registry = map[string]Rule{}

// register adds a rule to the checker; a rule file calls it from a var.
func register(r Rule) Rule {
	if r.Name == "" || r.Doc == "" || r.Severity == 0 || r.Run == nil {
		panic("lint: a rule needs a name, a severity, a line of documentation and a Run: " + r.Name)
	}
	if _, dup := registry[r.Name]; dup {
		panic("lint: rule registered twice: " + r.Name)
	}
	registry[r.Name] = r
	return r
}

// Rules lists every rule, by name.
func Rules() []Rule {
	var out []Rule
	for _, r := range registry {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Rule) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// RuleNamed returns the rule with that name.
func RuleNamed(name string) (Rule, bool) {
	r, ok := registry[name]
	return r, ok
}

// textRule is the Run of a rule of the text: check's findings, reported.
func textRule(check func(s *Source) []Finding) func(p *Pass) {
	return func(p *Pass) {
		if p.Source == nil {
			return
		}
		for _, f := range check(p.Source) {
			p.Report(f)
		}
	}
}

// Fix is the replacement of one line of the guide, in its source form
// (shortcodes, indentation and quoting kept), that makes a finding go away.
type Fix struct {
	Line int    `json:"line"`
	Old  string `json:"old"` // the line as written
	New  string `json:"new"` // the line after the fix
}

// fixValue replaces the first occurrence of value (as rendered) on line n
// with repl (as written, shortcodes and all). It maps rendered text back to
// the source through the sitevars of the line, so a value that holds a
// sitevar is replaced whole. nil when the value is not on that line.
func (s *Source) fixValue(n int, value, repl string) *Fix {
	if s == nil {
		return nil
	}
	raw := s.RawLine(n)
	if raw == "" || value == "" || value == repl {
		return nil
	}
	start, end, ok := s.RawSpan(n, value)
	if !ok {
		return nil
	}
	return &Fix{Line: n, Old: raw, New: raw[:start] + repl + raw[end:]}
}

// disableRe is an inline comment that silences rules for the next line or
// block: <!-- guidewalk-disable scopes,redirect-uri -->, or every rule when
// it names none.
var disableRe = regexp.MustCompile(`^\s*<!--\s*guidewalk-disable(?:\s+([A-Za-z0-9,\s-]+?))?\s*-->\s*$`)

// silenced is where inline comments silence which rules: line -> rule names
// ("*" for every rule).
func (s *Source) silenced() map[int][]string {
	out := map[int][]string{}
	for i, l := range s.Raw {
		m := disableRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		names := strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
		if len(names) == 0 {
			names = []string{"*"}
		}
		// The next line that says something, or the whole block it opens.
		next := i + 2
		for next <= len(s.Raw) && strings.TrimSpace(s.RawLine(next)) == "" {
			next++
		}
		last := next
		for _, f := range s.Blocks {
			if f.OpenLine == next {
				last = f.EndLine
			}
		}
		for n := next; n <= last; n++ {
			out[n] = append(out[n], names...)
		}
	}
	return out
}

// keep drops the findings of disabled rules and those an inline comment
// silences at their line.
func (s *Source) keep(found []Finding, disabled map[string]bool) []Finding {
	quiet := s.silenced()
	return slices.DeleteFunc(found, func(f Finding) bool {
		if disabled[f.Rule] {
			return true
		}
		for _, name := range quiet[f.Line] {
			if name == "*" || name == f.Rule {
				return true
			}
		}
		return false
	})
}

// closestURL is the one of urls that shares the longest prefix with u, when
// one is closer than the rest; the only one when there is one.
func closestURL(u string, urls []string) string {
	if len(urls) == 1 {
		return urls[0]
	}
	best, bestN, tie := "", -1, false
	for _, c := range urls {
		n := 0
		for n < len(c) && n < len(u) && c[n] == u[n] {
			n++
		}
		switch {
		case n > bestN:
			best, bestN, tie = c, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// Source is what a rule reads: the guide's facts and text (guide.Source),
// and what several rules read of them, read once.
type Source struct {
	*guide.Source

	md    *mdDoc // the guide as the site parses it, once (markdown)
	facts facts  // the clients and Assumptions the rules read, once
	tree  fs.FS  // the repository the guide stands in (Options.Tree); nil when unknown
}

// rawNear is guide.Source.RawNear, value itself without a source (the
// suite's strict reading).
func (s *Source) rawNear(from int, value string) string {
	if s == nil {
		return value
	}
	return s.RawNear(from, value)
}
