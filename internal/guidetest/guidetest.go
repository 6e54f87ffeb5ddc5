// Package guidetest holds what the tests of the reader (guide) and of the
// checker (lint) share: where the guides they read stand, seen from a
// package one folder below the repository's root, and small helpers.
// Upstream guides are read where they are shared, never copied.
package guidetest

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The project's copy of the MinIO guide, and upstream revisions of
// Authelia's guides in ../shared.
const (
	RealGuide    = "../features/minio/guide.md"
	MinIOIndex   = "../../shared/guides/minio/index.md"
	MinIO2024    = "../../shared/guides/minio/2024-11-06.md"
	MinIOCurrent = "../../shared/guides/minio/current.md"
	Beszel       = "../../shared/guides/beszel/current.md"
)

// ReadShared reads a shared guide, skipping the test when it is missing.
func ReadShared(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared guide %s is missing", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ReadReal reads the project's copy of the guide.
func ReadReal(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(RealGuide)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// LineOf is the 1-based line of the first occurrence of needle in src, so
// broken-copy tests do not depend on hand-counted lines.
func LineOf(t *testing.T, src, needle string) int {
	t.Helper()
	i := strings.Index(src, needle)
	if i < 0 {
		t.Fatalf("%q not in source", needle)
	}
	return strings.Count(src[:i], "\n") + 1
}

// ErrorAt finds an error at line whose message contains every one of subs.
func ErrorAt(errs []error, path string, line int, subs ...string) bool {
	for _, err := range errs {
		s := err.Error()
		if !strings.HasPrefix(s, path+":"+strconv.Itoa(line)+":") {
			continue
		}
		ok := true
		for _, sub := range subs {
			ok = ok && strings.Contains(s, sub)
		}
		if ok {
			return true
		}
	}
	return false
}
