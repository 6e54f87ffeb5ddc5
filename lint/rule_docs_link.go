package lint

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// RuleDocsLink: a relative link into the docs site that cannot resolve.
const RuleDocsLink = "docs-link"

// docs-link: a guide is docs/content/integration/openid-connect/clients/
// <guide>/index.md of Authelia's repository, and its relative links resolve
// from that folder. Inside a real checkout (a docs/content folder above the
// guide) the target must exist; elsewhere the link must stay inside
// content/ and name sections the docs have (docsLayout).
var _ = register(Rule{
	Name:     RuleDocsLink,
	Severity: SeverityError,
	Doc:      "a relative link into the docs site resolves outside content/ or to a section the docs do not have",
	Example:  "`../../../configuration/identity-providers/openid-connect/clients.md` (integration/configuration/…) from a guide's folder",
	Phase:    PhaseText,
	Run:      textRule(checkDocsLinks),
})

// guideDir is where a client guide stands under docs/content; until July
// 2025 (authelia/authelia f7a955367) the guides stood one level up, in
// oldGuideDir, beside the pages of openid-connect/. A moved guide keeps
// its old address as an alias.
var (
	guideDir    = []string{"integration", "openid-connect", "clients"}
	oldGuideDir = []string{"integration", "openid-connect"}
)

// docsLayout is the part of the docs' content tree a guide's links reach,
// read from authelia/authelia's docs/content (2026-08, `git ls-tree`): the
// sections under content/, under content/integration/ and the pages of
// content/integration/openid-connect/, whose clients/ section holds only
// the guides' folders. Deeper levels are not checked without a checkout.
var docsLayout = map[string][]string{
	"": {"blog", "configuration", "contributing", "contributors", "information", "integration", "overview",
		"policies", "reference", "roadmap"},
	"integration": {"deployment", "guides", "kubernetes", "ldap", "openid-connect", "prologue", "proxies",
		"trusted-header-sso"},
	"integration/openid-connect": {"clients", "frequently-asked-questions", "introduction",
		"oauth-2.0-bearer-token-usage", "openid-connect-1.0-claims"},
}

