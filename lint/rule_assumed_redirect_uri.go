package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleAssumedRedirectURI: the redirect URI the Assumptions say the
// Application Root URL determines is one of the client's redirect_uris.
const RuleAssumedRedirectURI = "assumed-redirect-uri"

var _ = register(Rule{
	Name:     RuleAssumedRedirectURI,
	Severity: SeverityError,
	Doc:      "the redirect URI the Assumptions give (\"in the format of `…`\") is one of the client's redirect_uris; a <placeholder> stands for one path segment",
	Example:  "\"the redirect URI in the format of `https://app.example.com/login`\" beside `redirect_uris: ['https://app.example.com/oauth/callback']`",
	Phase:    PhaseText,
	Run:      textRule(checkAssumedRedirectURI),
})

// redirectPhraseRe: an item of the Assumptions that says what the redirect
// URI is ("This option determines the redirect URI in the format of …").
var redirectPhraseRe = regexp.MustCompile(`(?i)\bredirect(?:ion)?[ _-]?ur[il]s?\b`)

func checkAssumedRedirectURI(s *Source) []Finding {
	clients := s.clients()
	// What to say instead: the guide's client's redirect URIs; what is
	// right: any client's (another client of the guide may be meant).
	var redirects, all []guide.LineValue
	for _, c := range clients {
		all = append(all, c.Redirects...)
	}
	if c, ok := theClient(s.Guide, clients); ok {
		redirects = c.Redirects
	} else {
		redirects = all
	}
	if len(redirects) == 0 {
		return nil
	}
	var out []Finding
	for _, it := range s.items() {
		loc := redirectPhraseRe.FindStringIndex(it.Text)
		if loc == nil {
			continue
		}
		for _, c := range it.codes {
			if c.Offset < loc[1] || !isTemplateURL(c.Value) {
				continue
			}
			if f, ok := s.assumedRedirect(c, redirects, all); ok {
				out = append(out, f)
			}
			break // the first URL after the words is the one they speak of
		}
	}
	return out
}

// isTemplateURL: an http(s) URL, placeholders allowed in its path.
func isTemplateURL(s string) bool {
	return isURL(redirectPlaceholderRe.ReplaceAllString(s, "x"))
}

// redirectPlaceholderRe is a placeholder the reader replaces: <Authentication Name>.
var redirectPlaceholderRe = regexp.MustCompile(`<[^<>/]+>`)

// templateMatch: the URI u, a <placeholder> standing for any one path
// segment, is the redirect URI r (compared as normalized URLs).
func templateMatch(u, r string) bool {
	if !redirectPlaceholderRe.MatchString(u) {
		return normURL(u) == normURL(r)
	}
	parts := redirectPlaceholderRe.Split(normTemplate(u), -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	re, err := regexp.Compile(`^` + strings.Join(parts, `[^/?#]+`) + `$`)
	return err == nil && re.MatchString(normURL(r))
}

// normTemplate is normURL for a URI with placeholders.
func normTemplate(u string) string {
	var saved []string
	x := redirectPlaceholderRe.ReplaceAllStringFunc(u, func(m string) string {
		saved = append(saved, m)
		return fmt.Sprintf("PLACEHOLDER%dX", len(saved)-1)
	})
	x = normURL(x)
	for i, m := range saved {
		x = strings.Replace(x, fmt.Sprintf("PLACEHOLDER%dX", i), m, 1)
	}
	return x
}

// assumedRedirect compares one redirect URI of the Assumptions with the
// client's and says what to write instead.
func (s *Source) assumedRedirect(c lineCode, redirects, all []guide.LineValue) (Finding, bool) {
	for _, r := range all {
		if templateMatch(c.Value, r.Value) {
			return Finding{}, false
		}
	}
	var list []string
	for _, r := range redirects {
		list = append(list, r.Value)
	}
	best := redirects[0]
	if len(redirects) > 1 {
		n := -1
		for _, r := range redirects {
			if k := sharedPrefix(normTemplate(c.Value), normURL(r.Value)); k > n {
				best, n = r, k
			}
		}
	}
	what := "the redirect URI"
	if redirectPlaceholderRe.MatchString(c.Value) {
		what = "the redirect URI template (a placeholder standing for one path segment)"
	}
	f := Finding{Line: c.Line, Severity: SeverityError, Rule: RuleAssumedRedirectURI,
		Message: fmt.Sprintf("the Assumptions give %s %q, which is not among the client's redirect_uris %q: change it to %q (line %d)",
			what, c.Value, list, best.Value, best.Line)}
	if raw := s.RawValue(best.Line, best.Value); raw != "" {
		f.Fix = s.fixValue(c.Line, c.Value, raw)
	}
	return f, true
}

// sharedPrefix is the length of the common prefix of a and b.
func sharedPrefix(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}
