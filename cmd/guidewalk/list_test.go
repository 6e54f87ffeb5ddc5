package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestListDocsTree: over Authelia's whole docs tree, list names exactly the
// guides that an application and a feature of this project verify, with
// the images of their Tested Versions, as JSON a matrix takes.
func TestListDocsTree(t *testing.T) {
	tree := filepath.Join("..", "..", "..", "shared", "docs", "authelia-2026-05-26", "clients")
	if _, err := os.Stat(tree); err != nil {
		t.Skipf("Authelia's docs tree is not beside the repository (%v)", err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"list", "--features", features, tree}, &out, &errOut); code != exitOK {
		t.Fatalf("list: exit %d: %s", code, errOut.String())
	}
	var m struct {
		Include []Verifiable `json:"include"`
	}
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("list printed no JSON: %v\n%s", err, out.String())
	}
	var apps []string
	for _, v := range m.Include {
		apps = append(apps, v.Application)
		// Authelia's, the application's, and its database's (Miniflux).
		if len(v.Images) < 2 || v.Feature == "" || v.Guide == "" {
			t.Errorf("incomplete entry %+v", v)
		}
		// The common ones are one steps.Shape each; the others, programs.
		if shape := !slices.Contains([]string{"Beszel", "MinIO", "SFTPGo"}, v.Application); (v.Written == "shape") != shape {
			t.Errorf("%s is written as %q", v.Application, v.Written)
		}
		if _, err := os.Stat(v.Feature); err != nil {
			t.Errorf("%s: feature %s: %v", v.Guide, v.Feature, err)
		}
	}
	slices.Sort(apps)
	if want := []string{"Beszel", "Express.js", "Gatus", "MinIO", "Miniflux", "Node-RED", "Opengist", "SFTPGo"}; !slices.Equal(apps, want) {
		t.Errorf("list names %v, want %v", apps, want)
	}
}

func TestListUsage(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"list"}, &out, &out); code != exitUsage {
		t.Errorf("list without a path: exit %d, want %d", code, exitUsage)
	}
	if code := run([]string{"list", "no/such/path"}, &out, &out); code != exitUsage {
		t.Errorf("list of a missing path: exit %d, want %d", code, exitUsage)
	}
}
