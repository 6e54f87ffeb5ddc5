package lint

import (
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// RuleFrontMatter: front matter the docs' layout reads, left empty or
// written wrongly.
const RuleFrontMatter = "front-matter"

// front-matter: the guides of a section share their front matter's keys
// (Hugo's and the docs' layout's: title, description, seo.title, …). A
// value every other guide beside it fills (at least 9 in 10 of them) left
// empty, or a key none of them has one or two letters off one they all
// use, is what a maintainer repairs (authelia/authelia deadaf92f). The
// siblings are the authority for a key's name: the fix renames it.
var _ = register(Rule{
	Name:     RuleFrontMatter,
	Severity: SeverityError,
	Doc:      "a front matter value every other guide beside it fills is empty, or a key is one or two letters off the one they use",
	Example:  "`seo:` `title: \"\"` where the guides beside it give `title: \"X | OpenID Connect 1.0 | Integration\"`",
	Phase:    PhaseText,
	Run:      textRule(checkFrontMatter),
})

// frontKey is a front matter key (seo.title for title under seo:), its
// value without quotes or comment, and its line (1-based in the file).
type frontKey struct {
	key, value string
	line       int
}

var frontKeyRe = regexp.MustCompile(`^( *)([A-Za-z_][\w-]*):(?:\s+(.*))?$`)

// frontMatter reads the keys of the front matter at the top of lines:
// the top level and one level below it.
func frontMatter(lines []string) []frontKey {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return nil
	}
	var out []frontKey
	parent := ""
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "---" {
			return out
		}
		m := frontKeyRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		key := m[2]
		switch {
		case m[1] == "":
			parent = key
		case parent != "" && len(m[1]) <= 4:
			key = parent + "." + key
		default:
			continue
		}
		out = append(out, frontKey{key: key, value: frontValue(m[3]), line: i + 1})
	}
	return nil // no closing ---: not front matter
}

// frontValue is a scalar without its comment and quotes.
func frontValue(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if q := v[0]; q == '"' || q == '\'' {
		if j := strings.IndexByte(v[1:], q); j >= 0 {
			return v[1 : j+1]
		}
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v)
}

// frontUse is what the guides beside one do with each key: how many have
// it, and how many give it a value.
type frontUse struct {
	guides       int
	have, filled map[string]int
}

// frontUseOf is what the guides beside one (self: its folder) do: the
// index's count of them all, once, less the guide's own.
func frontUseOf(idx *siblingIndex, self string) frontUse {
	idx.frontOnce.Do(func() {
		idx.front = frontUse{have: map[string]int{}, filled: map[string]int{}}
		for _, g := range idx.guides {
			idx.front.add(g.front, 1)
		}
	})
	u := idx.front
	for _, g := range idx.guides {
		if g.folder == self && g.front != nil {
			u = frontUse{guides: u.guides, have: maps.Clone(u.have), filled: maps.Clone(u.filled)}
			u.add(g.front, -1)
			break
		}
	}
	return u
}

// add counts (n = 1) or discounts (n = -1) one guide's keys.
func (u *frontUse) add(keys []frontKey, n int) {
	if keys == nil {
		return
	}
	u.guides += n
	for _, k := range keys {
		u.have[k.key] += n
		if k.value != "" {
			u.filled[k.key] += n
		}
	}
}

// checkedFront are the keys whose emptiness is a defect when the guides
// beside fill them: what the page's head and the docs' lists show.
var checkedFront = []string{"title", "description", "seo.title", "seo.description"}

func checkFrontMatter(s *Source) []Finding {
	keys := frontMatter(s.Raw)
	if keys == nil {
		return nil
	}
	idx := s.siblingIndex()
	if idx == nil {
		return nil
	}
	u := frontUseOf(idx, filepath.Base(filepath.Dir(s.Path)))
	others := u.guides
	if others < 5 {
		return nil
	}
	var out []Finding
	mine := map[string]frontKey{}
	for _, k := range keys {
		mine[k.key] = k
	}
	for _, name := range checkedFront {
		k, ok := mine[name]
		if !ok || k.value != "" {
			continue
		}
		if filled := u.filled[name]; filled*10 >= others*9 {
			out = append(out, Finding{Line: k.line, Severity: SeverityError, Rule: RuleFrontMatter,
				Message: fmt.Sprintf("%s is empty, but the guides beside it fill it (9 in 10 or more): the docs show it (the page's head, the search results); write this guide's", name)})
		}
	}
	used := make([]string, 0, len(u.have))
	for k, n := range u.have {
		if n*10 >= others*9 {
			used = append(used, k)
		}
	}
	sort.Strings(used)
	for _, k := range keys {
		if u.have[k.key] > 0 { // another guide has it too
			continue
		}
		for _, want := range used {
			if _, have := mine[want]; have || !sameParent(k.key, want) || !nearMiss(k.key, want, 6) {
				continue
			}
			raw := s.RawLine(k.line)
			leaf, wantLeaf := lastKey(k.key), lastKey(want)
			f := Finding{Line: k.line, Severity: SeverityError, Rule: RuleFrontMatter,
				Message: fmt.Sprintf("front matter key %s is not read: the guides beside it write %s; write %s", k.key, want, want)}
			if i := strings.Index(raw, leaf+":"); i >= 0 {
				f.Fix = &Fix{Line: k.line, Old: raw, New: raw[:i] + wantLeaf + raw[i+len(leaf):]}
			}
			out = append(out, f)
			break
		}
	}
	return out
}

func lastKey(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[i+1:]
	}
	return k
}

func sameParent(a, b string) bool {
	pa, _, _ := strings.Cut(a, ".")
	pb, _, _ := strings.Cut(b, ".")
	return strings.Contains(a, ".") == strings.Contains(b, ".") && (!strings.Contains(a, ".") || pa == pb)
}
