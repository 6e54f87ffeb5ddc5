package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleMisspeltSetting: where methods give the same settings, one writes a
// word of a setting's name one or two letters off the others.
const RuleMisspeltSetting = "misspelt-setting"

var _ = register(Rule{
	Name:     RuleMisspeltSetting,
	Severity: SeverityError,
	Doc:      "a setting's name one or two letters off the same setting in another method (a plural only is a warning across kinds of method)",
	Example:  "`server.odic.client_id` beside `SERVER_OIDC_CLIENT_ID`",
	Phase:    PhaseText,
	Run:      textRule(checkMisspeltSettings),
})

// misspelling is two names of one setting that differ in one word.
type misspelling struct {
	x, y   entry // x is the one said to be misspelt
	wx, wy string
	plural bool
}

func checkMisspeltSettings(s *Source) []Finding {
	var views []view
	for _, v := range viewsOf(s.withUnreadFiles()) {
		if v.m.Kind != guide.MethodSteps {
			views = append(views, v)
		}
	}
	if len(views) < 2 {
		return nil
	}
	// How many settings of every method spell each word.
	uses := map[string]int{}
	for _, v := range views {
		for _, e := range v.entries {
			for _, w := range e.words {
				uses[w]++
			}
		}
	}
	reported := map[int]bool{} // lines the method-names rule reports
	for i := range views {
		for j := i + 1; j < len(views); j++ {
			for line := range namedDifferentlyLines(views[i], views[j]) {
				reported[line] = true
			}
		}
	}
	var found []misspelling
	for i := range views {
		for j := i + 1; j < len(views); j++ {
			a, b := views[i], views[j]
			if a.m.Kind == b.m.Kind && a.m.Kind == guide.MethodFile {
				continue // two files: two programs, two vocabularies
			}
			for _, x := range a.entries {
				if hasSameName(x, b.entries) {
					continue
				}
				var near []misspelling
				for _, y := range b.entries {
					if hasSameName(y, a.entries) {
						continue
					}
					if wx, wy, ok := oneWordOff(x.words, y.words); ok {
						near = append(near, misspelling{x: x, y: y, wx: wx, wy: wy, plural: wx+"s" == wy || wy+"s" == wx})
					}
				}
				if len(near) == 1 { // one setting of the other method, not a family of them
					m := near[0]
					wx, wy := m.wx, m.wy
					if uses[wy] < uses[wx] || (uses[wy] == uses[wx] && s.wordCount(wy) < s.wordCount(wx)) {
						m.x, m.y, m.wx, m.wy = m.y, m.x, wy, wx
					}
					found = append(found, m)
				}
			}
		}
	}
	var out []Finding
	said := map[[2]string]bool{} // line and word, once
	for _, m := range found {
		sev := SeverityError
		if m.plural && m.x.kind != m.y.kind && !(envLike(m.x.kind) && envLike(m.y.kind)) {
			sev = SeverityWarning // FOO_SCOPES beside foo.scope: names of two kinds may differ so
		}
		line := s.wordLine(m.x, m.wx)
		k := [2]string{fmt.Sprint(line), m.wx}
		if said[k] || reported[line] {
			continue
		}
		said[k] = true
		off := "one letter"
		if nearMissDistance(m.wx, m.wy) > 1 {
			off = "two letters"
		}
		if m.plural {
			off = "a plural"
		}
		out = append(out, Finding{Line: line, Severity: sev, Rule: RuleMisspeltSetting, Method: m.x.method,
			Message: fmt.Sprintf("%s (line %d) spells %q where %s (line %d) spells %q, %s off, for one setting: one of them is misspelt; correct it (no fix offered: neither method is authoritative)",
				m.x.what, line, m.wx, m.y.what, m.y.line, m.wy, off)})
	}
	return out
}

