package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// schemasDir is where Authelia's repository publishes the configuration
// schema of each minor version (v4.38/, v4.39/, latest/).
const schemasDir = "docs/static/schemas"

var repoRoots sync.Map // folder → fs.FS (nil when no repository above it)

// repoAbove is Authelia's repository the file at p stands in (the first
// folder above it holding docs/static/schemas), nil when none.
func repoAbove(p string) fs.FS {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil
	}
	start := filepath.Dir(abs)
	if v, ok := repoRoots.Load(start); ok {
		t, _ := v.(fs.FS)
		return t
	}
	var tree fs.FS
	for d := start; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, filepath.FromSlash(schemasDir))); err == nil && st.IsDir() {
			tree = os.DirFS(d)
			break
		}
		if d == filepath.Dir(d) {
			break
		}
	}
	repoRoots.Store(start, tree)
	return tree
}
