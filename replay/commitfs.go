package replay

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
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

// ReadDir implements fs.ReadDirFS from the tree object at name.
func (c commitFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	obj := c.rev + ":" + name
	if name == "." {
		obj = c.rev + "^{tree}"
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
	es, err := parseTree(data, 20) // SHA-1
	if err != nil {
		es, err = parseTree(data, 32) // SHA-256
	}
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	out := make([]fs.DirEntry, len(es))
	for i, e := range es {
		out[i] = dirEntry(e)
	}
	return out, nil
}

type dirEntry entry

// ObjectID is the entry's object id: the version of a file or folder.
func (d dirEntry) ObjectID() string { return d.hash }

func (d dirEntry) Name() string { return d.name }
func (d dirEntry) IsDir() bool  { return d.tree }
func (d dirEntry) Type() fs.FileMode {
	if d.tree {
		return fs.ModeDir
	}
	return 0
}
func (d dirEntry) Info() (fs.FileInfo, error) { return nil, errors.ErrUnsupported }
