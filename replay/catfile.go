// Package replay reads a docs tree's history straight from git's objects
// and follows each finding of the offline checker from the commit that
// brought it to the commit that removed it.
package replay

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// Objects reads git objects by name: an object id, or anything git's
// extended SHA-1 syntax names ("REV:path").
type Objects interface {
	// Object is the object's type ("commit", "tree", "blob") and raw
	// content; ErrMissing when there is no such object.
	Object(name string) (kind string, data []byte, err error)
	Close() error
}

// ErrMissing is an object name that names no object.
var ErrMissing = errors.New("no such object")

// CatFile is one long-lived `git cat-file --batch` process: every object
// is one line written and one reply read, without a process per object.
type CatFile struct {
	mu  sync.Mutex
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

// OpenCatFile starts `git cat-file --batch` in the repository (or work
// tree) at dir.
func OpenCatFile(dir string) (*CatFile, error) {
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	return &CatFile{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<16)}, nil
}

// Object implements Objects.
func (c *CatFile) Object(name string) (string, []byte, error) {
	if strings.ContainsAny(name, "\n") {
		return "", nil, fmt.Errorf("object name %q: a newline", name)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := io.WriteString(c.in, name+"\n"); err != nil {
		return "", nil, fmt.Errorf("git cat-file: %w", err)
	}
	head, err := c.out.ReadString('\n')
	if err != nil {
		return "", nil, fmt.Errorf("git cat-file: %w", err)
	}
	fields := strings.Fields(head)
	if len(fields) != 3 {
		if len(fields) == 2 && (fields[1] == "missing" || fields[1] == "ambiguous") {
			return "", nil, fmt.Errorf("%s: %w", name, ErrMissing)
		}
		return "", nil, fmt.Errorf("git cat-file: unexpected reply %q", head)
	}
	size, err := strconv.Atoi(fields[2])
	if err != nil {
		return "", nil, fmt.Errorf("git cat-file: unexpected reply %q", head)
	}
	data := make([]byte, size+1) // the content, then a newline
	if _, err := io.ReadFull(c.out, data); err != nil {
		return "", nil, fmt.Errorf("git cat-file: %w", err)
	}
	return fields[1], data[:size], nil
}

// Close ends the process.
func (c *CatFile) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.in.Close()
	return c.cmd.Wait()
}

// Git runs a git command in dir and returns its output, trimmed.
func Git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return "", fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return strings.TrimSpace(string(out)), nil
}
