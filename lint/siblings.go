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
// openid-connect/<app>/index.md). What a rule learns of them is read once
// per section and kept (siblingCache).

// section is where a guide's siblings are read: a folder of fsys.
type section struct {
	fsys fs.FS
	dir  string
}

// section is the folder holding the guide's folder (a page that is not an
// index.md stands beside the guides' folders: its own folder): on disk
// when the guide is a file there, else in the tree it was read from (a
// commit's).
func (s *Source) section() (section, bool) {
	up := func(p string, dir func(string) string) string {
		if dir(p) != p && path.Base(filepath.ToSlash(p)) == "index.md" {
			return dir(dir(p))
		}
		return dir(p)
	}
	if st, err := os.Stat(s.Path); err == nil && !st.IsDir() {
		abs, err := filepath.Abs(s.Path)
		if err != nil {
			return section{}, false
		}
		return section{fsys: os.DirFS(up(abs, filepath.Dir)), dir: "."}, true
	}
	if s.tree != nil && fs.ValidPath(s.Path) {
		return section{fsys: s.tree, dir: up(s.Path, path.Dir)}, true
	}
	return section{}, false
}

// guides are the index.md of each folder of the section, as read.
func (sec section) guides() map[string][]byte {
	es, err := fs.ReadDir(sec.fsys, sec.dir)
	if err != nil {
		return nil
	}
	out := map[string][]byte{}
	for _, e := range es {
		if !e.IsDir() {
			continue
		}
		p := path.Join(sec.dir, e.Name(), "index.md")
		if b, err := fs.ReadFile(sec.fsys, p); err == nil {
			out[e.Name()] = b
		}
	}
	return out
}

// siblingCache keeps what each rule learnt of a section, by rule and
// section: the whole tree is checked guide after guide.
var siblingCache sync.Map // struct{rule string; sec section} → any

// learnSection is f of the section's guides, read once per rule and section.
func learnSection[T any](rule string, sec section, f func(map[string][]byte) T) T {
	type key struct {
		rule string
		sec  section
	}
	k := key{rule, sec}
	if v, ok := siblingCache.Load(k); ok {
		return v.(T)
	}
	v := f(sec.guides())
	siblingCache.Store(k, v)
	return v
}
