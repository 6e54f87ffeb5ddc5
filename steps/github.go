package steps

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// GitHub Actions settings the runner sets.
const (
	githubActionsVar   = "GITHUB_ACTIONS"
	githubWorkspaceVar = "GITHUB_WORKSPACE"
	githubSummaryVar   = "GITHUB_STEP_SUMMARY"
)

// OnGitHub reports whether the process runs as a GitHub Actions step, the
// only place workflow commands mean something.
func OnGitHub() bool { return os.Getenv(githubActionsVar) == "true" }

// guideRef finds the guide location a GuideError's text carries (see
// GuideError.Error): the report keeps only a failed step's error string.
var guideRef = regexp.MustCompile(`(?:guide step (\d+)|the guide) \((.+?):(\d+)\) says `)

// guideFailure is a failed step whose error names a line of the guide.
type guideFailure struct {
	Scenario string
	Step     int // 0 for a line outside the numbered steps
	Path     string
	Line     int
	Msg      string
}

// guideFailures are the failed steps the guide caused, in run order.
func (r *Report) guideFailures() (out []guideFailure, other []string) {
	for _, sc := range r.Scenarios {
		for _, st := range sc.Steps {
			if st.Outcome != "failed" || st.Err == "" {
				continue
			}
			m := guideRef.FindStringSubmatch(st.Err)
			if m == nil {
				other = append(other, fmt.Sprintf("scenario %q, step %q: %s", sc.Name, st.Text, st.Err))
				continue
			}
			n, _ := strconv.Atoi(m[1])
			line, _ := strconv.Atoi(m[3])
			out = append(out, guideFailure{Scenario: sc.Name, Step: n, Path: m[2], Line: line, Msg: st.Err})
		}
	}
	return out, other
}

