package lint

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
)

// siblingGuide is what a rule reads of another guide of the tree a guide
// stands in, read quickly (no guide.Read): its names, the link its product's
// label defines, every link it gives, and its variables' prefixes.
type siblingGuide struct {
	folder  string         // its folder's name: "grafana"
	title   string         // its front matter's title: "Grafana"
	names   []string       // squashed: the folder's name, the title
	product string         // the destination of [<title>]: …, its product's site
	links   []siblingLink  // every http(s) destination it gives
	vars    map[string]int // a variable's prefix ("GF_") → how many variables it names
	front   []frontKey     // its front matter's keys and values (nil when it has none)
}

// siblingLink is a link of a sibling: its destination, and for a
// definition its label and whether the guide uses it.
type siblingLink struct {
	dest   string
	label  string // a definition's ([label]: dest); "" for an inline link
	unused bool   // a definition the guide never refers to
}

// siblingIndex is the guides of one tree, and what a rule looks up in them.
type siblingIndex struct {
	frontOnce sync.Once
	front     frontUse // what all of them do with their front matter's keys (front-matter)

	guides   []*siblingGuide
	bySite   map[string][]*siblingGuide // the site of a product that names it → its guides
	byPage   map[string][]pageLink      // a page's path and query → the guides' links to it
	byPrefix map[string][]*siblingGuide // a variable's prefix → the guides that use it
}

// pageLink is a sibling's link to a page of a site.
type pageLink struct {
	g      *siblingGuide
	link   siblingLink
	labels []string // its host's labels, in lower case
	site   string   // siteOf its destination
}

// pageKey is what names a page of some site: its path and query; "" for a
// home page.
func pageKey(u *url.URL) string {
	if len(pagePath(u.Path)) < 6 {
		return ""
	}
	return u.Path + "?" + u.RawQuery
}

// pagePath is a URL's path without its slashes and an index page's name:
// what names a page of a site, "" for its home page.
func pagePath(p string) string {
	p = strings.Trim(p, "/")
	for _, index := range []string{"index.html", "index.htm", "index.php"} {
		p = strings.TrimSuffix(p, index)
	}
	return strings.Trim(p, "/")
}

// lookups fills the index's maps.
func (idx *siblingIndex) lookups() {
	idx.bySite = map[string][]*siblingGuide{}
	idx.byPage = map[string][]pageLink{}
	idx.byPrefix = map[string][]*siblingGuide{}
	for _, g := range idx.guides {
		if site, word := siteOf(g.product); site != "" && namesWord(word, g.names) {
			idx.bySite[site] = append(idx.bySite[site], g)
		}
		for _, k := range g.links {
			u, err := url.Parse(k.dest)
			if err != nil || u.Host == "" {
				continue
			}
			if key := pageKey(u); key != "" {
				site, _ := siteOf(k.dest)
				idx.byPage[key] = append(idx.byPage[key], pageLink{g: g, link: k, labels: strings.Split(strings.ToLower(u.Hostname()), "."), site: site})
			}
		}
		for p := range g.vars {
			idx.byPrefix[p] = append(idx.byPrefix[p], g)
		}
	}
}

// siblingIndexes caches the index of each tree: key {fs.FS, folder}.
var siblingIndexes sync.Map

type siblingKey struct {
	fsys fs.FS
	dir  string
}

