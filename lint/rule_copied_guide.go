package lint

import (
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// RuleCopiedGuide: a guide copied from another guide and left unfinished,
// still pointing at the other guide's product or setting its variables.
const RuleCopiedGuide = "copied-guide"

var _ = register(Rule{
	Name:     RuleCopiedGuide,
	Severity: SeverityError,
	Doc:      "a guide copied from another and left unfinished: its product's link or a See Also link on another guide's product's site, a link of another guide with only the product's name replaced, a block of another guide's application's variables",
	Example:  "`[Envoy Gateway]: https://www.espocrm.com/` (the EspoCRM guide's site); `GF_AUTH_GENERIC_OAUTH_ENABLED=true` (Grafana's) in the RomM guide",
	Phase:    PhaseText,
	Run:      textRule(checkCopiedGuide),
})

// commonPrefixes name no application: many guides' applications use them.
var commonPrefixes = map[string]bool{
	"OIDC_": true, "OAUTH_": true, "OAUTH2_": true, "OPENID_": true, "AUTH_": true, "SSO_": true, "GENERIC_": true,
	"AUTHELIA_": true, "APP_": true, "SERVER_": true, "SECURITY_": true, "PROXY_": true, "ENABLE_": true, "DISABLE_": true,
	"ALLOW_": true, "PUBLIC_": true, "TOKEN_": true, "WEB_": true, "API_": true, "SOCIAL_": true, "LOGIN_": true,
	"DB_": true, "DATABASE_": true, "REDIS_": true, "SMTP_": true, "HTTP_": true, "BASE_": true, "ROOT_": true,
}

func checkCopiedGuide(s *Source) []Finding {
	idx := s.siblingIndex()
	if idx == nil || len(idx.guides) == 0 {
		return nil
	}
	folder := path.Base(path.Dir(filepath.ToSlash(s.Path)))
	own, _ := s.productNames()
	if len(own) == 0 {
		return nil
	}
	// The guide itself, and a guide of the same product (a second one of
	// it), are no other.
	other := func(g *siblingGuide) bool {
		return g.folder != folder && !slices.ContainsFunc(g.names, func(n string) bool { return namesWord(n, own) })
	}
	ownSite, _ := siteOf(s.productLink())
	c := copies{idx: idx, other: other, own: own, ownSite: ownSite}
	var out []Finding
	reported := map[int]bool{}
	report := func(f Finding) {
		if !reported[f.Line] {
			reported[f.Line] = true
			out = append(out, f)
		}
	}
	seeAlso := s.seeAlsoLines()
	usedInSeeAlso := map[string]bool{}
	for _, l := range s.links() {
		if !l.Def && seeAlso(l.Line) {
			usedInSeeAlso[strings.ToLower(l.Text)] = true
		}
	}
	usedInGuide := map[string]bool{} // the labels of the reference links it uses
	for n := 1; n <= len(s.Rendered); n++ {
		if !strings.Contains(s.Rendered[n-1], "[") {
			continue
		}
		l := s.proseLine(n)
		if l == "" || refDefRe.MatchString(l) {
			continue
		}
		for _, re := range []*regexp.Regexp{refUseRe, fullRefRe} {
			for _, m := range re.FindAllStringSubmatch(l, -1) {
				usedInGuide[strings.ToLower(m[1])] = true
				if seeAlso(n) {
					usedInSeeAlso[strings.ToLower(m[1])] = true
				}
			}
		}
	}
	for _, l := range s.links() {
		site, word := siteOf(l.Dest)
		if site == "" {
			continue
		}
		product := l.Def && s.Title != "" && strings.EqualFold(l.Text, s.Title)
		if product || !l.Def && seeAlso(l.Line) || l.Def && usedInSeeAlso[strings.ToLower(l.Text)] {
			if g := c.siteGuide(site); g != nil && !namesWord(word, own) {
				what := "a See Also link"
				if product {
					what = fmt.Sprintf("the link of %s, this guide's product,", s.productLabel())
				}
				report(Finding{Line: l.Line, Severity: SeverityError, Rule: RuleCopiedGuide,
					Message: fmt.Sprintf("%s goes to %s, the site of %s (the host of the %s guide's [%s] link): a link left from the guide this one was copied from; give %s's own",
						what, hostOf(l.Dest), g.title, g.folder, g.title, s.productLabel())})
				continue
			}
		}
		if f, ok := s.renamedLink(l, c, usedInGuide); ok {
			report(f)
		}
	}
	for _, f := range s.copiedVars(c) {
		report(f)
	}
	SortFindings(out)
	return out
}

// copies is what a guide is compared with: the index of its tree, which
// of its guides are another's, and this guide's names.
type copies struct {
	idx     *siblingIndex
	other   func(*siblingGuide) bool
	own     []string
	ownSite string // the site of this guide's product's link
}

// only is the one guide of gs that is another's; nil when none or several.
func (c copies) only(gs []*siblingGuide) *siblingGuide {
	var one *siblingGuide
	for _, g := range gs {
		if c.other(g) {
			if one != nil {
				return nil
			}
			one = g
		}
	}
	return one
}

// siteGuide is the other guide whose product's site is site, when only
// one's is.
func (c copies) siteGuide(site string) *siblingGuide { return c.only(c.idx.bySite[site]) }

// seeAlsoLines says whether a line lies in the See Also section.
func (s *Source) seeAlsoLines() func(int) bool {
	from, to := 0, 0
	for n := 1; n <= len(s.Raw); n++ {
		t := strings.TrimSpace(s.RawLine(n))
		if !strings.HasPrefix(t, "#") || s.inFence(n) {
			continue
		}
		level := len(t) - len(strings.TrimLeft(t, "#"))
		title := strings.TrimSpace(strings.TrimLeft(t, "#"))
		if from > 0 && to == 0 && level <= 2 {
			to = n
		}
		if strings.EqualFold(title, "See Also") {
			from, to = n, 0
		}
	}
	if to == 0 {
		to = len(s.Raw) + 1
	}
	return func(n int) bool { return from > 0 && n > from && n < to }
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// renamedLink: the link is a sibling's but for one label of its host,
// where the sibling's name stood and this guide's name stands
// (support.1password.com/x → support.bitwarden.com/x): a page of one
// copied into the other with a search and replace of the product's name.
// An error when this guide is the copy: its link is off its product's site
// while the sibling's is on its own; a warning when the sibling uses the
// link and this guide only defines it (a leftover that renders nothing);
// no finding when the sibling is the copy; a warning when nothing tells
// which of the two is.
func (s *Source) renamedLink(l linkDest, c copies, used map[string]bool) (Finding, bool) {
	u, err := url.Parse(l.Dest)
	if err != nil || u.Host == "" {
		return Finding{}, false
	}
	key := pageKey(u)
	if key == "" {
		return Finding{}, false
	}
	labels := strings.Split(strings.ToLower(u.Hostname()), ".")
	ownSite := c.ownSite
	mine, _ := siteOf(l.Dest)
	unused := l.Def && !used[strings.ToLower(l.Text)]
	for _, k := range c.idx.byPage[key] {
		g, theirs := k.g, k.labels
		if !c.other(g) || len(theirs) != len(labels) {
			continue
		}
		diff := -1
		for i := range labels {
			if labels[i] != theirs[i] {
				if diff != -1 {
					diff = -2
					break
				}
				diff = i
			}
		}
		if diff < 0 || !namesWord(theirs[diff], g.names) || !namesWord(labels[diff], c.own) {
			continue
		}
		theirSite, _ := siteOf(g.product)
		sev := SeverityWarning
		switch {
		case unused && !k.link.unused:
			sev = SeverityNotice // a leftover: said as a warning below
		case k.link.unused && !unused:
			continue // the sibling's is the leftover
		case k.site == theirSite && mine != ownSite:
			sev = SeverityError
		case mine == ownSite && k.site != theirSite:
			continue // the sibling is the copy
		}
		f := Finding{Line: l.Line, Severity: sev, Rule: RuleCopiedGuide}
		switch sev {
		case SeverityNotice:
			f.Severity = SeverityWarning
			f.Message = fmt.Sprintf("[%s]: %s is the %s guide's link %s with %s's name put in its host, a definition this guide never uses: left from the guide it was copied from (it renders nothing); remove it",
				l.Text, l.Dest, g.folder, k.link.dest, s.productLabel())
		case SeverityWarning:
			f.Message = fmt.Sprintf("%s is the %s guide's link %s with %s's name put in its host: one of the two guides was copied from the other with a search and replace of the product's name, and its page likely does not exist; make sure this one is %s's own page",
				l.Dest, g.folder, k.link.dest, s.productLabel(), s.productLabel())
		default:
			f.Message = fmt.Sprintf("%s is the %s guide's link %s with %s's name put in its host: a page of %s copied with a search and replace, not %s's; give %s's own page",
				l.Dest, g.folder, k.link.dest, s.productLabel(), g.title, s.productLabel(), s.productLabel())
		}
		return f, true
	}
	return Finding{}, false
}

// productLink is the destination of the guide's [<title>]: … definition.
func (s *Source) productLink() string {
	for _, l := range s.links() {
		if l.Def && s.Title != "" && strings.EqualFold(l.Text, s.Title) {
			return l.Dest
		}
	}
	return ""
}

// copiedVars are the blocks setting variables with the prefix of another
// guide's application: a prefix that abbreviates that application's name,
// that its guide uses for three variables at least and no other guide
// uses, and that does not abbreviate this guide's application. At the
// block's first such variable.
func (s *Source) copiedVars(c copies) []Finding {
	owner := func(p string) *siblingGuide {
		g := c.only(c.idx.byPrefix[p])
		if g == nil || g.vars[p] < 3 || commonPrefixes[p] || !abbreviates(p, g.names) || abbreviates(p, c.own) {
			return nil
		}
		return g
	}
	var out []Finding
	for _, f := range s.Blocks {
		first := map[string]int{}
		count := map[string]int{}
		var order []string
		for i, l := range strings.Split(f.Text, "\n") {
			if t := strings.TrimPrefix(strings.TrimLeft(l, " \t-\"'"), "export "); t == "" || t[0] < 'A' || t[0] > 'Z' || !strings.Contains(t, "_") {
				continue
			}
			m := varLineRe.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			p := m[1]
			if _, ok := first[p]; !ok {
				first[p] = f.Line + i
				order = append(order, p)
			}
			count[p]++
		}
		for _, p := range order {
			if count[p] < 2 {
				continue
			}
			g := owner(p)
			if g == nil {
				continue
			}
			out = append(out, Finding{Line: first[p], Severity: SeverityError, Rule: RuleCopiedGuide,
				Message: fmt.Sprintf("%s is the prefix of %s's variables (%s guide): this block sets %d of them, settings %s does not read, left from the guide this one was copied from",
					p, g.title, g.folder, count[p], s.productLabel())})
		}
	}
	return out
}
