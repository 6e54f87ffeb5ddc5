package replay

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"
)

// CommitFS is the tree of a commit (any revision git names) as an fs.FS:
// files read from the objects, for a rule that reads a file beside the
// guide as it stood then.
func CommitFS(objs Objects, rev string) fs.FS { return commitFS{objs, rev} }

type commitFS struct {
	objs Objects
	rev  string
}

func (c commitFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	kind, data, err := c.objs.Object(c.rev + ":" + name)
	if errors.Is(err, ErrMissing) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if kind != "blob" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("not a file")}
	}
	return &blob{name: name, Reader: bytes.NewReader(data), size: int64(len(data))}, nil
}

// ReadFile implements fs.ReadFileFS: one object read, no copy.
func (c commitFS) ReadFile(name string) ([]byte, error) {
	f, err := c.Open(name)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f.(*blob))
}

type blob struct {
	name string
	*bytes.Reader
	size int64
}

func (b *blob) Stat() (fs.FileInfo, error) { return b, nil }
func (b *blob) Close() error               { return nil }
func (b *blob) Name() string               { return b.name }
func (b *blob) Size() int64                { return b.size }
func (b *blob) Mode() fs.FileMode          { return 0o444 }
func (b *blob) ModTime() time.Time         { return time.Time{} }
func (b *blob) IsDir() bool                { return false }
func (b *blob) Sys() any                   { return nil }

// ReadDir implements fs.ReadDirFS: the entries of a folder of the commit's
// tree, by name, as the tree object lists them.
func (c commitFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	obj := c.rev + ":"
	if name != "." {
		obj += name
	}
	kind, data, err := c.objs.Object(obj)
	if errors.Is(err, ErrMissing) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	if kind != "tree" {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a folder")}
	}
	es, err := parseTree(data, c.idLen())
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	out := make([]fs.DirEntry, 0, len(es))
	for _, e := range es {
		out = append(out, dirEntry(e))
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// idLen is the length of the repository's raw object ids: its commit's tree
// id, in hex, halved (20 for SHA-1, 32 for SHA-256).
func (c commitFS) idLen() int {
	if kind, data, err := c.objs.Object(c.rev); err == nil && kind == "commit" {
		if l, _, ok := bytes.Cut(data, []byte("\n")); ok && bytes.HasPrefix(l, []byte("tree ")) {
			return len(l[len("tree "):]) / 2
		}
	}
	return 20
}

// dirEntry is an entry of a tree object; its Sys is the object's id.
type dirEntry entry

func (e dirEntry) Name() string { return e.name }
func (e dirEntry) IsDir() bool  { return e.tree }
func (e dirEntry) Type() fs.FileMode {
	if e.tree {
		return fs.ModeDir
	}
	return 0
}
func (e dirEntry) Info() (fs.FileInfo, error) { return e, nil }
func (e dirEntry) Size() int64                { return 0 }
func (e dirEntry) Mode() fs.FileMode          { return e.Type() | 0o444 }
func (e dirEntry) ModTime() time.Time         { return time.Time{} }
func (e dirEntry) Sys() any                   { return e.hash }
