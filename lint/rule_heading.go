package lint

import (
	"fmt"
	"strings"
)

// RuleHeading: a method heading that cannot be the method it means.
const RuleHeading = "heading"

// heading: the docs name a guide's configuration methods by a few
// headings (methodHeadings); the introduction links each by its anchor.
// A heading one letter off one of them, or holding a stray # ("#####
// #nvironment Variables", authelia/authelia 7ed8024ee), renders as
// written and its anchor no longer meets the link. The method's name is
// authoritative: the fix writes it.
var _ = register(Rule{
	Name:     RuleHeading,
	Severity: SeverityError,
	Doc:      "a heading one letter off a method's name (Environment Variables, Configuration File, Web GUI, …) or starting with a stray #: its anchor misses the introduction's link (fix: the method's name)",
	Example:  "`##### #nvironment Variables`",
	Phase:    PhaseText,
	Run:      textRule(checkHeadings),
})

// methodHeadings are the headings the docs give the configuration methods
// and their variants.
var methodHeadings = []string{"Environment Variables", "Configuration File", "Web GUI", "Docker Compose",
	"Standard", "Configuration Escape Hatch", "Application", "Authelia"}

func checkHeadings(s *Source) []Finding {
	var out []Finding
	for _, h := range s.markdown().headings() {
		t := h.Text
		want := ""
		for _, m := range methodHeadings {
			if d := len(t) - len(m); d > 2 || d < -2 {
				continue // too far apart to be one letter off
			}
			if t != m && nearMiss(strings.ToLower(t), strings.ToLower(m), 6) && !strings.EqualFold(t, m) {
				want = m
				break
			}
		}
		stray := strings.HasPrefix(t, "#")
		if want == "" && !stray {
			continue
		}
		method := want != ""
		if !method {
			want = strings.TrimSpace(strings.TrimLeft(t, "#"))
		}
		msg := fmt.Sprintf("the heading %q is one letter off the method %q: it renders as written and its anchor #%s misses #%s; write %s", t, want, githubID(t), githubID(want), want)
		if !method {
			msg = fmt.Sprintf("the heading %q starts with a stray #: it renders with it and its anchor is #%s; write %s", t, githubID(t), want)
		}
		f := Finding{Line: h.Line, Severity: SeverityError, Rule: RuleHeading, Message: msg}
		raw := s.RawLine(h.Line)
		if i := strings.LastIndex(raw, t); i >= 0 && strings.HasPrefix(strings.TrimSpace(raw), "#") {
			f.Fix = &Fix{Line: h.Line, Old: raw, New: raw[:i] + want + raw[i+len(t):]}
		}
		out = append(out, f)
	}
	return out
}
