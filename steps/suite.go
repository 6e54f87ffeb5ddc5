// Package steps holds the step definitions that do what the guide says, in
// a real browser, against the environment env stands up.
package steps

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/lint"
	"github.com/mxschmitt/playwright-go"
)

// Settings, all optional.
const (
	GuideVar       = "GUIDEWALK_GUIDE"       // path of the guide to verify
	SitevarsVar    = "GUIDEWALK_SITEVARS"    // the docs' site variables, e.g. "domain=example.org"
	FeaturesVar    = "GUIDEWALK_FEATURES"    // feature files to run instead of the ones chosen for the guide
	ParallelVar    = "GUIDEWALK_PARALLEL"    // scenarios run at the same time (default 3; 1 for one after the other)
	ScreenshotsVar = "GUIDEWALK_SCREENSHOTS" // png (default) or jpeg
	TraceVar       = "GUIDEWALK_TRACE"       // actions (default), snapshots (DOM snapshots too) or off
	ArtifactsVar   = "GUIDEWALK_ARTIFACTS"   // where screenshots, traces and reports go
	HeadedVar      = "GUIDEWALK_HEADED"      // "1": show the browser
	SlowMoVar      = "GUIDEWALK_SLOWMO"      // milliseconds between browser actions
	PauseVar       = "GUIDEWALK_PAUSE"       // milliseconds to pause after each step
)

// DefaultGuide is the project's copy of the guide, relative to the repo root.
const DefaultGuide = "features/minio/guide.md"

// Suite is what all scenarios share: one guide, one environment with an
// application instance per configuration method, a browser for each.
type Suite struct {
	Guide     *guide.Guide
	Env       *env.Environment
	PW        *playwright.Playwright
	App       Application // the guide's application
	Targets   []*Target
	Assets    *env.AssetCache
	Artifacts string
	Log       *env.Logger
	Report    *Report
	startErr  error
	scenarios int
	shots     tally     // time spent taking screenshots
	busy      busyShots // screenshots that show a loading indicator
	planned   []Planned // what godog will run, in order (nil under the godog CLI)
	paths     []string
	tags      string
	mu        sync.Mutex
	stopOnce  sync.Once
	startOnce sync.Once
	phases    map[string]time.Duration
	began     time.Time
	findings  []lint.Finding // the offline check's, printed first
	users     []env.User     // the application's Authelia users, before each method gets its own
}

var suite = &Suite{}

// Current is the running suite (for the test runner's summary).
func Current() *Suite { return suite }

// SetupError is why set-up failed, nil when it did not: the runner fails
// with it once, instead of once per scenario.
func (s *Suite) SetupError() error { return s.startErr }

// InitializeTestSuite starts the world before the first scenario and removes
// it after the last, on failure and on Ctrl-C too.
func InitializeTestSuite(ctx *godog.TestSuiteContext) {
	ctx.BeforeSuite(func() { _ = Setup() })
	ctx.AfterSuite(func() { suite.stop() })
}

// Plan tells the suite which features and tags godog runs, before Setup:
// the report keeps their order and scenarios that wait for another know
// whether it runs.
func Plan(paths []string, tags string) error {
	suite.paths, suite.tags = paths, tags
	var err error
	suite.planned, err = plan(paths, tags)
	return err
}

// order is the scenario's place in the run (1-based), in the features'
// order whatever order scenarios start in.
func (s *Suite) order(name string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, p := range s.planned {
		if p.Name == name {
			return i + 1
		}
	}
	s.scenarios++
	return len(s.planned) + s.scenarios
}

// Setup starts the world once; runners call it before godog so that a
// failed set-up is said once and no scenario pretends to run.
func Setup() error {
	suite.startOnce.Do(func() {
		suite.startErr = suite.start()
		if suite.startErr != nil {
			suite.Log.Printf("set-up failed, no scenario runs: %v", suite.startErr)
		}
	})
	return suite.startErr
}

// Teardown removes the world and writes the summary (after a failed Setup).
func Teardown() { suite.stop() }

