package env

import (
	"archive/tar"
	"bytes"
	"fmt"
	"io"
	"strings"

	dc "github.com/ory/dockertest/v3/docker"

	"github.com/ory/dockertest/v3"
)

// Splice is a file the application's image already has, with the guide's
// piece of it put where a reader puts it: on the line after the first one
// that holds After (Node-RED's settings.js, after `module.exports = {`).
type Splice struct {
	Path  string // where the result goes in the container
	From  string // the image's file it starts from
	After string
	Text  string
}

// spliced is the splice's file: the image's, with Text in it.
func spliced(pool *dockertest.Pool, image string, s Splice) (string, error) {
	orig, err := imageFile(pool, image, s.From)
	if err != nil {
		return "", err
	}
	return Insert(orig, s.After, s.Text, image+":"+s.From)
}

// Insert puts text on the line after the first line of orig holding after.
func Insert(orig, after, text, name string) (string, error) {
	i := strings.Index(orig, after)
	if i < 0 {
		return "", fmt.Errorf("%s has no line holding %q to put the guide's block after", name, after)
	}
	nl := strings.IndexByte(orig[i:], '\n')
	if nl < 0 {
		return orig + "\n" + text, nil
	}
	at := i + nl + 1
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return orig[:at] + text + orig[at:], nil
}

// imageFile reads one file of an image, from a container created for it and
// never started.
func imageFile(pool *dockertest.Pool, image, path string) (string, error) {
	c, err := pool.Client.CreateContainer(dc.CreateContainerOptions{Config: &dc.Config{Image: image, Labels: map[string]string{labelSuite: "1", labelOwner: owner()}}})
	if err != nil {
		return "", fmt.Errorf("read %s from %s: %w", path, image, err)
	}
	defer pool.Client.RemoveContainer(dc.RemoveContainerOptions{ID: c.ID, Force: true, RemoveVolumes: true}) //nolint:errcheck
	var buf bytes.Buffer
	if err := pool.Client.DownloadFromContainer(c.ID, dc.DownloadFromContainerOptions{Path: path, OutputStream: &buf}); err != nil {
		return "", fmt.Errorf("read %s from %s: %w", path, image, err)
	}
	tr := tar.NewReader(&buf)
	for {
		h, err := tr.Next()
		if err != nil {
			return "", fmt.Errorf("read %s from %s: %w", path, image, err)
		}
		if h.Typeflag == tar.TypeReg {
			b, err := io.ReadAll(tr)
			return string(b), err
		}
	}
}
