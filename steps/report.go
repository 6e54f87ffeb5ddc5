package steps

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/guidewalk/guidewalk/guide"
)

// StepRecord is what the suite did for one Gherkin step.
type StepRecord struct {
	Text       string
	GuideStep  int
	Outcome    string // passed, failed, skipped, deviation
	Seconds    float64
	Screenshot string
	Extra      []string // screenshots taken within the step
	Notes      []string
	Err        string
}

// ScenarioRecord is one scenario's run.
type ScenarioRecord struct {
	Index     int
	Name      string
	Deviation bool
	Outcome   string
	Steps     []StepRecord
	Trace     string
	PageHTML  string
	Logs      map[string]string
	Duration  time.Duration
}

// DeviationRecord is a guide step the real UI does not follow, kept as a
// strict expected failure.
type DeviationRecord struct {
	Scenario string
	Err      *GuideError
}

// Report collects the run for the terminal summary and artifacts/report.html,
// the walkthrough a contributor can read without running anything.
type Report struct {
	mu         sync.Mutex
	guide      *guide.Guide
	dir        string
	refs       map[string]int
	features   []string // the feature files that transcribe the guide
	redact     func(string) string
	Scenarios  []*ScenarioRecord
	Deviations []DeviationRecord
	Unsaid     []UnsaidRecord // what a reader had to do that the guide does not say
	Versions   []string       // per product: what the guide names, what the run ran
	Network    string         // what the browser fetched from where
}

// SetVersions records the products' versions for the report's header.
func (r *Report) SetVersions(v []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Versions = v
}

// NewReport reads the guide references of the features that run.
func NewReport(g *guide.Guide, dir string, features []string, redact func(string) string) *Report {
	r := &Report{guide: g, dir: dir, refs: map[string]int{}, redact: redact, features: features}
	if ts, err := readAll(features); err == nil {
		for _, t := range ts {
			if t.GuideStep > 0 {
				r.refs[t.Text] = t.GuideStep
			}
		}
	}
	return r
}

// GuideRef is the guide step a Gherkin step transcribes (0 for none).
func (r *Report) GuideRef(text string) int { return r.refs[text] }

// BeginScenario starts a scenario record; scenarios may run at the same
// time, so each keeps its own and the report sorts them by index.
func (r *Report) BeginScenario(i int, name string, deviation bool) *ScenarioRecord {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec := &ScenarioRecord{Index: i, Name: name, Deviation: deviation}
	r.Scenarios = append(r.Scenarios, rec)
	sort.SliceStable(r.Scenarios, func(a, b int) bool { return r.Scenarios[a].Index < r.Scenarios[b].Index })
	return rec
}

// AddStep records a step of the scenario rec.
func (r *Report) AddStep(rec *ScenarioRecord, s StepRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec.Steps = append(rec.Steps, s)
}

// UnsaidRecord is something a reader must do that the guide does not say,
// done by the suite in the least way a reader would: never silent, and not a
// deviation (the guide is not wrong, it is incomplete).
type UnsaidRecord struct {
	Scenario  string
	AfterStep int // the guide step after which it was needed (0: before step 1)
	Where     string
	What      string
	Shot      string
}

// Place says where in the guide it was needed: after a numbered step, at a
// line outside them (a configuration block), or before step 1.
func (u UnsaidRecord) Place() string {
	switch {
	case u.AfterStep > 0:
		return fmt.Sprintf("after guide step %d (%s)", u.AfterStep, u.Where)
	case strings.Contains(u.Where, ".md:"):
		return "at " + u.Where
	}
	return fmt.Sprintf("before guide step 1 (%s)", u.Where)
}

// AddUnsaid records something the guide leaves unsaid, once per what.
func (r *Report) AddUnsaid(u UnsaidRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, x := range r.Unsaid {
		if x.What == u.What && x.AfterStep == u.AfterStep {
			return
		}
	}
	r.Unsaid = append(r.Unsaid, u)
}

