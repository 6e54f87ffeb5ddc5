package lint

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/guide"
)

func findingsOf(t *testing.T, path string, o Options) []Finding {
	t.Helper()
	_, found, err := Check(path, o)
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func ofRule(fs []Finding, rule string) []Finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f Finding) bool { return f.Rule != rule })
}

func TestRulesDocumented(t *testing.T) {
	for _, r := range Rules() {
		if strings.Contains(r.Doc, "\n") || r.Example == "" {
			t.Errorf("rule %s: its documentation is one line and it has an example", r.Name)
		}
	}
}

// TestInlineDisable: a comment silences the named rule for the next line or
// the whole block it opens, and nothing else.
func TestInlineDisable(t *testing.T) {
	src, err := os.ReadFile("testdata/rules/scopes/bad.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	at := slices.Index(lines, "```shell {title=\".env\"}")
	with := func(comment string) []Finding {
		l := slices.Clone(lines)
		l = slices.Insert(l, at, comment, "")
		_, found := Read("bad.md", []byte(strings.Join(l, "\n")), Options{})
		return ofRule(found, RuleScopes)
	}
	if got := with("<!-- guidewalk-disable scopes -->"); len(got) != 0 {
		t.Errorf("disabled for the block, still: %v", got)
	}
	if got := with("<!-- guidewalk-disable redirect-uri,assumption -->"); len(got) != 1 {
		t.Errorf("another rule disabled: want the scopes finding, got %v", got)
	}
	if got := with("<!-- guidewalk-disable -->"); len(got) != 0 {
		t.Errorf("every rule disabled, still: %v", got)
	}
}

func TestFixValueKeepsSitevars(t *testing.T) {
	s := &Source{Source: &guide.Source{Guide: &guide.Guide{Sitevars: map[string]string{"domain": "example.com"}}, Raw: []string{
		`  - 'https://app.{{< sitevar name="domain" nojs="example.com" >}}/cb'`,
	}}}
	f := s.fixValue(1, "https://app.example.com/cb", "https://app.{{< sitevar name=\"domain\" nojs=\"example.com\" >}}/callback")
	if f == nil || f.New != `  - 'https://app.{{< sitevar name="domain" nojs="example.com" >}}/callback'` {
		t.Fatalf("fix: %+v", f)
	}
	if got := s.RawValue(1, "example.com/cb"); got != `{{< sitevar name="domain" nojs="example.com" >}}/cb` {
		t.Errorf("rawValue: %q", got)
	}
}

// TestRedirectPrefixIsAWarning: a redirect URL that a client's redirect URI
// starts with depends on the application (it may append its provider's
// key): a warning with no fix, never an error.
func TestRedirectPrefixIsAWarning(t *testing.T) {
	src, err := os.ReadFile("testdata/rules/redirect-uri/bad.md")
	if err != nil {
		t.Fatal(err)
	}
	prefix := strings.Replace(string(src), `/oauth/cb`+"\n", `/oauth/`+"\n", 1)
	_, found := Read("prefix.md", []byte(prefix), Options{})
	got := ofRule(found, RuleRedirectURI)
	if len(got) != 1 || got[0].Severity != SeverityWarning || got[0].Fix != nil {
		t.Errorf("want one warning without a fix, got %v", got)
	}
}