// docsPath is a link's path without its fragment or query; "" for what is
// not a relative link into the site (an anchor, a URL, mailto:, a shortcode).
func docsPath(dest string) string {
	if i := strings.IndexAny(dest, "#?"); i >= 0 {
		dest = dest[:i]
	}
	if strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") || strings.Contains(dest, "{{") {
		return ""
	}
	return dest
}

// linkProblem says why a link from the guide's folder (under dir) cannot
// resolve ("" when it can).
func linkProblem(dir []string, name, dest, checkout string) string {
	target, ok := resolveDocs(dir, name, dest)
	switch {
	case !ok:
		return "resolves outside the docs' content/ folder"
	case checkout != "" && sectionThere(checkout, target):
		switch {
		case docsTargetExists(checkout, target):
			return ""
		case parentThere(checkout, target):
			return fmt.Sprintf("resolves to content/%s, which the docs do not have", target)
		}
		// A folder on the way is missing: a partial copy may lack it, the
		// docs' layout says whether it can be there.
	}
	return layoutProblem(dir, target)
}

// oldPlace: a guide outside a checkout, not in a clients/ folder, with no
// alias saying it moved,
// whose links fail less often from where the guides stood before July
// 2025 than from where they stand now, is read as standing there: its links
// were written for it. Its failing links are reported from there, as
// strictly as from the current place.
func oldPlace(s *Source, name string) bool {
	if abs, err := filepath.Abs(s.Path); err == nil && filepath.Base(filepath.Dir(filepath.Dir(abs))) == guideDir[len(guideDir)-1] {
		return false // it stands in a clients/ folder: the current place
	}
	for _, l := range s.Raw {
		if strings.Contains(l, "/"+strings.Join(oldGuideDir, "/")+"/"+name+"/") {
			return false // aliases: ['/integration/openid-connect/<name>/']
		}
	}
	any, failOld, failNew := false, 0, 0
	for _, l := range s.links() {
		if dest := docsPath(l.Dest); dest != "" {
			any = true
			if linkProblem(oldGuideDir, name, dest, "") != "" {
				failOld++
			}
			if linkProblem(guideDir, name, dest, "") != "" {
				failNew++
			}
		}
	}
	return any && failOld < failNew
}

func checkDocsLinks(s *Source) []Finding {
	checkout, name := docsCheckout(s.Path)
	dir := guideDir
	if d, n, ok := pageDir(s.Path); ok {
		// The path says where the page stands (a checkout, or git's path
		// in a replay of the docs' history).
		if n == "" {
			return nil // a page, not a bundle: its links' base depends on the link renderer
		}
		dir, name = d, n
	} else if checkout == "" && oldPlace(s, name) {
		dir = oldGuideDir
	}
	var out []Finding
	for _, l := range s.links() {
		dest := docsPath(l.Dest)
		if dest == "" {
			continue
		}
		why := linkProblem(dir, name, dest, checkout)
		if why == "" {
			continue
		}
		f := Finding{Line: l.Line, Severity: SeverityError, Rule: RuleDocsLink}
		msg := fmt.Sprintf("the link %s %s (it resolves from content/%s/%s/)", l.Dest, why, strings.Join(dir, "/"), name)
		if fixed := fixDocsLink(dir, name, dest, checkout); fixed != "" {
			repl := fixed + strings.TrimPrefix(l.Dest, dest)
			msg += "; write " + repl
			if raw := s.RawLine(l.Line); strings.Count(raw, l.Dest) == 1 {
				i := strings.Index(raw, l.Dest)
				f.Fix = &Fix{Line: l.Line, Old: raw, New: raw[:i] + repl + raw[i+len(l.Dest):]}
			}
		}
		f.Message = msg
		out = append(out, f)
	}
	return out
}

// pageDir reads where a guide stands from its path when the path holds the
// docs' content/ folder (docs/content/integration/openid-connect/x/index.md):
// the folders above the bundle and its name, or an empty name for a page
// that is not a bundle.
func pageDir(p string) (dir []string, name string, ok bool) {
	p = filepath.ToSlash(p)
	i := strings.LastIndex(p, "docs/content/")
	if i < 0 || (i > 0 && p[i-1] != '/') {
		return nil, "", false
	}
	parts := strings.Split(p[i+len("docs/content/"):], "/")
	if len(parts) < 2 || parts[len(parts)-1] != "index.md" {
		return parts[:len(parts)-1], "", true
	}
	return parts[:len(parts)-2], parts[len(parts)-2], true
}

// docsCheckout is the docs/content folder the guide stands in ("" when
// none) and the guide's name: its folder's name for an index.md.
func docsCheckout(p string) (content, name string) {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	dir := filepath.Dir(abs)
	name = filepath.Base(dir)
	if filepath.Base(abs) != "index.md" {
		name = strings.TrimSuffix(filepath.Base(abs), filepath.Ext(abs))
	}
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if filepath.Base(d) == "content" && filepath.Base(filepath.Dir(d)) == "docs" {
			if st, err := os.Stat(d); err == nil && st.IsDir() {
				return d, name
			}
		}
	}
	return "", name
}

// resolveDocs is the link's target under content/ (false when it leaves
// content/), resolved from the guide's folder; "/x" is from the site root.
func resolveDocs(dir []string, name, dest string) (string, bool) {
	var parts []string
	if !strings.HasPrefix(dest, "/") {
		parts = append(slices.Clone(dir), name)
	}
	for _, seg := range strings.Split(dest, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(parts) == 0 {
				return "", false
			}
			parts = parts[:len(parts)-1]
		default:
			parts = append(parts, seg)
		}
	}
	return strings.Join(parts, "/"), true
}