// AddDeviation records an expected deviation.
func (r *Report) AddDeviation(scenario string, ge *GuideError) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Deviations = append(r.Deviations, DeviationRecord{Scenario: scenario, Err: ge})
}

// EndScenario closes the scenario record rec.
func (r *Report) EndScenario(rec *ScenarioRecord, outcome, trace, page string, logs map[string]string, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec.Outcome, rec.Trace, rec.PageHTML, rec.Logs, rec.Duration = outcome, trace, page, logs, d
}

// furniture are the guide's shortcodes other than the rendered sitevars.
func (r *Report) furniture() []guide.Shortcode {
	var out []guide.Shortcode
	for _, sc := range r.guide.Shortcodes {
		if !sc.Rendered {
			out = append(out, sc)
		}
	}
	return out
}

// Summary is the plain-text list of deviations for the terminal.
func (r *Report) Summary() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "guidewalk: %d scenario(s), %d expected deviation(s) from the guide\n", len(r.Scenarios), len(r.Deviations))
	for _, v := range r.Versions {
		fmt.Fprintf(&b, "  %s\n", v)
	}
	if len(r.Unsaid) > 0 {
		fmt.Fprintf(&b, "  not in the guide, done as a reader would (%d):\n", len(r.Unsaid))
		for _, u := range r.Unsaid {
			fmt.Fprintf(&b, "    %s, in %q: %s\n", u.Place(), u.Scenario, u.What)
		}
	}
	for _, d := range r.Deviations {
		fmt.Fprintf(&b, "  deviation in %q: %s\n", d.Scenario, d.Err.Error())
	}
	return r.redact(b.String())
}

// Write renders artifacts/report.html with screenshots embedded, so the
// file can be opened or mailed on its own.
func (r *Report) Write() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	type stepView struct {
		StepRecord
		Guide string
		Where string
		Image template.URL
		Extra []template.URL
	}
	type scenarioView struct {
		*ScenarioRecord
		Steps []stepView
	}
	var views []scenarioView
	for _, sc := range r.Scenarios {
		v := scenarioView{ScenarioRecord: sc}
		for _, st := range sc.Steps {
			sv := stepView{StepRecord: st}
			if st.GuideStep > 0 {
				if gs, err := r.guide.Step(st.GuideStep); err == nil {
					sv.Guide = fmt.Sprintf("%d. %s", gs.Number, gs.Text)
					for _, it := range gs.Items {
						sv.Guide += "\n    - " + it.Text
					}
					sv.Where = r.guide.Where(gs.Line)
				}
			}
			sv.Image = dataURL(st.Screenshot)
			for _, x := range st.Extra {
				sv.Extra = append(sv.Extra, dataURL(x))
			}
			v.Steps = append(v.Steps, sv)
		}
		views = append(views, v)
	}
	rel := func(p string) string {
		if p == "" {
			return ""
		}
		if q, err := filepath.Rel(r.dir, p); err == nil {
			return q
		}
		return p
	}
	var buf strings.Builder
	err := reportTemplate.Execute(&buf, map[string]any{
		"Guide": r.guide, "Features": r.features, "Versions": r.Versions, "Unsaid": r.Unsaid, "Furniture": r.furniture(), "Network": r.Network, "Scenarios": views, "Deviations": r.Deviations, "When": time.Now().Format(time.RFC1123),
		"Rel": rel,
	})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(r.dir, "report.html"), []byte(r.redact(buf.String())), 0o644)
}

