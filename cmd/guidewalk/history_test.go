package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/replay"
)

// The guide revisions the history is built from, read from ../shared beside
// the repository (never copied into it).
var (
	sharedMinio = filepath.Join("..", "..", "..", "shared", "guides", "minio")
	sharedGatus = filepath.Join(docsTree, "gatus", "index.md")
	sharedWiki  = filepath.Join(docsTree, "wikijs", "index.md")
)

// gitRepo is a git repository in a temporary folder, committed to with
// fixed dates.
type gitRepo struct {
	t   *testing.T
	dir string
}

func newGitRepo(t *testing.T) *gitRepo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	for _, p := range []string{filepath.Join(sharedMinio, "2024-11-06.md"), sharedGatus, sharedWiki} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("no guide revisions in ../shared: %v", err)
		}
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	return r
}

func (r *gitRepo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=guidewalk", "-c", "user.email=guidewalk@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// write puts src at the repository path p.
func (r *gitRepo) write(p string, src []byte) {
	r.t.Helper()
	full := filepath.Join(r.dir, p)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, src, 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// commit commits everything with the date given and returns the hash.
func (r *gitRepo) commit(date, subject string) string {
	r.t.Helper()
	r.git("add", "-A")
	cmd := exec.Command("git", "-c", "user.name=guidewalk", "-c", "user.email=guidewalk@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", subject)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_DATE="+date+"T12:00:00Z", "GIT_COMMITTER_DATE="+date+"T12:00:00Z")
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git commit: %v\n%s", err, out)
	}
	return r.git("rev-parse", "HEAD")
}

func readShared(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mutate replaces old, which must be in src, by new.
func mutate(t *testing.T, src []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(src, []byte(old)) {
		t.Fatalf("the guide has no %q to mutate", old)
	}
	return bytes.Replace(src, []byte(old), []byte(new), 1)
}

// The mutations: the MinIO guide's Web GUI Redirect URI with the subdomain
// written twice (a defect the docs once had), and a sentence of prose that
// moves every line below it and means nothing to the checker.
const (
	redirectGood = "    - Redirect URI: `https://minio."
	redirectBad  = "    - Redirect URI: `https://minio.auth."
	appHeading   = "### Application\n\n"
	appProse     = "### Application\n\nA sentence that changes no value of the guide.\nAnd a second one.\n\n"
)

// historyRepo is a small history of real guide revisions and mutations:
//
//	c1 2025-01-01 three guides: MinIO (no finding), Gatus (one error), Wiki.js (two errors); a section page
//	c2 2025-01-10 MinIO: the Redirect URI mutated (one new error)
//	c3 2025-01-20 MinIO: prose only, the lines below it moved
//	c4 2025-02-01 Wiki.js removed
//	c5 2025-02-15 MinIO: the Redirect URI fixed
//	c6 2025-03-01 Gatus moved to clients/
//	c7 2025-03-10 MinIO: today's revision
func historyRepo(t *testing.T) (*gitRepo, []string) {
	r := newGitRepo(t)
	minio := readShared(t, filepath.Join(sharedMinio, "2024-11-06.md"))
	bad := mutate(t, minio, redirectGood, redirectBad)
	prose := mutate(t, bad, appHeading, appProse)
	fixed := mutate(t, prose, redirectBad, redirectGood)

	r.write("docs/oidc/_index.md", []byte("---\ntitle: OpenID Connect\n---\n\nThe section page.\n"))
	r.write("docs/oidc/minio/index.md", minio)
	r.write("docs/oidc/gatus/index.md", readShared(t, sharedGatus))
	r.write("docs/oidc/wikijs/index.md", readShared(t, sharedWiki))
	r.write("README.md", []byte("not a guide\n"))
	c := []string{r.commit("2025-01-01", "docs: three guides")}
	r.write("docs/oidc/minio/index.md", bad)
	c = append(c, r.commit("2025-01-10", "docs(minio): a redirect URI"))
	r.write("docs/oidc/minio/index.md", prose)
	c = append(c, r.commit("2025-01-20", "docs(minio): prose"))
	r.git("rm", "-q", "-r", "docs/oidc/wikijs")
	c = append(c, r.commit("2025-02-01", "docs: remove wikijs"))
	r.write("docs/oidc/minio/index.md", fixed)
	c = append(c, r.commit("2025-02-15", "docs(minio): fix the redirect URI"))
	r.git("mv", "docs/oidc/gatus", "docs/oidc/clients-gatus")
	r.write("README.md", []byte("still not a guide\n"))
	c = append(c, r.commit("2025-03-01", "docs: move gatus"))
	r.write("docs/oidc/minio/index.md", readShared(t, filepath.Join(sharedMinio, "current.md")))
	c = append(c, r.commit("2025-03-10", "docs(minio): today's revision"))
	return r, c
}

// inRepo runs guidewalk in the repository's work tree.
func inRepo(t *testing.T, r *gitRepo, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(r.dir)
	t.Setenv("GITHUB_ACTIONS", "")
	t.Setenv("GUIDEWALK_SITEVARS", "")
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// replayed is `guidewalk history --format json` of the paths in r, read.
func replayed(t *testing.T, r *gitRepo, paths ...string) replay.Result {
	t.Helper()
	code, out, errOut := inRepo(t, r, append([]string{"history", "--format", "json"}, paths...)...)
	if code != exitOK {
		t.Fatalf("history: exit %d\n%s", code, errOut)
	}
	var res replay.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("the JSON: %v\n%s", err, out)
	}
	return res
}

func TestHistoryOfRealRevisions(t *testing.T) {
	r, c := historyRepo(t)
	res := replayed(t, r, "docs/oidc")
	if res.Commits != len(c) || res.Guides != 3 {
		t.Errorf("%d commits, %d guides; want %d commits and 3 guides (a moved guide is one)", res.Commits, res.Guides, len(c))
	}
	var minio, gatus, wiki []replay.Finding
	for _, f := range res.Findings {
		t.Logf("%s %s %s entered %.7s left %v", f.Status, f.Seen.Path, f.Rule, f.Entered.Hash, f.Left)
		switch {
		case strings.Contains(f.At.Path, "minio"):
			minio = append(minio, f)
		case strings.Contains(f.At.Path, "gatus"):
			gatus = append(gatus, f)
		case strings.Contains(f.At.Path, "wikijs"):
			wiki = append(wiki, f)
		}
	}
	// The mutation: entered with c2, not moved by c3's prose, fixed by c5.
	if len(minio) != 1 {
		t.Fatalf("MinIO: %d findings, want the mutation's one", len(minio))
	}
	m := minio[0]
	if m.Rule != lint.RuleRedirectURI || m.Entered.Hash != c[1] || m.Left == nil || m.Left.Hash != c[4] || m.Status != replay.Fixed {
		t.Errorf("the mutation: %s %s entered %.7s left %v, want redirect-uri entered %.7s fixed by %.7s", m.Status, m.Rule, m.Entered.Hash, m.Left, c[1], c[4])
	}
	if m.Days != 36 || m.Entered.Subject != "docs(minio): a redirect URI" || m.AtStart {
		t.Errorf("the mutation: %v days, subject %q, at start %v", m.Days, m.Entered.Subject, m.AtStart)
	}
	if m.Seen.Line != m.At.Line+3 {
		t.Errorf("the mutation was last seen at line %d, want its entry line %d moved by the 3 lines of prose", m.Seen.Line, m.At.Line)
	}
	// Gatus: open from c1, through its move.
	// (its introduction names three methods; its links to their sections go
	// nowhere: one defect that two rules see.)
	if !slices.ContainsFunc(gatus, func(f replay.Finding) bool { return f.Rule == lint.RuleIntroMethods }) {
		t.Errorf("Gatus: %+v, want its intro-methods finding", gatus)
	}
	for _, f := range gatus {
		if f.Status != replay.Open || f.Entered.Hash != c[0] || !f.AtStart || f.Seen.Path != "docs/oidc/clients-gatus/index.md" {
			t.Errorf("Gatus: %+v, want open since the first commit, at the moved path", f)
		}
	}
	// Wiki.js: gone with its guide in c4.
	if len(wiki) != 2 {
		t.Errorf("Wiki.js: %d findings, want 2", len(wiki))
	}
	for _, f := range wiki {
		if f.Status != replay.Removed || f.Left == nil || f.Left.Hash != c[3] {
			t.Errorf("Wiki.js: %s left %v, want removed in %.7s", f.Status, f.Left, c[3])
		}
	}
	s := res.Summary
	if s.Distinct != 3+len(gatus) || s.Fixed != 1 || s.Removed != 2 || s.Open != len(gatus) || s.Changed != 0 || s.MedianFixedDays != 36 {
		t.Errorf("summary %+v", s)
	}

	_, text, _ := inRepo(t, r, "history", "docs/oidc")
	want := fmt.Sprintf("history: 7 commits, 3 guides, %d distinct findings: 1 fixed later by an edit (median 36 days, longest 36 days), 2 gone with their guide, %d open\n", 3+len(gatus), len(gatus))
	if !strings.HasSuffix(text, want) {
		t.Errorf("the text report ends\n%s\nwant\n%s", text[max(0, len(text)-300):], want)
	}
	if !strings.Contains(text, "fixed    "+c[4][:10]+" 2025-02-15 \"docs(minio): fix the redirect URI\" after 36 days") {
		t.Errorf("the text report has no fix line:\n%s", text)
	}
	_, md, _ := inRepo(t, r, "history", "--format", "markdown", "docs/oidc")
	if !strings.Contains(md, "| Guide | Rule | Finding | Entered | Left | Days |") || strings.Count(md, "\n| `docs/oidc/") != 3+len(gatus) {
		t.Errorf("the Markdown table:\n%s", md)
	}

	// --since: the first commit replayed holds what entered before it.
	res = replayed(t, r, "--since", "2025-01-15", "docs/oidc")
	if res.Commits != 5 || res.Summary.Fixed != 1 {
		t.Errorf("--since: %d commits, %+v", res.Commits, res.Summary)
	}
	for _, f := range res.Findings {
		if f.Entered.Hash != c[2] || !f.AtStart {
			t.Errorf("--since: %s entered %.7s (at start %v), want there at the first commit replayed %.7s", f.Rule, f.Entered.Hash, f.AtStart, c[2])
		}
	}

	// One guide named as a file.
	res = replayed(t, r, "docs/oidc/minio/index.md")
	if res.Commits != 5 || res.Guides != 1 || res.Summary.Fixed != 1 || len(res.Findings) != 1 {
		t.Errorf("the MinIO guide alone: %d commits, %d guides, %+v", res.Commits, res.Guides, res.Summary)
	}
}

// TestCheckNewFromRev: a commit that touches no guide's meaning has no new
// finding; a commit that adds one has exactly it.
func TestCheckNewFromRev(t *testing.T) {
	r, c := historyRepo(t)
	checkAt := func(commit string, args ...string) (int, checkReport) {
		t.Helper()
		r.git("checkout", "-q", commit)
		code, out, errOut := inRepo(t, r, append([]string{"check", "--format", "json"}, args...)...)
		if code == exitUsage {
			t.Fatalf("check %v: a usage error\n%s", args, errOut)
		}
		var rep checkReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("the JSON: %v\n%s", err, out)
		}
		return code, rep
	}
	all := func(rep checkReport) []lint.Finding {
		var fs []lint.Finding
		for _, g := range rep.Guides {
			fs = append(fs, g.Findings...)
		}
		return fs
	}

	// Without the flag, c2 has the old findings and the new.
	_, before := checkAt(c[0], "docs/oidc")
	if _, rep := checkAt(c[1], "docs/oidc"); rep.Counts.Errors != before.Counts.Errors+1 || before.Counts.Errors < 3 {
		t.Errorf("c2 without --new-from-rev: %d errors, want c1's %d (Gatus, Wiki.js) and the mutation", rep.Counts.Errors, before.Counts.Errors)
	}
	// c2 against c1: exactly the mutation.
	code, rep := checkAt(c[1], "--new-from-rev", c[0], "docs/oidc")
	fs := all(rep)
	if code != exitFindings || len(fs) != 1 || fs[0].Rule != lint.RuleRedirectURI || !strings.HasSuffix(fs[0].Path, "minio/index.md") || rep.Counts.Errors != 1 {
		t.Errorf("c2 against c1: exit %d, %v; want exactly the mutation's redirect-uri error", code, fs)
	}
	// c3 against c2: the prose moved the finding's line, it is not new.
	if code, rep := checkAt(c[2], "--new-from-rev", c[1], "docs/oidc"); code != exitOK || len(all(rep)) != 0 {
		t.Errorf("c3 (prose) against c2: exit %d, %v; want nothing", code, all(rep))
	}
	// REV by a name git reads (HEAD~1), and a guide named as a file.
	if code, rep := checkAt(c[2], "--new-from-rev", "HEAD~1", "docs/oidc/minio/index.md"); code != exitOK || len(all(rep)) != 0 {
		t.Errorf("c3 against HEAD~1: exit %d, %v", code, all(rep))
	}
	// c6 against c5: the moved guide is absent at c5, so its finding is new.
	if _, rep := checkAt(c[5], "--new-from-rev", c[4], "docs/oidc"); len(all(rep)) == 0 || !slices.ContainsFunc(all(rep), func(f lint.Finding) bool { return f.Rule == lint.RuleIntroMethods }) ||
		slices.ContainsFunc(all(rep), func(f lint.Finding) bool { return !strings.Contains(f.Path, "gatus") }) {
		t.Errorf("c6 against c5: %v, want the moved Gatus guide's findings only", all(rep))
	}
	// No such REV: a usage error.
	r.git("checkout", "-q", c[6])
	if code, _, errOut := inRepo(t, r, "check", "--new-from-rev", "no-such-rev", "docs/oidc"); code != exitUsage || !strings.Contains(errOut, "no-such-rev") {
		t.Errorf("an unknown REV: exit %d, %q", code, errOut)
	}
}

func TestHistoryUsage(t *testing.T) {
	r, _ := historyRepo(t)
	for _, args := range [][]string{{"history"}, {"history", "--format", "sarif", "docs/oidc"}, {"history", "--severity", "fatal", "docs/oidc"}, {"history", "/"}} {
		if code, _, errOut := inRepo(t, r, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errOut)
		}
	}
	t.Chdir(t.TempDir())
	var out, errOut bytes.Buffer
	if code := run([]string{"history", "."}, &out, &errOut); code != exitUsage || !strings.Contains(errOut.String(), "not in a git work tree") {
		t.Errorf("outside a work tree: exit %d, %q", code, errOut.String())
	}
}
