package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGithubID(t *testing.T) {
	for in, want := range map[string]string{"Web GUI": "web-gui", "OpenID Connect 1.0": "openid-connect-10", "Known Bugs!": "known-bugs", "a_b-c": "a_b-c"} {
		if got := githubID(in); got != want {
			t.Errorf("githubID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDocsLinkCheckout: inside a docs/content checkout the target itself is
// looked up, and the fix points at the page that exists.
func TestDocsLinkCheckout(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "docs", "content")
	guideDir := filepath.Join(content, "integration", "openid-connect", "clients", "app")
	for _, d := range []string{guideDir, filepath.Join(content, "configuration", "identity-providers", "openid-connect")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(content, "configuration", "identity-providers", "openid-connect", "clients.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/rules/docs-link/bad.md")
	if err != nil {
		t.Fatal(err)
	}
	// The introduction does not exist in this checkout: both links are broken.
	path := filepath.Join(guideDir, "index.md")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	_, found, err := Check(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := ofRule(found, RuleDocsLink)
	if len(got) != 2 {
		t.Fatalf("want the two broken links, got %v", got)
	}
	for _, f := range got {
		if strings.Contains(f.Message, "clients.md") && (f.Fix == nil || !strings.Contains(f.Fix.New, "../../../../configuration/")) {
			t.Errorf("no fix to the page that exists: %+v", f)
		}
	}
}

// TestDocsLinkOldPlace: a guide whose links all resolve from where guides
// stood before the clients/ folder is read as standing there, unless an
// alias says it moved.
func TestDocsLinkOldPlace(t *testing.T) {
	src, err := os.ReadFile("testdata/rules/docs-link/good.md")
	if err != nil {
		t.Fatal(err)
	}
	old := strings.NewReplacer("](../../introduction.md)", "](../../openid-connect/introduction.md)",
		"]: ../../introduction.md", "]: ../../openid-connect/introduction.md",
		"../../../../configuration/", "../../../configuration/").Replace(string(src))
	if _, found := Read("app/index.md", []byte(old), Options{}); len(ofRule(found, RuleDocsLink)) != 0 {
		t.Errorf("a guide of the old layout: %v", ofRule(found, RuleDocsLink))
	}
	moved := strings.Replace(old, "title: \"Example\"", "title: \"Example\"\naliases:\n  - '/integration/openid-connect/app/'", 1)
	if _, found := Read("app/index.md", []byte(moved), Options{}); len(ofRule(found, RuleDocsLink)) != 2 {
		t.Errorf("a moved guide with old links: want 2 findings, got %v", ofRule(found, RuleDocsLink))
	}
}

// TestLinkAnchorShared: a link introducing the second of two headings of
// one name goes to the first: a warning; one before the first is fine.
func TestLinkAnchorShared(t *testing.T) {
	src := "# T\n\nSee [CLI](#cli).\n\n## CLI\n\ntext\n\n## Server\n\nUse the [CLI](#cli).\n\n## CLI\n\ntext\n"
	_, found := Read("t.md", []byte(src), Options{})
	got := ofRule(found, RuleLinkAnchor)
	if len(got) != 1 || got[0].Line != 11 || got[0].Severity != SeverityWarning || !strings.Contains(got[0].Message, "#cli-1") {
		t.Errorf("want one warning at line 11 naming #cli-1, got %v", got)
	}
}

// TestDocsLinkPartialCheckout: a guide under docs/content/… of a copy that
// holds the clients alone is judged by the docs' layout, not by files the
// copy lacks.
func TestDocsLinkPartialCheckout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs", "content", "integration", "openid-connect", "clients", "app")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "---\ntitle: \"App\"\n---\n\nSee the [client configuration] and [the guide](../../../configuration/x.md).\n\n" +
		"[client configuration]: ../../../../configuration/identity-providers/openid-connect/clients.md\n"
	p := filepath.Join(dir, "index.md")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := ofRule(findingsOf(t, p, Options{}), RuleDocsLink)
	if len(got) != 1 || got[0].Line != 5 {
		t.Errorf("want the one broken link (line 5), got %v", got)
	}
}

func TestPlaceholderNamedForItsKey(t *testing.T) {
	for _, c := range []struct {
		before, name string
		want         bool
	}{
		{"https://a/authorize?client_id=x&redirect_uri=", "redirect_uri", true},
		{"&state=", "state", true},
		{"state: '", "state", true},
		{"url=", "button-color", false},
		{"", "x", false},
	} {
		if got := selfNamed(c.before, c.name); got != c.want {
			t.Errorf("selfNamed(%q, %q) = %v, want %v", c.before, c.name, got, c.want)
		}
	}
	if !addressesReader("your-console-host") || addressesReader("button-color") || addressesReader("your") {
		t.Error("addressesReader: <your-…> speaks to the reader, <button-color> does not")
	}
}