var reportTemplate = template.Must(template.New("report").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>guidewalk: {{.Guide.Title}}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1.5em;color:#222}
h1{margin-bottom:.2em} .sub{color:#666;margin-top:0}
.scenario{border:1px solid #ddd;border-radius:8px;margin:1.5em 0;padding:0 1em 1em}
.step{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:1em;border-top:1px solid #eee;padding:.8em 0}
.guide{white-space:pre-wrap;background:#f6f8fa;border-left:4px solid #888;padding:.5em .8em;font-family:ui-monospace,monospace;font-size:13px}
.where{color:#888;font-size:12px}
img{max-width:100%;border:1px solid #ccc;border-radius:4px}
.passed{color:#1a7f37}.failed{color:#cf222e}.deviation{color:#9a6700}.skipped{color:#888}
.badge{font-weight:bold;text-transform:uppercase;font-size:12px}
.err{white-space:pre-wrap;color:#cf222e;font-family:ui-monospace,monospace;font-size:13px}
.note{color:#555;font-size:13px}
</style></head><body>
<h1>{{.Guide.Title}}: the guide, done step by step</h1>
<p class="sub">Guide: <code>{{.Guide.Path}}</code> · feature {{range .Features}}<code>{{.}}</code> {{end}}{{range .Guide.TestedVersions}} · {{.Product}} {{.Version}}{{end}} · run {{.When}}</p>
{{if .Versions}}<ul class="versions">{{range .Versions}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{if .Guide.Sitevars}}<p class="note">Site variables: {{range $k, $v := .Guide.Sitevars}}<code>{{$k}}={{$v}}</code> {{end}}(the docs' <code>sitevar</code> shortcodes, rendered; <code>GUIDEWALK_SITEVARS</code> overrides them).</p>{{end}}
{{if .Network}}<p class="note">Network: {{.Network}}</p>{{end}}
{{if .Furniture}}<p class="note">Shortcodes of the docs site that the suite does not execute: {{range .Furniture}}<code>{{.Raw}}</code> (line {{.Line}}) {{end}}</p>{{end}}
{{if .Unsaid}}<h2>Not in the guide</h2><p class="note">What a reader must do that the guide does not say; the suite did the least a reader would.</p><ul>{{range .Unsaid}}<li>{{.Place}}, in {{.Scenario}}: {{.What}}{{if .Shot}} <a href="{{call $.Rel .Shot}}">screenshot</a>{{end}}</li>{{end}}</ul>{{end}}
{{if .Deviations}}<h2>Deviations from the guide</h2><ul>{{range .Deviations}}<li class="deviation">{{.Scenario}}: {{.Err.Error}}</li>{{end}}</ul>{{end}}
{{range .Scenarios}}<div class="scenario"><h2>{{.Index}}. {{.Name}} <span class="badge {{.Outcome}}">{{.Outcome}}</span></h2>
{{if .Trace}}<p>Evidence: <a href="{{call $.Rel .Trace}}">Playwright trace</a> (<code>playwright show-trace</code>) · <a href="{{call $.Rel .PageHTML}}">page HTML</a>{{range $name, $path := .Logs}} · <a href="{{call $.Rel $path}}">{{$name}} log</a>{{end}}</p>{{end}}
{{range .Steps}}<div class="step"><div>
<p><span class="badge {{.Outcome}}">{{.Outcome}}</span> <b>{{.Text}}</b> <span class="where">{{printf "%.1fs" .Seconds}}</span></p>
{{if .Guide}}<div class="guide">{{.Guide}}</div><div class="where">{{.Where}}</div>{{end}}
{{range .Notes}}<p class="note">{{.}}</p>{{end}}
{{if .Err}}<p class="err">{{.Err}}</p>{{end}}
</div><div>{{range .Extra}}<img src="{{.}}" alt="screenshot during: {{$.Guide.Title}}">{{end}}{{if .Image}}<img src="{{.Image}}" alt="screenshot after: {{.Text}}">{{end}}</div></div>{{end}}
</div>{{end}}
</body></html>
`))

// dataURL embeds a screenshot so that the report is one self-contained file.
func dataURL(path string) template.URL {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	mime := "image/png"
	if strings.HasSuffix(path, ".jpg") {
		mime = "image/jpeg"
	}
	return template.URL("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(b))
}
