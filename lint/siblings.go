package lint

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// The guides beside a guide: the other folders of its section, each with
// an index.md (clients/<app>/index.md in Authelia's docs; before July 2025
// openid-connect/<app>/index.md). What a rule learns of each is read once
// and kept: per section, and per sibling when the tree names each
// sibling's version (a commit's tree: the folder's object id), so a replay
// of the docs' history reads each version of a sibling once.

// section is where a guide's siblings are read: a folder of fsys.
type section struct {
	fsys fs.FS
	dir  string
}

// section is the folder holding the guide's folder (a page that is not an
// index.md stands beside the guides' folders: its own folder): in the tree
// the guide was read from (a commit's) when there is one, else on disk
// when the guide is a file there.
func (s *Source) section() (section, bool) {
	up := func(p string, dir func(string) string) string {
		if dir(p) != p && path.Base(filepath.ToSlash(p)) == "index.md" {
			return dir(dir(p))
		}
		return dir(p)
	}
	if s.tree != nil && fs.ValidPath(s.Path) {
		if _, err := fs.Stat(s.tree, s.Path); err == nil {
			return section{fsys: s.tree, dir: up(s.Path, path.Dir)}, true
		}
	}
	if st, err := os.Stat(s.Path); err == nil && !st.IsDir() {
		abs, err := filepath.Abs(s.Path)
		if err != nil {
			return section{}, false
		}
		return section{fsys: os.DirFS(up(abs, filepath.Dir)), dir: "."}, true
	}
	return section{}, false
}

// sibling is one guide of a section: its folder's name, its version's id
// ("" when the tree names none) and its text.
type sibling struct {
	name, id string
	src      []byte
}

// siblings are the index.md of each folder of the section.
func (sec section) siblings() []sibling {
	es, err := fs.ReadDir(sec.fsys, sec.dir)
	if err != nil {
		return nil
	}
	var out []sibling
	for _, e := range es {
		if !e.IsDir() {
			continue
		}
		sb := sibling{name: e.Name()}
		if o, ok := e.(interface{ ObjectID() string }); ok {
			sb.id = o.ObjectID()
			if v, ok := siblingText.Load(sb.id); ok {
				sb.src = v.([]byte)
				out = append(out, sb)
				continue
			}
		}
		b, err := fs.ReadFile(sec.fsys, path.Join(sec.dir, e.Name(), "index.md"))
		if err != nil {
			continue
		}
		sb.src = b
		if sb.id != "" {
			siblingText.Store(sb.id, b)
		}
		out = append(out, sb)
	}
	return out
}

var (
	siblingText  sync.Map // a sibling folder's object id → its index.md
	sectionCache sync.Map // struct{rule string; sec section} → what the rule learnt of it
	eachCache    sync.Map // struct{rule, id string} → what the rule learnt of one sibling
)

// learnSection is what a rule learns of a section's guides: learn of each
// (kept per sibling version when the tree names it), then sum of them
// all, once per rule and section.
func learnSection[E, T any](rule string, sec section, learn func(name string, src []byte) E, sum func([]E) T) T {
	type key struct {
		rule string
		sec  section
	}
	k := key{rule, sec}
	if v, ok := sectionCache.Load(k); ok {
		return v.(T)
	}
	sibs := sec.siblings()
	each := make([]E, 0, len(sibs))
	for _, sb := range sibs {
		if sb.id == "" {
			each = append(each, learn(sb.name, sb.src))
			continue
		}
		type eachKey struct{ rule, id string }
		ek := eachKey{rule, sb.id}
		if v, ok := eachCache.Load(ek); ok {
			each = append(each, v.(E))
			continue
		}
		e := learn(sb.name, sb.src)
		eachCache.Store(ek, e)
		each = append(each, e)
	}
	v := sum(each)
	sectionCache.Store(k, v)
	return v
}
