package steps

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
)

// redactZip rewrites a Playwright trace with every registered secret masked:
// traces record what was typed, passwords included.
func redactZip(path string, redact func(string) string) error {
	r, err := zip.OpenReader(path)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			r.Close()
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			r.Close()
			return err
		}
		out, err := w.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			r.Close()
			return err
		}
		if _, err := out.Write([]byte(redact(string(b)))); err != nil {
			r.Close()
			return err
		}
	}
	r.Close()
	if err := w.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// RedactingWriter masks the run's secrets in what godog prints.
func RedactingWriter(w io.Writer) io.Writer {
	return writerFunc(func(p []byte) (int, error) {
		if suite.Log == nil {
			return w.Write(p)
		}
		if _, err := io.WriteString(w, suite.Log.Redact(string(p))); err != nil {
			return 0, err
		}
		return len(p), nil
	})
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