// siblingIndex is the index of the guides beside this one: the folders of
// its guide's grandparent holding an index.md (Authelia's
// …/openid-connect/clients/<app>/index.md, …/openid-connect/<app>/index.md
// before July 2025). Read through the repository's tree when the guide's
// path is in it (a commit's tree), else from the disk. nil for a guide that
// is no index.md.
func (s *Source) siblingIndex() *siblingIndex {
	if s == nil || path.Base(filepath.ToSlash(s.Path)) != "index.md" {
		return nil
	}
	p := filepath.ToSlash(s.Path)
	parent := path.Dir(path.Dir(p))
	var key siblingKey
	if s.tree != nil && fs.ValidPath(p) && comparable(s.tree) {
		if _, err := fs.Stat(s.tree, p); err == nil {
			key = siblingKey{s.tree, parent}
		}
	}
	if key.fsys == nil {
		abs := absDir(filepath.Dir(filepath.Dir(s.Path)))
		if abs == "" {
			return nil
		}
		key = siblingKey{dir: abs}
	}
	if v, ok := siblingIndexes.Load(key); ok {
		return v.(*siblingIndex)
	}
	fsys, dir := key.fsys, key.dir
	if fsys == nil {
		fsys, dir = os.DirFS(key.dir), "."
	}
	idx := readSiblings(fsys, dir)
	v, _ := siblingIndexes.LoadOrStore(key, idx)
	return v.(*siblingIndex)
}

var absDirs sync.Map // folder as given → absolute

// absDir is filepath.Abs of a folder, once per folder ("" when none).
func absDir(d string) string {
	if v, ok := absDirs.Load(d); ok {
		return v.(string)
	}
	abs, err := filepath.Abs(d)
	if err != nil {
		abs = ""
	}
	absDirs.Store(d, abs)
	return abs
}

// comparable: an fs.FS a map can be keyed by (a map-backed one cannot).
func comparable(f fs.FS) bool { return reflect.TypeOf(f).Comparable() }

// siblingFolders caches a sibling read from a commit's tree by its
// folder's object id: a history lists the tree of each commit, but reads
// only the guides that changed.
var siblingFolders sync.Map // object id → *siblingGuide (nil: no guide)

func readSiblings(fsys fs.FS, dir string) *siblingIndex {
	idx := &siblingIndex{}
	defer idx.lookups()
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return idx
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		var id string
		if info, err := e.Info(); err == nil {
			id, _ = info.Sys().(string)
		}
		if id != "" {
			if v, ok := siblingFolders.Load(id); ok {
				if g, _ := v.(*siblingGuide); g != nil {
					c := *g
					c.folder = e.Name()
					c.names = siblingNames(c.folder, c.title)
					idx.guides = append(idx.guides, &c)
				}
				continue
			}
		}
		var g *siblingGuide
		if src, err := fs.ReadFile(fsys, path.Join(dir, e.Name(), "index.md")); err == nil {
			g = scanSibling(e.Name(), string(src))
			idx.guides = append(idx.guides, g)
		}
		if id != "" {
			siblingFolders.Store(id, g)
		}
	}
	return idx
}

var (
	httpRe    = regexp.MustCompile(`https?://[^\s)>"'\]]+`)
	varLineRe = regexp.MustCompile(`^\s*(?:-\s*)?(?:export\s+)?["']?([A-Z][A-Z0-9]*_)[A-Z0-9_]*["']?\s*[=:]`)
)

// scanSibling reads what the index holds of a guide, line by line.
func scanSibling(folder, src string) *siblingGuide {
	g := &siblingGuide{folder: folder, vars: map[string]int{}, front: frontMatter(strings.SplitN(src, "\n", 80))}
	body := src
	if strings.HasPrefix(src, "---") {
		if end := strings.Index(src[3:], "\n---"); end >= 0 {
			body = src[end+3:]
		}
	}
	for _, k := range g.front {
		if k.key == "title" {
			g.title = k.value
		}
	}
	g.names = siblingNames(folder, g.title)
	seen := map[string]bool{}
	used := map[string]bool{}
	fence := false
	for _, l := range strings.Split(body, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if fence {
			if m := varLineRe.FindStringSubmatch(l); m != nil {
				name := strings.TrimLeft(strings.TrimSpace(l), "- \"'")
				name = strings.TrimPrefix(name, "export ")
				name = name[:strings.IndexAny(name, "=:\"' ")]
				if !seen[name] {
					seen[name] = true
					g.vars[m[1]]++
				}
			}
			continue
		}
		if m := refDefRe.FindStringSubmatch(l); m != nil {
			dest := strings.Trim(m[2], "<>")
			if g.title != "" && strings.EqualFold(m[1], g.title) {
				g.product = dest
			}
			if httpRe.MatchString(dest) {
				g.links = append(g.links, siblingLink{dest: dest, label: m[1]})
			}
			continue
		}
		for _, m := range refUseRe.FindAllStringSubmatch(l, -1) {
			used[strings.ToLower(m[1])] = true
		}
		for _, m := range fullRefRe.FindAllStringSubmatch(l, -1) {
			used[strings.ToLower(m[1])] = true
		}
		for _, d := range httpRe.FindAllString(l, -1) {
			g.links = append(g.links, siblingLink{dest: d})
		}
	}
	for i, k := range g.links {
		g.links[i].unused = k.label != "" && !used[strings.ToLower(k.label)]
	}
	return g
}