// oneWordOff: two names, aligned at their ends, agree but for one word
// that is one or two letters off (a transposition is one); the name's
// other words, at least one, agree.
func oneWordOff(a, b []string) (wa, wb string, ok bool) {
	n := min(len(a), len(b))
	if n < 2 {
		return "", "", false
	}
	a, b = a[len(a)-n:], b[len(b)-n:]
	diff, agree := -1, 0
	for k := range n {
		if a[k] != b[k] {
			if diff >= 0 {
				return "", "", false
			}
			diff = k
			continue
		}
		agree += len(a[k])
	}
	if diff < 0 || agree < 6 {
		return "", "", false // the words that agree say too little (url, id) to call it one setting
	}
	wa, wb = a[diff], b[diff]
	if len(wa) < 4 || len(wb) < 4 || !nearMiss(wa, wb, 6) || isNumber(wa) || isNumber(wb) {
		return "", "", false
	}
	return wa, wb, true
}

func isNumber(s string) bool { return strings.Trim(s, "0123456789") == "" }

// hasSameName: one of others names e's setting with the same words (its
// tail or all of it).
func hasSameName(e entry, others []entry) bool {
	return slices.ContainsFunc(others, func(o entry) bool {
		n := min(len(e.words), len(o.words))
		return n > 0 && slices.Equal(e.words[len(e.words)-n:], o.words[len(o.words)-n:])
	})
}

// namedDifferentlyLines are the lines where the method-names rule reports
// two methods naming one setting differently (compareMethods): what it
// says is not said twice.
func namedDifferentlyLines(a, b view) map[int]bool {
	out := map[int]bool{}
	if !envLike(a.m.Kind) || !envLike(b.m.Kind) {
		return out
	}
	pairs, restA, restB := match(a, b)
	if len(pairs)*2 < min(len(a.entries), len(b.entries)) {
		return out
	}
	for _, e := range restA {
		if _, ok := namedDifferently(e, restB); ok {
			out[e.line] = true
		}
	}
	return out
}

// wordCount is how often a word stands in the guide as rendered, whole or
// as a word of a name (OIDC, SERVER_OIDC_CLIENT_ID, oidc.issuer).
func (s *Source) wordCount(w string) int {
	n := 0
	for _, l := range s.Rendered {
		for _, x := range wordsOf(l) {
			if x == w {
				n++
			}
		}
	}
	return n
}

// wordLine is the line where the misspelt word of e is written: e's own
// line for a variable, the line of the key (or section) holding it for a
// configuration file.
func (s *Source) wordLine(e entry, w string) int {
	if e.kind != guide.MethodFile {
		return e.line
	}
	key := regexp.MustCompile(`(?i)(?:^|[\s"'\[.{,])` + regexp.QuoteMeta(w) + `(?:["'\].]|\s*[:=])`)
	for n := e.line; n > 0 && n > e.line-200; n-- {
		if l := s.Rendered[n-1]; key.MatchString(l) && slices.Contains(wordsOf(l), w) {
			return n
		}
		if strings.HasPrefix(strings.TrimSpace(s.Rendered[n-1]), "```") {
			break
		}
	}
	return e.line
}

// withUnreadFiles is the guide with, as configuration file methods, the
// blocks of the Application section the reading passed over though they
// hold a YAML or JSON configuration: a block whose fence lies (YAML fenced
// as toml) still says how the setting is spelt.
func (s *Source) withUnreadFiles() *guide.Guide {
	g := *s.Guide
	read := map[int]bool{}
	for _, m := range g.Methods {
		read[m.Block.Line] = true
	}
	for _, f := range s.Blocks {
		if f.OpenLine < g.ApplicationLine || g.ApplicationLine == 0 || read[f.Line] {
			continue
		}
		if k := contentKind(f.Text); (k != contentYAML && k != contentJSON) || composeLike(f.Text) {
			continue
		}
		ms, err := guide.ReadFileMethod(g.Path, f.Block, s.headingAbove(f.OpenLine))
		if err != nil || len(ms) == 0 {
			continue
		}
		g.Methods = append(slices.Clone(g.Methods), ms...)
	}
	return &g
}

// headingAbove is the text of the nearest Markdown heading above line n,
// outside code blocks.
func (s *Source) headingAbove(n int) string {
	for ; n > 0; n-- {
		if m := headingLineRe.FindStringSubmatch(s.RawLine(n)); m != nil && !s.inBlock(n) {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

var headingLineRe = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*$`)