func (s *Suite) start() error {
	s.began = time.Now()
	s.Log = env.NewLogger(os.Stderr)
	s.phases = map[string]time.Duration{}
	s.Assets = env.NewAssetCache()
	s.Artifacts = os.Getenv(ArtifactsVar)
	if s.Artifacts == "" {
		s.Artifacts = "artifacts"
	}
	// The evidence of an earlier run in the same folder would pass for this one's.
	for _, d := range []string{"screenshots", "traces", "pages", "logs", "report.html", "junit.xml", "cucumber.json", "timings.json"} {
		_ = os.RemoveAll(filepath.Join(s.Artifacts, d))
	}
	if err := os.MkdirAll(filepath.Join(s.Artifacts, "screenshots"), 0o755); err != nil {
		return err
	}
	path := GuidePath()
	g, err := LoadGuide(path)
	if err != nil {
		return fmt.Errorf("the guide under test: %w", err)
	}
	s.Guide = g
	choice, err := FeaturesFor(g, "features")
	if err != nil {
		return err
	}
	s.Report = NewReport(g, s.Artifacts, choice.Paths, s.Log.Redact)
	// The guide's client secret is public, but artifacts show no secret in clear.
	if a, err := g.Assumption("Client Secret"); err == nil {
		s.Log.Hide(a.Value)
	}
	if st, ok := g.Form(); ok {
		for _, it := range st.Items {
			if strings.EqualFold(it.Label, "Client Secret") {
				s.Log.Hide(it.Value)
			}
		}
	}
	s.Log.Printf("verifying %s (%s) with %s", path, g.Title, strings.Join(choice.Paths, ", "))
	s.offlineCheck(g)
	for _, f := range choice.Findings {
		s.Log.Printf("the feature does not fit the guide: %v", f)
	}
	authURL, _, err := g.AutheliaRootURL()
	if err != nil {
		return err
	}
	autheliaImage, err := productImage(g, "Authelia", env.AutheliaImageVar, env.AutheliaImage)
	if err != nil {
		return err
	}
	if s.App, err = ApplicationFor(g); err != nil {
		return err
	}
	if s.Targets, err = targets(g, s.App); err != nil {
		return err
	}
	s.assignConfigurer()
	users := s.App.Users()
	if a, ok := s.App.(UsersFromGuide); ok {
		if users, err = a.UsersFor(g); err != nil {
			return err
		}
	}
	s.users = users
	var apps []env.AppSpec
	for _, t := range s.Targets {
		apps = append(apps, t.Instance.Spec())
		s.Log.Printf("configuration method %q: %s instance %q", t.Label(), s.App.Product(), t.Name)
	}
	s.interruptible()
	// The Playwright driver starts while the containers do.
	type started struct {
		pw  *playwright.Playwright
		err error
		in  time.Duration
	}
	driver := make(chan started, 1)
	go func() {
		t := time.Now()
		pw, err := env.StartPlaywright()
		driver <- started{pw, err, time.Since(t)}
	}()
	e, err := env.Start(context.Background(), env.Config{
		AutheliaURL: authURL, ClientYAML: g.ClientYAML, AutheliaImage: autheliaImage, Apps: apps, Users: usersFor(s.Targets, users), Log: s.Log,
	})
	d := <-driver
	s.PW = d.pw
	s.phases["driver"] = d.in
	if err != nil {
		return err
	}
	s.Env = e
	for i, t := range s.Targets {
		t.Instance.Bind(e.Apps[i])
	}
	s.Report.SetVersions(s.versions())
	for _, v := range s.Report.Versions {
		s.Log.Printf("%s", v)
	}
	if d.err != nil {
		return d.err
	}
	t := time.Now()
	errs := make([]error, len(s.Targets))
	var wg sync.WaitGroup
	for i, tg := range s.Targets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tg.Browser, errs[i] = e.LaunchBrowser(s.PW, tg.Instance.App(), env.BrowserOptions{Headed: os.Getenv(HeadedVar) == "1", SlowMo: envFloat(SlowMoVar)})
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	s.phases["browser"] = time.Since(t)
	b := s.Targets[0].Browser
	s.Log.Printf("browser: %d Chromium %s (%s) launched in %.1fs, one per %s instance (driver started in %.1fs, beside the containers)",
		len(s.Targets), b.Browser.Version(), b.Executable, time.Since(t).Seconds(), s.App.Product(), d.in.Seconds())
	return nil
}

// versions says, per product, what the guide names and what this run ran.
func (s *Suite) versions() []string {
	var out []string
	line := func(product, image, said string) {
		named := "no version"
		if v, err := s.Guide.Version(product); err == nil && v.Version != "" {
			named = v.Version + " (" + s.Guide.Where(v.Line) + ")"
		}
		out = append(out, fmt.Sprintf("%s: the guide names %s, this run ran %s, which says %q", product, named, image, said))
	}
	line("Authelia", s.Env.AutheliaImage, s.Env.AutheliaVersion)
	seen := map[string]bool{}
	for _, t := range s.Targets {
		if a := t.Instance.App(); !seen[a.Spec.Image] {
			seen[a.Spec.Image] = true
			line(s.App.Product(), a.Spec.Image, a.Version)
		}
	}
	return out
}

// GuidePath is the guide under test: $GUIDEWALK_GUIDE or the project's copy.
func GuidePath() string {
	if p := os.Getenv(GuideVar); p != "" {
		return p
	}
	return DefaultGuide
}

// LoadGuide reads the guide with the docs' site variables $GUIDEWALK_SITEVARS sets.
func LoadGuide(path string) (*guide.Guide, error) {
	vars, err := guide.ParseSitevars(os.Getenv(SitevarsVar))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SitevarsVar, err)
	}
	return ReadGuide(path, vars)
}

// ReadGuide reads the guide with the site variables vars. A guide whose
// shape the strict reading does not know (its Authelia client under a
// heading other than "### Authelia") is read as the offline check reads
// it, when that reading has nothing it could not read.
func ReadGuide(path string, vars map[string]string) (*guide.Guide, error) {
	o := guide.Options{Sitevars: vars}
	g, err := guide.LoadWith(path, o)
	if err == nil {
		return g, nil
	}
	lg, found, cerr := lint.Check(path, lint.Options{Sitevars: vars})
	if cerr != nil || lg.ClientYAML == "" || len(lg.Methods) == 0 {
		return nil, err
	}
	for _, f := range found {
		if f.Rule == lint.RuleUnread || f.Rule == lint.RuleBlockSyntax || f.Rule == lint.RuleSitevar {
			return nil, err
		}
	}
	return lg, nil
}

