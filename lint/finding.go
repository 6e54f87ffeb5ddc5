package lint

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// Severity ranks a finding.
type Severity int

const (
	SeverityNotice  Severity = iota + 1 // the checker could not read something: nothing is said about it
	SeverityWarning                     // likely wrong, but it depends on the application
	SeverityError                       // two places that must agree do not, or a value that cannot work
)

func (s Severity) String() string {
	switch s {
	case SeverityNotice:
		return "notice"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "notice".
func ParseSeverity(s string) (Severity, error) {
	for _, v := range []Severity{SeverityNotice, SeverityWarning, SeverityError} {
		if strings.EqualFold(s, v.String()) {
			return v, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: want error, warning or notice", s)
}

func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Finding is one thing the checker says about a guide, at a line of it.
type Finding struct {
	Path     string   `json:"path"`
	Line     int      `json:"line"` // 1 when it concerns the whole guide
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`             // a stable name: "client-secret", "method-disagree", ...
	Message  string   `json:"message"`          // one line
	Method   string   `json:"method,omitempty"` // the configuration method's label (Method.Label) it belongs to
	Fix      *Fix     `json:"fix,omitempty"`    // the line's replacement, when one side is authoritative
}

// String is the form linters use: "path:line: severity: message".
func (f Finding) String() string {
	if f.Line <= 0 {
		return fmt.Sprintf("%s: %s: %s", f.Path, f.Severity, f.Message)
	}
	return fmt.Sprintf("%s:%d: %s: %s", f.Path, f.Line, f.Severity, f.Message)
}

// Options are the reader's (sitevars) and the checker's.
type Options struct {
	// Sitevars overrides the value of sitevar shortcodes by name (see
	// guide.Options).
	Sitevars map[string]string
	// Disable names rules the checker does not report (see Rules).
	Disable []string
	// Tree is the repository the guide stands in, from its root (Authelia's
	// repository: docs/static/schemas/…), for what the guide's text refers
	// to outside itself. Check finds it above the guide's file; nil when
	// there is none.
	Tree fs.FS
}

// Check reads the guide at path as the offline checker does: it never stops
// at a guide it cannot read entirely, and returns every finding, sorted by
// line. The error is only for a file that cannot be read at all.
func Check(path string, o Options) (*guide.Guide, []Finding, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if o.Tree == nil {
		o.Tree = repoAbove(path)
	}
	g, found := Read(path, src, o)
	return g, found, nil
}

// Read reads guide source leniently (guide.Read) and runs every rule on it:
// what the reading met, the comparison of the methods, then each rule by
// name. It returns every finding but those disabled or silenced inline,
// sorted by line.
func Read(path string, src []byte, o Options) (*guide.Guide, []Finding) {
	g := guide.Read(path, src, guide.Options{Sitevars: o.Sitevars})
	s := sourceOf(g)
	if s != nil {
		s.tree = o.Tree
	}
	found := run(g, s, PhaseReading, PhaseAgree, PhaseMethods, PhaseText)
	for i := range found {
		found[i].Path = path
		if found[i].Line <= 0 {
			found[i].Line = 1 // the whole guide: its first line, where a reader looks
		}
	}
	disabled := map[string]bool{}
	for _, name := range o.Disable {
		disabled[name] = true
	}
	found = s.keep(found, disabled)
	SortFindings(found)
	return g, found
}

// sourceOf is what the rules read of g; nil when g was not read by Read
// (the suite's strict reading has no source).
func sourceOf(g *guide.Guide) *Source {
	if g.Source() == nil {
		return nil
	}
	return &Source{Source: g.Source()}
}

// SortFindings orders findings by path, line, then severity (errors first).
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if a.Path != b.Path {
			return strings.Compare(a.Path, b.Path)
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return int(b.Severity) - int(a.Severity)
	})
}

// OfMethod keeps the findings that belong to the method with the given
// label (see Method.Label), e.g. to name a failing scenario's findings.
func OfMethod(fs []Finding, label string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Method == label {
			out = append(out, f)
		}
	}
	return out
}

// Count is the number of findings of each severity.
func Count(fs []Finding) map[Severity]int {
	n := map[Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	return n
}
