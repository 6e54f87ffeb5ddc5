package lint

import (
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleLinkAnchor: (#anchor) no heading of the guide produces.
const RuleLinkAnchor = "link-anchor"

// link-anchor: an in-page link goes to a heading of the guide.
var _ = register(Rule{
	Name:     RuleLinkAnchor,
	Severity: SeverityError,
	Doc:      "an in-page link (#anchor) goes to no heading of the guide (a warning when two headings share the anchor)",
	Example:  "`[Configuration Escape Hatch](#configuration-escape-hatch)` in a guide without that heading",
	Phase:    PhaseText,
	Run:      textRule(checkLinkAnchors),
})

// shortcodeHeadings are the headings the docs' shortcodes render (read
// from their templates in docs/layouts/_shortcodes): an anchor found in
// none of the guide's headings nor these is surely missing; beside another
// shortcode it may be that one's, a warning.
var shortcodeHeadings = map[string][]string{
	guide.Sitevar: nil, "sitevar-preferences": nil, "callout": nil, "/callout": nil, "figure": nil,
	"oidc-common":                        {"Before You Begin", "Known Bugs", "Common Notes"},
	"oidc-escape-hatch-claims-hydration": nil,
}

func checkLinkAnchors(s *Source) []Finding {
	hs := s.markdown().headings()
	ids := map[string]heading{}
	byBase := map[string][]heading{}
	for _, h := range hs {
		if _, dup := ids[h.ID]; !dup {
			ids[h.ID] = h
		}
		b := githubID(h.Text)
		byBase[b] = append(byBase[b], h)
	}
	sev := SeverityError
	for _, sc := range s.Shortcodes {
		hs, known := shortcodeHeadings[sc.Name]
		if !known {
			sev = SeverityWarning
		}
		for _, t := range hs {
			if _, dup := ids[githubID(t)]; !dup {
				ids[githubID(t)] = heading{Text: t, ID: githubID(t), Line: sc.Line}
			}
		}
	}
	var out []Finding
	for _, l := range s.links() {
		if !strings.HasPrefix(l.Dest, "#") || len(l.Dest) < 2 {
			continue
		}
		anchor := l.Dest[1:]
		h, ok := ids[anchor]
		if !ok {
			msg := fmt.Sprintf("the link to #%s goes nowhere: no heading of the guide has that anchor", anchor)
			if near := nearestHeading(anchor, hs); near != "" {
				msg += "; did you mean #" + near + "?"
			} else {
				msg += "; link a heading the guide has or add the section"
			}
			out = append(out, Finding{Line: l.Line, Severity: sev, Rule: RuleLinkAnchor, Message: msg})
			continue
		}
		// The link goes to the first heading; said when the next heading
		// of that name after the link, the one it introduces, is another.
		same := byBase[githubID(h.Text)]
		if len(same) < 2 || h.ID != githubID(h.Text) {
			continue
		}
		for i, o := range same {
			if o.Line > l.Line && i == 0 {
				break
			}
			if o.Line > l.Line {
				out = append(out, Finding{Line: l.Line, Severity: SeverityWarning, Rule: RuleLinkAnchor,
					Message: fmt.Sprintf("#%s goes to the first heading %q (line %d), not to the one below this link (line %d): link #%s if that one is meant",
						anchor, h.Text, h.Line, o.Line, o.ID)})
				break
			}
		}
	}
	return out
}

// nearestHeading is the anchor of the one heading the missing anchor is a
// misspelling of (at most two edits away).
func nearestHeading(anchor string, hs []heading) string {
	var found []string
	for _, h := range hs {
		if h.ID != "" && nearMissDistance(h.ID, anchor) <= 2 {
			found = append(found, h.ID)
		}
	}
	if len(found) == 1 {
		return found[0]
	}
	return ""
}