func (s *Suite) stop() {
	s.stopOnce.Do(func() {
		defer s.writeTimings()
		for _, t := range s.Targets {
			t.Browser.Close()
		}
		if s.PW != nil {
			_ = s.PW.Stop()
		}
		if s.Env != nil {
			s.Env.Stop()
		}
		if s.Report != nil {
			s.Report.Network = fmt.Sprintf("Browser contexts share nothing but this: the content-hashed static files (name.<hash>.js) an application served in this run, "+
				"%d of them, were answered %d times from the run's memory (%.1f MB not fetched again); pages, API calls and everything else always reached the products.",
				s.Assets.Files(), s.Assets.Hits.Load(), float64(s.Assets.Bytes.Load())/1e6)
			if err := s.Report.Write(); err != nil && s.Log != nil {
				s.Log.Printf("report: %v", err)
			}
		}
		if s.startErr != nil {
			s.setupFailed()
		} else if s.Report != nil {
			fmt.Fprint(os.Stderr, s.Report.Summary())
			s.Report.GitHub(os.Stdout)
		}
	})
}

// setupFailed says once why no scenario ran: in the terminal, and on GitHub
// as an annotation (on the guide's line when the guide is at fault) and in
// the step summary.
func (s *Suite) setupFailed() {
	msg := s.Log.Redact(s.startErr.Error())
	fmt.Fprintf(os.Stderr, "guidewalk: set-up failed, no scenario ran:\n  %s\n", strings.ReplaceAll(msg, "\n", "\n  "))
	if !OnGitHub() {
		return
	}
	path, line := "", 0
	if ge := (*guide.Error)(nil); errors.As(s.startErr, &ge) {
		path, line = ge.Path, ge.Line
	}
	Annotate(os.Stdout, "error", path, line, "guidewalk set-up", msg)
	_ = AppendSummary(fmt.Sprintf("## guidewalk: set-up failed\n\nNo scenario ran.\n\n```\n%s\n```\n", msg))
}

// interruptible removes the world on Ctrl-C or SIGTERM before exiting.
func (s *Suite) interruptible() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-ch
		s.Log.Printf("%v: removing the environment", sig)
		s.stop()
		os.Exit(130)
	}()
}

// Phases are the environment's and browser's set-up times, for the benchmark.
func (s *Suite) Phases() map[string]time.Duration {
	out := map[string]time.Duration{}
	if s.Env != nil {
		for k, v := range s.Env.Phases {
			out[k] = v
		}
	}
	for k, v := range s.phases {
		out[k] = v
	}
	return out
}

// tally adds up durations from several goroutines.
type tally struct{ n, d atomic.Int64 }

func (t *tally) add(d time.Duration) { t.n.Add(1); t.d.Add(int64(d)) }

// Concurrency is how many scenarios run at the same time.
func Concurrency() int {
	if n := int(envFloat(ParallelVar)); n > 0 {
		return n
	}
	if os.Getenv(HeadedVar) == "1" {
		return 1 // a person watches one browser at a time
	}
	return 3
}

func envFloat(name string) float64 {
	var f float64
	_, _ = fmt.Sscanf(os.Getenv(name), "%g", &f)
	return f
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	return out
}

// RedactFiles masks the run's secrets in files other tools wrote (godog's
// junit and cucumber reports carry step errors verbatim).
func (s *Suite) RedactFiles(paths ...string) {
	if s.Log == nil {
		return
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			_ = os.WriteFile(p, []byte(s.Log.Redact(string(b))), 0o644)
		}
	}
}

// writeTimings leaves artifacts/timings.json: seconds per set-up phase, per
// scenario, teardown and the whole run, for `make bench`.
func (s *Suite) writeTimings() {
	if s.Artifacts == "" {
		return
	}
	t := map[string]any{"total": time.Since(s.began).Seconds()}
	phases := map[string]float64{}
	for k, v := range s.Phases() {
		phases[k] = v.Seconds()
	}
	t["phases"] = phases
	t["screenshots"] = map[string]any{"count": s.shots.n.Load(), "seconds": time.Duration(s.shots.d.Load()).Seconds(), "format": shotFormat()}
	scenarios := map[string]float64{}
	steps := map[string]float64{}
	if s.Report != nil {
		for _, sc := range s.Report.Scenarios {
			scenarios[sc.Name] = sc.Duration.Seconds()
			for i, st := range sc.Steps {
				steps[fmt.Sprintf("%02d.%02d %s", sc.Index, i+1, st.Text)] = st.Seconds
			}
		}
	}
	t["scenarios"] = scenarios
	t["steps"] = steps
	b, _ := json.MarshalIndent(t, "", "  ")
	_ = os.WriteFile(filepath.Join(s.Artifacts, "timings.json"), b, 0o644)
}