// refUseRe is a reference link's use, [label] not followed by ( or :;
// fullRefRe the label of [text][label].
var (
	refUseRe  = regexp.MustCompile(`\[([^\]]+)\](?:[^(:\[]|$)`)
	fullRefRe = regexp.MustCompile(`\][ ]?\[([^\]]+)\]`)
)

func siblingNames(folder, title string) []string {
	var out []string
	for _, n := range []string{folder, title} {
		if n = squash(n); len(n) >= 2 && n != "authelia" {
			out = append(out, n)
		}
	}
	return out
}

// siteOf is a URL's site: its registrable domain ("espocrm.com" for
// docs.espocrm.com), or, on a forge or a shared host, the domain and the
// owner ("github.com/grafana", "foo.github.io"); and the site's own word
// ("espocrm", "grafana", "foo"). "" when it is no http(s) URL.
func siteOf(raw string) (site, word string) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", ""
	}
	host := strings.ToLower(u.Hostname())
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return "", ""
	}
	n := 2
	second := labels[len(labels)-2]
	if len(labels[len(labels)-1]) == 2 && (second == "co" || second == "com" || second == "org" || second == "net" || second == "ac" || second == "gov" || second == "edu") {
		n = 3
	}
	if sharedHosts[strings.Join(labels[len(labels)-2:], ".")] {
		n = 3
	}
	if n > len(labels) {
		return "", ""
	}
	site = strings.Join(labels[len(labels)-n:], ".")
	word = labels[len(labels)-n]
	if forges[site] {
		owner, _, _ := strings.Cut(strings.Trim(u.Path, "/"), "/")
		if owner == "" {
			return "", ""
		}
		owner = strings.ToLower(owner)
		return site + "/" + owner, owner
	}
	return site, word
}

// forges host many projects under one domain: a project's site is its
// owner's.
var forges = map[string]bool{"github.com": true, "gitlab.com": true, "codeberg.org": true, "bitbucket.org": true, "sourceforge.net": true, "hub.docker.com": true, "docker.com": true}

// sharedHosts give each project a subdomain.
var sharedHosts = map[string]bool{"github.io": true, "gitlab.io": true, "readthedocs.io": true, "readthedocs.org": true, "netlify.app": true, "pages.dev": true, "vercel.app": true, "gitbook.io": true, "herokuapp.com": true}

// namesWord: the word (a site's, a prefix's) is one of names, or one
// holds the other (four letters at least).
func namesWord(word string, names []string) bool {
	w := squash(word)
	for _, n := range names {
		if w == n || len(w) >= 4 && len(n) >= 4 && (strings.Contains(n, w) || strings.Contains(w, n)) {
			return true
		}
	}
	return false
}

// abbreviates: the letters of p, the first first, are in that order in
// one of names ("gf" in "grafana", "ebk" in "ezbookkeeping").
func abbreviates(p string, names []string) bool {
	p = squash(p)
	if len(p) < 2 {
		return false
	}
	for _, n := range names {
		if n == "" || n[0] != p[0] {
			continue
		}
		i := 0
		for j := 0; j < len(n) && i < len(p); j++ {
			if n[j] == p[i] {
				i++
			}
		}
		if i == len(p) {
			return true
		}
	}
	return false
}
