package replay

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"
)

// Commit is what the replay needs of a commit.
type Commit struct {
	Hash    string    `json:"commit"`
	Date    time.Time `json:"date"` // the committer's date: when it landed
	Subject string    `json:"subject"`
	tree    string
}

// ReadCommit reads a commit object.
func ReadCommit(objs Objects, hash string) (Commit, error) {
	kind, data, err := objs.Object(hash)
	if err != nil {
		return Commit{}, err
	}
	if kind != "commit" {
		return Commit{}, fmt.Errorf("%s is a %s, not a commit", hash, kind)
	}
	c := Commit{Hash: hash}
	head, msg, _ := bytes.Cut(data, []byte("\n\n"))
	for _, line := range strings.Split(string(head), "\n") {
		key, val, _ := strings.Cut(line, " ")
		switch key {
		case "tree":
			c.tree = val
		case "committer":
			c.Date = signatureDate(val)
		}
	}
	subject, _, _ := strings.Cut(strings.TrimLeft(string(msg), "\n"), "\n\n")
	c.Subject = strings.Join(strings.Fields(subject), " ")
	if c.tree == "" {
		return Commit{}, fmt.Errorf("commit %s has no tree", hash)
	}
	return c, nil
}

// signatureDate reads "Name <email> 1700000000 +0200".
func signatureDate(sig string) time.Time {
	f := strings.Fields(sig[strings.LastIndexByte(sig, '>')+1:])
	if len(f) != 2 {
		return time.Time{}
	}
	secs, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return time.Time{}
	}
	t := time.Unix(secs, 0).UTC()
	if z, err := time.Parse("-0700", f[1]); err == nil {
		t = t.In(z.Location())
	}
	return t
}

// entry is one entry of a tree object.
type entry struct {
	name string
	hash string
	tree bool
}

// parseTree reads a tree object: "mode name\0" and the raw id, repeated.
// The id's length is the tree's own (SHA-1 or SHA-256 repositories).
func parseTree(data []byte, idLen int) ([]entry, error) {
	var es []entry
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		nul := bytes.IndexByte(data, 0)
		if sp < 0 || nul < sp || len(data) < nul+1+idLen {
			return nil, fmt.Errorf("a malformed tree object")
		}
		mode := string(data[:sp])
		es = append(es, entry{name: string(data[sp+1 : nul]), hash: hex.EncodeToString(data[nul+1 : nul+1+idLen]), tree: mode == "40000"})
		data = data[nul+1+idLen:]
	}
	return es, nil
}

// File is a file of a tree, by path and blob id.
type File struct {
	Path string // relative to the repository's root
	Blob string
}

// trees lists the files of trees, each tree read once and remembered by
// its id: a commit that changed one guide costs the trees on its path.
type trees struct {
	objs  Objects
	files map[string][]File // tree id → its files, paths relative to it
	read  map[string][]entry
}

func newTrees(objs Objects) *trees {
	return &trees{objs: objs, files: map[string][]File{}, read: map[string][]entry{}}
}

func (t *trees) entries(hash string) ([]entry, error) {
	if es, ok := t.read[hash]; ok {
		return es, nil
	}
	kind, data, err := t.objs.Object(hash)
	if err != nil {
		return nil, err
	}
	if kind != "tree" {
		return nil, fmt.Errorf("%s is a %s, not a tree", hash, kind)
	}
	es, err := parseTree(data, len(hash)/2)
	if err != nil {
		return nil, fmt.Errorf("tree %s: %w", hash, err)
	}
	t.read[hash] = es
	return es, nil
}

// lookup is the entry at the path p of the tree root ("" is the root).
func (t *trees) lookup(root, p string) (entry, bool, error) {
	e := entry{hash: root, tree: true}
	if p == "" || p == "." {
		return e, true, nil
	}
	for _, name := range strings.Split(p, "/") {
		if !e.tree {
			return entry{}, false, nil
		}
		es, err := t.entries(e.hash)
		if err != nil {
			return entry{}, false, err
		}
		found := false
		for _, x := range es {
			if x.name == name {
				e, found = x, true
				break
			}
		}
		if !found {
			return entry{}, false, nil
		}
	}
	return e, true, nil
}

// list is every file under the tree, paths relative to it.
func (t *trees) list(hash string) ([]File, error) {
	if fs, ok := t.files[hash]; ok {
		return fs, nil
	}
	es, err := t.entries(hash)
	if err != nil {
		return nil, err
	}
	var fs []File
	for _, e := range es {
		if !e.tree {
			fs = append(fs, File{Path: e.name, Blob: e.hash})
			continue
		}
		sub, err := t.list(e.hash)
		if err != nil {
			return nil, err
		}
		for _, f := range sub {
			fs = append(fs, File{Path: e.name + "/" + f.Path, Blob: f.Blob})
		}
	}
	t.files[hash] = fs
	return fs, nil
}

// filesAt is every file of the commit's tree under each of the paths
// (relative to the repository's root; a file or a folder).
func (t *trees) filesAt(c Commit, paths []string) ([]File, error) {
	var out []File
	seen := map[string]bool{}
	for _, p := range paths {
		e, ok, err := t.lookup(c.tree, p)
		if err != nil || !ok {
			if err != nil {
				return nil, err
			}
			continue
		}
		if !e.tree {
			if !seen[p] {
				seen[p] = true
				out = append(out, File{Path: p, Blob: e.hash})
			}
			continue
		}
		fs, err := t.list(e.hash)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			full := path.Join(p, f.Path)
			if !seen[full] {
				seen[full] = true
				out = append(out, File{Path: full, Blob: f.Blob})
			}
		}
	}
	return out, nil
}
