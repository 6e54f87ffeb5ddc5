package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	// The official SARIF 2.1.0 schema (OASIS, errata 01) ships in this
	// module's source; the test reads it from the module cache, no download.
	_ "github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"
)

// sarifSchema is the SARIF 2.1.0 JSON schema, from go-sarif's schema.go.
func sarifSchema(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		t.Fatalf("go list go-sarif: %v", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "pkg", "report", "v210", "sarif", "schema.go"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	start := strings.Index(s, "const schema = `")
	if start < 0 {
		t.Fatal("no schema constant in go-sarif's schema.go")
	}
	s = s[start+len("const schema = `"):]
	schema := s[:strings.IndexByte(s, '`')]
	if !strings.Contains(schema, `"title": "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"`) {
		t.Fatal("go-sarif's schema is not SARIF 2.1.0's")
	}
	return schema
}

// TestCheckSARIF: the SARIF report of a guide with findings, and of the
// whole docs tree, validates against the SARIF 2.1.0 schema, and places
// each result at its file and line.
func TestCheckSARIF(t *testing.T) {
	schema := gojsonschema.NewStringLoader(sarifSchema(t))
	// The schema bites: a level SARIF has not is refused.
	bad := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"fatal"}]}]}`
	if res, err := gojsonschema.Validate(schema, gojsonschema.NewStringLoader(bad)); err != nil || res.Valid() {
		t.Fatalf("an invalid SARIF document passes the schema (%v)", err)
	}
	src := upstream(t)
	broken := brokenCopy(t, src, "- Claim User Info: Enabled", "- Claim User Info: Disabled")
	envLine := lineOf(t, src, "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on")
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GUIDEWALK_FEATURES", "")
	t.Setenv("GITHUB_WORKSPACE", filepath.Dir(broken))
	paths := [][]string{{broken}}
	if _, err := os.Stat(docsTree); err == nil {
		paths = append(paths, []string{docsTree})
	}
	for _, p := range paths {
		var out, errOut bytes.Buffer
		if code := run(append([]string{"check", "--format", "sarif"}, p...), &out, &errOut); code == exitUsage {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
		res, err := gojsonschema.Validate(schema, gojsonschema.NewBytesLoader(out.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%s: SARIF schema: %s", p, e)
		}
		var doc struct {
			Version string `json:"version"`
			Runs    []struct {
				Results []struct {
					RuleID    string `json:"ruleId"`
					Level     string `json:"level"`
					Fixes     []any  `json:"fixes"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
							Region           struct{ StartLine int } `json:"region"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Version != "2.1.0" || len(doc.Runs) != 1 || len(doc.Runs[0].Results) == 0 {
			t.Fatalf("%s: version %q, %d runs: %s", p, doc.Version, len(doc.Runs), out.String())
		}
		if p[0] == docsTree {
			fixes := 0
			for _, r := range doc.Runs[0].Results {
				fixes += len(r.Fixes)
			}
			if fixes == 0 {
				t.Errorf("the tree's SARIF holds no fix: the schema was not tried on fixes")
			}
			t.Logf("%s: %d results, %d with a fix, valid SARIF 2.1.0", p[0], len(doc.Runs[0].Results), fixes)
		}
		if p[0] == broken {
			r := doc.Runs[0].Results[0]
			loc := r.Locations[0].PhysicalLocation
			if r.RuleID != "method-disagree" || r.Level != "error" || loc.ArtifactLocation.URI != "current.md" || loc.Region.StartLine != envLine {
				t.Errorf("first result %+v, want method-disagree error at current.md:%d", r, envLine)
			}
		}
	}
}
