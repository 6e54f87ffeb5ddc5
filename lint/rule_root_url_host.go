package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleRootURLHost: the Application Root URL is on the host of the client's
// redirect URIs and of the application's own addresses the methods give.
const RuleRootURLHost = "root-url-host"

var _ = register(Rule{
	Name:     RuleRootURLHost,
	Severity: SeverityError,
	Doc:      "the Application Root URL's host is the host of the client's redirect URIs (loopback and custom schemes aside); a setting of the application's own address on another host is a warning",
	Example:  "Application Root URL `https://wiki.example.com/` beside `redirect_uris: ['https://wikijs.example.com/login/callback']`",
	Phase:    PhaseText,
	Run:      textRule(checkRootURLHost),
})

func checkRootURLHost(s *Source) []Finding {
	u, a, err := s.ApplicationRootURL()
	if err != nil || placeholder(a.Value) {
		return nil
	}
	root := strings.ToLower(u.Hostname())
	var out []Finding
	if c, ok := theClient(s.Guide, s.clients()); ok {
		out = append(out, s.redirectHosts(root, a, c)...)
	}
	out = append(out, s.ownAddresses(root, a)...)
	return out
}

// redirectHosts: the client's redirect URIs on the web (not the reader's
// machine, not an app's custom scheme) are on the Application Root URL's
// host. The client is authoritative for its redirect URIs: when they all
// agree on another host, the Root URL is what to change.
func (s *Source) redirectHosts(root string, a guide.Assumption, c guide.YAMLClient) []Finding {
	var web, other []guide.LineValue
	hosts := map[string]bool{}
	for _, r := range c.Redirects {
		h := webHost(r.Value)
		if h == "" || loopback(h) {
			continue
		}
		web = append(web, r)
		if h != root {
			other = append(other, r)
			hosts[h] = true
		}
	}
	if len(other) == 0 {
		return nil
	}
	if len(other) == len(web) {
		var list []string
		for h := range hosts {
			list = append(list, h)
		}
		slices.Sort(list)
		f := Finding{Line: a.Line, Severity: SeverityError, Rule: RuleRootURLHost}
		if len(list) == 1 {
			f.Message = fmt.Sprintf("the Application Root URL %q is on host %s, but the client's redirect URIs (line %d) are on %s: change the Root URL's host to %s",
				a.Value, root, other[0].Line, list[0], list[0])
			r := other[0]
			if from, to := origin(a.Value), origin(r.Value); from != "" && to != "" && webHost(a.Value) != "" {
				if raw := s.RawValue(r.Line, to); raw != "" {
					f.Fix = s.fixValue(a.Line, from, raw)
				}
			}
		} else {
			f.Message = fmt.Sprintf("the Application Root URL %q is on host %s, but the client's redirect URIs (line %d) are on %s: change the Root URL, or the redirect URIs to one host",
				a.Value, root, other[0].Line, strings.Join(list, " and "))
		}
		return []Finding{f}
	}
	var out []Finding
	for _, r := range other {
		out = append(out, Finding{Line: r.Line, Severity: SeverityError, Rule: RuleRootURLHost,
			Message: fmt.Sprintf("the redirect URI %q is on host %s, but the Application Root URL (line %d) and the client's other redirect URIs are on %s: change line %d (or the Root URL)",
				r.Value, webHost(r.Value), a.Line, root, r.Line)})
	}
	return out
}

// ownAddressWords end the name of a setting that is the application's own
// address: its base URL, public URL, origin.
var ownAddressWords = []string{"origin", "origins", "baseurl", "rooturl", "publicurl", "externalurl",
	"appurl", "applicationurl", "siteurl", "instanceurl", "weburl", "frontendurl", "publicorigin"}

// providerWords in a setting's name make it the provider's, not the
// application's (SSO_OIDC_BASE_URL is Authelia's).
var providerWords = []string{"oidc", "oauth", "oauth2", "openid", "sso", "op", "provider", "issuer", "idp",
	"authelia", "authority", "auth", "discovery", "jwks", "token", "userinfo", "authorization", "saml", "cas",
	"logout", "redirect", "callback", "icon", "logo", "image", "avatar", "smtp", "mail", "db", "database",
	"redis", "postgres", "mysql", "s3", "webhook", "proxy", "upstream", "api"}

// ownAddresses: a method's setting of the application's own address (its
// base URL, its trusted origin) on another host than the Application Root
// URL's. What a setting is depends on the application: a warning.
func (s *Source) ownAddresses(root string, a guide.Assumption) []Finding {
	authHost := ""
	if au, _, err := s.AutheliaRootURL(); err == nil {
		authHost = strings.ToLower(au.Hostname())
	}
	var out []Finding
	for _, v := range s.methodViews() {
		if v.m.Kind == guide.MethodSteps {
			continue // a form's labels say too little ("URL", "Authority")
		}
		for _, e := range v.entries {
			if !e.comparable || e.meaning != meaningNone || !ownAddress(e.words) {
				continue
			}
			for _, val := range strings.FieldsFunc(e.value, func(r rune) bool { return r == ',' || r == ' ' }) {
				h := webHost(val)
				if h == "" || h == root || loopback(h) {
					continue
				}
				whose := "host " + h
				if h == authHost {
					whose = "Authelia's host (the Authelia Root URL)"
				}
				out = append(out, Finding{Line: e.line, Severity: SeverityWarning, Rule: RuleRootURLHost, Method: e.method,
					Message: fmt.Sprintf("%s is %q, on %s, but the Application Root URL (line %d) is on %s: if it is the application's own address, set it to %s",
						e.what, val, whose, a.Line, root, origin(a.Value))})
				break
			}
		}
	}
	return out
}

// ownAddress: the name's last words say the application's own address, and
// none of its words says the provider's.
func ownAddress(words []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if slices.Contains(providerWords, w) {
			return false
		}
	}
	for _, s := range ownAddressWords {
		if tailOf(words, s) {
			return true
		}
	}
	return false
}
