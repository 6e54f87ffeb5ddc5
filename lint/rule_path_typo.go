package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// RulePathTypo: a URL path segment with two letters swapped (or one
// doubled or dropped) in a word of OpenID Connect's routes.
const RulePathTypo = "path-typo"

// path-typo: redirect and callback routes are made of a few words
// (routeWords); a segment that is one of them with two adjacent letters
// swapped, or with a letter of a long one doubled or dropped (/iodc/,
// /calback), is no route any application serves: the login fails on a
// redirect URI that matches nothing. The word is authoritative: the fix
// writes it.
var _ = register(Rule{
	Name:     RulePathTypo,
	Severity: SeverityError,
	Doc:      "a URL path segment is a word of OpenID Connect's routes (oidc, callback, redirect, …) with two letters swapped, or a letter of a long one doubled or dropped (fix: the word)",
	Example:  "`https://incus.example.com/iodc/callback`",
	Phase:    PhaseText,
	Run:      textRule(checkPathTypos),
})

var routeWords = []string{"oidc", "oauth", "oauth2", "openid", "callback", "redirect", "login", "signin",
	"authorize", "authorization", "authentication", "connect", "sso", "auth", "api", "complete", "userinfo"}

var urlRe = regexp.MustCompile("https?://[^\\s'\"`)<>\\]]+")

// routeTypo is the route word seg misspells ("" when none): two adjacent
// letters swapped, or, for words of 6 letters or more, one doubled or
// dropped inside it.
func routeTypo(seg string) string {
	s := strings.ToLower(seg)
	for _, w := range routeWords {
		if s == w {
			return ""
		}
	}
	for _, w := range routeWords {
		if len(s) == len(w) && swapped(s, w) {
			return w
		}
		if len(w) >= 6 && (len(s) == len(w)+1 || len(s)+1 == len(w)) && nearMissDistance(s, w) == 1 &&
			!strings.HasPrefix(s, w) && !strings.HasPrefix(w, s) { // authorized, callbacks: words of their own

			return w
		}
	}
	return ""
}

// swapped: a is b with two adjacent letters exchanged.
func swapped(a, b string) bool {
	for i := 0; i+1 < len(a); i++ {
		if a[i] != b[i] {
			return a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] && a[i] != a[i+1]
		}
	}
	return false
}

func checkPathTypos(s *Source) []Finding {
	var out []Finding
	for n, l := range s.Rendered {
		for _, u := range urlRe.FindAllString(l, -1) {
			rest := u[strings.Index(u, "://")+3:]
			i := strings.IndexByte(rest, '/')
			if i < 0 {
				continue
			}
			p := rest[i:]
			if j := strings.IndexAny(p, "?#"); j >= 0 {
				p = p[:j]
			}
			for _, seg := range strings.Split(p, "/") {
				w := routeTypo(seg)
				if w == "" {
					continue
				}
				f := Finding{Line: n + 1, Severity: SeverityError, Rule: RulePathTypo,
					Message: fmt.Sprintf("%s: the path segment /%s/ is %q misspelt, a route no application serves; write /%s/", u, seg, w, w)}
				if raw := s.RawLine(n + 1); strings.Count(raw, "/"+seg) == 1 {
					f.Fix = &Fix{Line: n + 1, Old: raw, New: strings.Replace(raw, "/"+seg, "/"+w, 1)}
				}
				out = append(out, f)
				break
			}
		}
	}
	return out
}