// layoutProblem says what of docsLayout the target misses ("" when
// nothing): a section a known level does not have, or a page directly in
// the clients/ section, which holds only guides' folders.
func layoutProblem(dir []string, target string) string {
	parts := strings.Split(target, "/")
	for i, p := range parts {
		parent := strings.Join(parts[:i], "/")
		oldGuides := parent == strings.Join(oldGuideDir, "/") && slices.Equal(dir, oldGuideDir) &&
			!slices.Contains(docsLayout[parent], strings.TrimSuffix(p, ".md"))
		if oldGuides || parent == strings.Join(guideDir, "/") {
			if i == len(parts)-1 && p != "_index.md" && strings.HasSuffix(p, ".md") && !oldGuides {
				return fmt.Sprintf("resolves to content/%s, a page in clients/, which holds only the guides' folders", target)
			}
			return inGuideFolder(parts[i:], target)
		}
		known, ok := docsLayout[parent]
		if !ok {
			return ""
		}
		if p == "_index.md" || slices.Contains(known, strings.TrimSuffix(p, ".md")) {
			continue
		}
		where := "content/"
		if parent != "" {
			where += parent + "/"
		}
		return fmt.Sprintf("resolves to content/%s, but %s has no %s", target, where, p)
	}
	return ""
}

// inGuideFolder: the rest of a target under a guide's folder (its name
// first) is the guide itself or a file beside it: a guide's folder holds
// its index.md and its images, no other page.
func inGuideFolder(rest []string, target string) string {
	if len(rest) < 2 || rest[1] == "" {
		return ""
	}
	if len(rest) > 2 || (strings.HasSuffix(rest[1], ".md") && rest[1] != "index.md") {
		return fmt.Sprintf("resolves to content/%s, but a guide's folder (%s/) holds only its index.md and images", target, rest[0])
	}
	return ""
}

// sectionThere: the checkout holds the target's top section, so a missing
// target is missing from the docs, not from a partial copy of them (a tree
// of the clients alone under docs/content/…).
func sectionThere(content, target string) bool {
	top, _, _ := strings.Cut(target, "/")
	st, err := os.Stat(filepath.Join(content, top))
	return err == nil && st.IsDir()
}

// parentThere: the folder the target would stand in is in the checkout.
func parentThere(content, target string) bool {
	st, err := os.Stat(filepath.Join(content, filepath.FromSlash(path.Dir(strings.TrimSuffix(target, "/")))))
	return err == nil && st.IsDir()
}

// docsTargetExists looks the target up in a checkout: a file, a page
// (x.md for x, x/), or a section (x/_index.md, x/index.md).
func docsTargetExists(content, target string) bool {
	p := filepath.Join(content, filepath.FromSlash(target))
	for _, c := range []string{p, p + ".md", strings.TrimSuffix(p, string(filepath.Separator)) + ".md",
		filepath.Join(p, "_index.md"), filepath.Join(p, "index.md")} {
		if _, err := os.Stat(c); err == nil {
			return true
		}
	}
	return false
}

// fixDocsLink rewrites a broken link to the one place its path names: the
// path after its leading ./ and ../, read from the first level of the docs
// that has its first section; "" when none or several do.
func fixDocsLink(dir []string, name, dest, checkout string) string {
	segs := strings.Split(dest, "/")
	i := 0
	for i < len(segs) && (segs[i] == "." || segs[i] == ".." || segs[i] == "") {
		i++
	}
	if i == len(segs) {
		return ""
	}
	rest := segs[i:]
	var found []string
	for _, base := range []string{"", "integration", "integration/openid-connect"} {
		if !slices.Contains(docsLayout[base], strings.TrimSuffix(rest[0], ".md")) {
			continue
		}
		target := path.Join(base, strings.Join(rest, "/"))
		if checkout != "" && sectionThere(checkout, target) && !docsTargetExists(checkout, target) {
			continue
		}
		found = append(found, target)
	}
	if len(found) != 1 {
		return ""
	}
	from := append(slices.Clone(dir), name)
	to := strings.Split(found[0], "/")
	common := 0
	for common < len(from) && common < len(to)-1 && from[common] == to[common] {
		common++
	}
	rel := strings.Repeat("../", len(from)-common) + strings.Join(to[common:], "/")
	if strings.HasSuffix(dest, "/") && !strings.HasSuffix(rel, "/") {
		rel += "/"
	}
	if rel == dest {
		return ""
	}
	return rel
}
