package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleGroup: a group the prose ties to a setting is the setting's value.
const RuleGroup = "group"

var _ = register(Rule{
	Name:     RuleGroup,
	Severity: SeverityError,
	Doc:      "a setting the prose ties to a group (\"users are part of the `app-users` group … adapt the `APP_GROUP` variable\") holds that group in every method",
	Example:  "\"users are part of the `hedgedoc-users` group … adapt the `CMD_OAUTH2_ACCESS_ROLE` variable\" beside `CMD_OAUTH2_ACCESS_ROLE=hedgedoc`",
	Phase:    PhaseText,
	Run:      textRule(checkGroups),
})

var (
	// groupNameRe is a group the prose names: `name` group (one group;
	// "`a` or `b` groups" names no one setting's value).
	groupNameRe = regexp.MustCompile("`([^`\\s]+)`\\s+group\\b(?:[^s]|$)")
	codeSpanOne = regexp.MustCompile("`([^`\\s]+)`")
	respectRe   = regexp.MustCompile(`(?i)\brespectively\b`)
	// adaptRe: the paragraph tells the reader to change the setting for
	// their group, what ties the two.
	adaptRe = regexp.MustCompile(`(?i)\b(?:adapt|adjust|change|modify|update|edit)\b`)
)

// claimNames are values that name the claim holding the groups, not a
// group: a setting holding one is not the group's.
var claimNames = map[string]bool{"groups": true, "group": true, "roles": true, "role": true}

// groupTie is a group the prose names and the setting that must hold it.
type groupTie struct {
	group, setting string
	line           int // the prose's line naming the group
}

func checkGroups(s *Source) []Finding {
	settings := map[string]bool{}
	for _, m := range s.Methods {
		for _, v := range m.Vars {
			settings[v.Name] = true
		}
	}
	if len(settings) == 0 {
		return nil
	}
	var out []Finding
	for _, t := range s.groupTies(settings) {
		for _, m := range s.Methods {
			for _, v := range m.Vars {
				if v.Name != t.setting || holdsGroup(v.Value, t.group) || strings.ContainsAny(v.Value, "<>$") || claimNames[strings.ToLower(v.Value)] {
					continue
				}
				out = append(out, Finding{Line: v.Line, Severity: SeverityError, Rule: RuleGroup, Method: m.Label(), Fix: s.groupFix(v, t.group),
					Message: fmt.Sprintf("%s is %q in the %s method, but the guide (line %d) names the %q group as the one %s holds: set it to %q",
						v.Name, v.Value, m.Label(), t.line, t.group, t.setting, t.group)})
			}
		}
	}
	return out
}

// groupTies reads the paragraphs that name groups in code spans ("part of
// the `hedgedoc-users` group") and the settings of the methods that hold
// them ("adapt the `CMD_OAUTH2_ACCESS_ROLE` variable"): one group and one
// setting, or as many of each with "respectively", paired in order, in a
// paragraph that tells the reader to adapt the setting to their groups.
func (s *Source) groupTies(settings map[string]bool) []groupTie {
	var out []groupTie
	var groups []groupTie
	var named []string
	var text strings.Builder
	flush := func() {
		tied := adaptRe.MatchString(text.String()) && (len(groups) == 1 || respectRe.MatchString(text.String()))
		if len(groups) > 0 && len(groups) == len(named) && tied {
			for i, g := range groups {
				g.setting = named[i]
				out = append(out, g)
			}
		}
		groups, named = nil, nil
		text.Reset()
	}
	for n := 1; n <= len(s.Rendered)+1; n++ {
		l := ""
		if n <= len(s.Rendered) && !s.inFence(n) {
			l = strings.TrimSpace(s.Rendered[n-1])
		}
		if l == "" || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "{{") {
			flush()
			continue
		}
		text.WriteString(l + " ")
		for _, m := range groupNameRe.FindAllStringSubmatch(l, -1) {
			groups = append(groups, groupTie{group: m[1], line: n})
		}
		for _, m := range codeSpanOne.FindAllStringSubmatch(l, -1) {
			if settings[m[1]] {
				named = append(named, m[1])
			}
		}
	}
	return out
}

// holdsGroup: the value is the group, or a list holding it.
func holdsGroup(value, group string) bool {
	for _, v := range strings.FieldsFunc(value, func(r rune) bool {
		return r == ',' || r == ' ' || r == ';' || r == '"' || r == '\'' || r == '[' || r == ']'
	}) {
		if v == group {
			return true
		}
	}
	return false
}

// groupFix writes the group in place of the value, after the variable's
// name on its line.
func (s *Source) groupFix(v guide.Var, group string) *Fix {
	raw := s.RawLine(v.Line)
	i := strings.Index(raw, v.Name)
	if i < 0 || v.Value == "" {
		return nil
	}
	i += len(v.Name)
	j := strings.Index(raw[i:], v.Value)
	if j < 0 {
		return nil
	}
	j += i
	return &Fix{Line: v.Line, Old: raw, New: raw[:j] + group + raw[j+len(v.Value):]}
}
