package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleAutheliaSubdomain: an Authelia URL writes its host as the Authelia
// Root URL does, with the subdomain-authelia sitevar.
const RuleAutheliaSubdomain = "authelia-subdomain"

var _ = register(Rule{
	Name:     RuleAutheliaSubdomain,
	Severity: SeverityError,
	Doc:      "an issuer, discovery or endpoint URL of Authelia writes its subdomain with the subdomain-authelia sitevar when the Authelia Root URL does, or it stops matching once the reader sets their preferences",
	Example:  "`https://auth.{{< sitevar name=\"domain\" >}}` beside an Authelia Root URL `https://{{< sitevar name=\"subdomain-authelia\" >}}.{{< sitevar name=\"domain\" >}}/`",
	Phase:    PhaseText,
	Run:      textRule(checkAutheliaSubdomain),
})

// rawURLRe is a URL as written: its host may hold shortcodes.
var rawURLRe = regexp.MustCompile("https?://(?:[A-Za-z0-9.:-]|\\{\\{<[^}]*>\\}\\})+(?:/[^\\s'\"`<>)\\]]*)?")

// subdomainSitevar is the sitevar of Authelia's subdomain.
const subdomainSitevar = "subdomain-authelia"

func checkAutheliaSubdomain(s *Source) []Finding {
	a, err := s.Assumption("Authelia Root URL")
	if err != nil {
		return nil
	}
	rootRaw := s.RawValue(a.Line, a.Value)
	if !usesSitevar(rootRaw, subdomainSitevar) {
		return nil
	}
	rootHost, rootPath, ok := splitRawURL(rootRaw)
	if !ok {
		return nil
	}
	want := strings.ToLower(s.nojs(rootHost))
	rootPath = strings.TrimSuffix(rootPath, "/")
	scheme := rootRaw[:strings.Index(rootRaw, "://")+3]
	var out []Finding
	for n := s.bodyStart(); n <= len(s.Raw); n++ {
		if n == a.Line {
			continue
		}
		line := s.Raw[n-1]
		for _, loc := range rawURLRe.FindAllStringIndex(line, -1) {
			u := line[loc[0]:loc[1]]
			host, path, ok := splitRawURL(u)
			if !ok || usesSitevar(host, subdomainSitevar) || strings.ToLower(s.nojs(host)) != want || !autheliaPath(path, rootPath) {
				continue
			}
			head := u[:strings.Index(u, "://")+3] + host
			fixed := scheme + rootHost
			f := Finding{Line: n, Severity: SeverityError, Rule: RuleAutheliaSubdomain,
				Message: fmt.Sprintf("%q writes Authelia's subdomain literally, but the Authelia Root URL (line %d) uses the %s sitevar: once the reader sets their own subdomain the two differ; write its host as the Root URL does, %s",
					s.nojs(u), a.Line, subdomainSitevar, fixed)}
			f.Fix = &Fix{Line: n, Old: line, New: line[:loc[0]] + fixed + line[loc[0]+len(head):]}
			out = append(out, f)
		}
	}
	return out
}

// usesSitevar: the text holds a sitevar shortcode of that name.
func usesSitevar(raw, name string) bool {
	for _, sp := range guide.FindShortcodes(raw) {
		if sp.Name == guide.Sitevar && sp.Args["name"] == name {
			return true
		}
	}
	return false
}

// splitRawURL splits a URL as written into its host (shortcodes kept) and
// its path.
func splitRawURL(u string) (host, path string, ok bool) {
	i := strings.Index(u, "://")
	if i < 0 {
		return "", "", false
	}
	rest := u[i+3:]
	// A shortcode never holds a "/" in a host ({{< sitevar name="domain" >}}).
	j := strings.IndexAny(rest, "/?#")
	if j < 0 {
		return rest, "", rest != ""
	}
	return rest[:j], rest[j:], j > 0
}

// nojs renders the sitevars of raw text with their nojs values: the docs as
// written, whatever values the check was given.
func (s *Source) nojs(raw string) string {
	var b strings.Builder
	last := 0
	for _, sp := range guide.FindShortcodes(raw) {
		if sp.Name != guide.Sitevar {
			continue
		}
		b.WriteString(raw[last:sp.Start])
		b.WriteString(sp.Args["nojs"])
		last = sp.End
	}
	b.WriteString(raw[last:])
	return b.String()
}

// autheliaPath: a path that is Authelia's own under its root: the root
// itself (an issuer), discovery, the OpenID Connect endpoints, the keys.
func autheliaPath(path, root string) bool {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if !strings.HasPrefix(path, root) {
		return false
	}
	path = strings.TrimPrefix(path, root)
	if path == "" || path == "/" {
		return true
	}
	for _, p := range []string{"/.well-known/", "/api/oidc/", "/jwks.json"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// bodyStart is the first line after the front matter.
func (s *Source) bodyStart() int {
	if len(s.Raw) == 0 || strings.TrimSpace(s.Raw[0]) != "---" {
		return 1
	}
	for i := 1; i < len(s.Raw); i++ {
		if strings.TrimSpace(s.Raw[i]) == "---" {
			return i + 2
		}
	}
	return 1
}