// GitHub, on GitHub Actions, annotates the guide's lines with the run's
// deviations (warnings) and guide-caused failures (errors), so they show on
// the pull request's diff, and appends a Markdown summary of the run to the
// step summary. Elsewhere it does nothing.
func (r *Report) GitHub(w io.Writer) {
	if !OnGitHub() {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	redact := r.redact
	if redact == nil {
		redact = func(s string) string { return s }
	}
	for _, d := range r.Deviations {
		path, line := splitWhere(d.Err.Where)
		Annotate(w, "warning", path, line, stepTitle(d.Err.Step), redact(fmt.Sprintf("expected deviation in %q: %s", d.Scenario, d.Err.Error())))
	}
	failures, other := r.guideFailures()
	for _, f := range failures {
		Annotate(w, "error", f.Path, f.Line, stepTitle(f.Step), redact(fmt.Sprintf("in %q: %s", f.Scenario, f.Msg)))
	}
	for _, o := range other {
		Annotate(w, "error", "", 0, "guidewalk", redact(o))
	}
	if err := AppendSummary(redact(r.markdown(failures, other))); err != nil {
		fmt.Fprintf(os.Stderr, "guidewalk: step summary: %v\n", err)
	}
}

func stepTitle(n int) string {
	if n == 0 {
		return "the guide"
	}
	return fmt.Sprintf("guide step %d", n)
}

// splitWhere splits "path:line"; a Where without a line gives line 0.
func splitWhere(where string) (string, int) {
	if i := strings.LastIndexByte(where, ':'); i >= 0 {
		if n, err := strconv.Atoi(where[i+1:]); err == nil {
			return where[:i], n
		}
	}
	return where, 0
}

// markdown is the step summary: what ran, each scenario's outcome, and the
// guide lines that deviate or fail.
func (r *Report) markdown(failures []guideFailure, other []string) string {
	var b strings.Builder
	title, path := "the guide", ""
	if r.guide != nil {
		title, path = r.guide.Title, RepoPath(r.guide.Path)
	}
	fmt.Fprintf(&b, "## guidewalk: %s\n\n", title)
	if path != "" {
		fmt.Fprintf(&b, "Guide: `%s`\n\n", path)
	}
	for _, v := range r.Versions {
		fmt.Fprintf(&b, "- %s\n", v)
	}
	if len(r.Versions) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("| # | scenario | outcome | seconds |\n|---:|---|---|---:|\n")
	for _, sc := range r.Scenarios {
		fmt.Fprintf(&b, "| %d | %s | %s | %.1f |\n", sc.Index, cell(sc.Name), cell(sc.Outcome), sc.Duration.Seconds())
	}
	if len(r.Deviations) > 0 {
		b.WriteString("\n### Expected deviations from the guide\n\n")
		for _, d := range r.Deviations {
			path, line := splitWhere(d.Err.Where)
			fmt.Fprintf(&b, "- `%s:%d` (%s), in %q: %s\n", RepoPath(path), line, stepTitle(d.Err.Step), d.Scenario, oneLine(d.Err.Error()))
		}
	}
	if len(failures) > 0 {
		b.WriteString("\n### Failures at a line of the guide\n\n")
		for _, f := range failures {
			fmt.Fprintf(&b, "- `%s:%d` (%s), in %q: %s\n", RepoPath(f.Path), f.Line, stepTitle(f.Step), f.Scenario, oneLine(f.Msg))
		}
	}
	if len(other) > 0 {
		b.WriteString("\n### Other failures\n\n")
		for _, o := range other {
			fmt.Fprintf(&b, "- %s\n", oneLine(o))
		}
	}
	b.WriteString("\n")
	return b.String()
}

func cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// AppendSummary appends Markdown to the job's step summary
// ($GITHUB_STEP_SUMMARY); without one it does nothing.
func AppendSummary(s string) error {
	path := os.Getenv(githubSummaryVar)
	if path == "" || !OnGitHub() {
		return nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(s); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Annotate writes one GitHub workflow command (level "error", "warning" or
// "notice") that pins msg to path:line; path is made relative to the
// repository, since GitHub only places annotations on repository paths. An
// empty path annotates the run instead of a file.
func Annotate(w io.Writer, level, path string, line int, title, msg string) {
	var props []string
	if path != "" {
		props = append(props, "file="+escapeProperty(RepoPath(path)))
		if line > 0 {
			props = append(props, "line="+strconv.Itoa(line))
		}
	}
	if title != "" {
		props = append(props, "title="+escapeProperty(title))
	}
	cmd := "::" + level
	if len(props) > 0 {
		cmd += " " + strings.Join(props, ",")
	}
	fmt.Fprintf(w, "%s::%s\n", cmd, escapeData(msg))
}

// escapeData escapes a workflow command's message, as the runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, in which ":"
// and "," would end the value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// RepoPath is path relative to the repository it is in: $GITHUB_WORKSPACE
// when set, else the git top level of its directory; path as given when it
// is in neither.
func RepoPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	root := os.Getenv(githubWorkspaceVar)
	if root == "" {
		if root = gitTopLevel(filepath.Dir(abs)); root == "" {
			return path
		}
	}
	if rel, ok := within(root, abs); ok {
		return rel
	}
	// The root may be spelled through a symbolic link the path is not.
	if r, err := filepath.EvalSymlinks(root); err == nil {
		if a, err := filepath.EvalSymlinks(abs); err == nil {
			if rel, ok := within(r, a); ok {
				return rel
			}
		}
	}
	return path
}

// topLevels remembers each folder's git top level ("" for none): a check of
// a whole docs tree asks once per folder, not once per finding.
var topLevels sync.Map

func gitTopLevel(dir string) string {
	if v, ok := topLevels.Load(dir); ok {
		return v.(string)
	}
	out, err := exec.Command("git", "-C", dir, "rev-parse", "--show-toplevel").Output()
	root := ""
	if err == nil {
		root = strings.TrimSpace(string(out))
	}
	topLevels.Store(dir, root)
	return root
}

func within(root, abs string) (string, bool) {
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
