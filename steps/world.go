package steps

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// World is one scenario: a fresh browser context on the shared browser.
type World struct {
	s          *Suite
	target     *Target // the configuration method and application instance this scenario works on
	rec        *ScenarioRecord
	scenario   *godog.Scenario
	index      int
	stepN      int
	dir        string // this scenario's screenshot folder
	bctx       playwright.BrowserContext
	page       playwright.Page
	popup      playwright.Page // a window the application opened for Authelia, until it closes
	authorize  authorization   // the last authorization request the application sent Authelia
	busyIsPage string          // why this step's page is the application at work (ShowsProgress)
	deviation  bool            // tagged @deviation: a guide step is expected to fail as written
	deviated   *GuideError
	deviatedAt *godog.Step
	current    *godog.Step
	user       string // the Authelia user of this scenario
	notes      []string
	extra      []string           // screenshots taken inside the step, before its end
	drawn      playwright.Locator // what shows once the step's page is drawn (DrawnWhen)
	stepStart  time.Time
	started    time.Time
}

// InitializeScenario registers the hooks and the steps for one scenario.
func InitializeScenario(sc *godog.ScenarioContext) {
	w := &World{s: suite}
	sc.Before(w.before)
	sc.StepContext().Before(w.beforeStep)
	sc.StepContext().After(w.afterStep)
	sc.After(w.after)
	w.register(sc)
}

func (w *World) before(ctx context.Context, sc *godog.Scenario) (context.Context, error) {
	w.scenario = sc
	w.started = time.Now()
	for _, t := range sc.Tags {
		if t.Name == "@deviation" {
			w.deviation = true
		}
	}
	if w.s.startErr != nil {
		// Said once, at the top and in the summary: not under every scenario.
		return ctx, errors.New("not run: set-up failed (see above)")
	}
	if err := w.s.Env.Down(); err != nil {
		return ctx, err
	}
	w.index = w.s.order(sc.Name)
	w.target = w.s.stepsTarget()
	// A scenario that needs the numbered steps done by another waits for
	// them before it loads anything: its pages would only compete with them.
	if t := w.target; t != nil && t.configurer != "" && t.configurer != sc.Name && needsNumberedSteps(sc, t.Label()) {
		if err := t.awaitConfigurer(); err != nil {
			return ctx, err
		}
		// The scenario's own time starts now; the wait is said in its first step.
		if waited := time.Since(w.started); waited > time.Second/10 {
			w.note("waited %.1fs for the scenario %q to do the guide's numbered steps", waited.Seconds(), t.configurer)
		}
		w.started = time.Now()
	}
	w.dir = filepath.Join(w.s.Artifacts, "screenshots", fmt.Sprintf("%02d-%s", w.index, slug(sc.Name)))
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return ctx, err
	}
	if err := w.openContext(); err != nil {
		return ctx, err
	}
	w.rec = w.s.Report.BeginScenario(w.index, sc.Name, w.deviation)
	return ctx, nil
}

// needsNumberedSteps: the scenario has a step that needs the instance of the
// method of numbered steps configured ("… is configured as the guide's "Web
// GUI" method says", "… as the guide's steps 1 to 6 say").
func needsNumberedSteps(sc *godog.Scenario, label string) bool {
	for _, st := range sc.Steps {
		if strings.Contains(st.Text, "is configured as the guide's") &&
			(strings.Contains(st.Text, `"`+label+`"`) || strings.Contains(st.Text, "guide's steps")) {
			return true
		}
	}
	return false
}

func (w *World) openContext() error {
	if w.bctx != nil {
		_ = w.bctx.Close()
	}
	var err error
	if w.bctx, err = w.target.Browser.Browser.NewContext(playwright.BrowserNewContextOptions{
		Viewport: &playwright.Size{Width: 1280, Height: 860},
	}); err != nil {
		return err
	}
	if err := w.s.Assets.Attach(w.bctx); err != nil {
		return err
	}
	if mode := traceMode(); mode != "off" {
		// Actions, network and console by default; DOM snapshots cost about
		// a tenth of the run's CPU and the step screenshots show the screens.
		_ = w.bctx.Tracing().Start(playwright.TracingStartOptions{Screenshots: playwright.Bool(false), Snapshots: playwright.Bool(mode == "snapshots")})
	}
	// What the application asks Authelia for, in any window: a refusal is
	// judged against it.
	w.bctx.OnRequest(w.recordAuthorization)
	if w.page, err = w.bctx.NewPage(); err != nil {
		return err
	}
	pages.Watch(w.page)
	return nil
}

// use switches the scenario to the application instance of the method labelled
// label, in a fresh browser context of that instance's browser.
func (w *World) use(label string) error {
	t, err := w.s.target(label)
	if err != nil {
		return err
	}
	if t == w.target {
		return nil
	}
	w.target = t
	return w.openContext()
}

// appURL is the Application Root URL of this scenario's instance.
func (w *World) appURL() string { return w.target.Instance.App().URL.String() }

// beforeStep remembers which step runs, for expected deviations.
func (w *World) beforeStep(ctx context.Context, st *godog.Step) (context.Context, error) {
	w.current = st
	w.stepStart = time.Now()
	return ctx, nil
}

// afterStep takes the step's screenshot and records it for the report. It
// returns no error of its own: godog would merge it into the step's.
func (w *World) afterStep(ctx context.Context, st *godog.Step, status godog.StepResultStatus, err error) (context.Context, error) {
	if w.page == nil {
		return ctx, nil
	}
	w.stepN++
	took := time.Since(w.stepStart)
	if w.drawn != nil && err == nil {
		// The page is drawn when its own sign shows, not when it has colours.
		if e := w.drawn.First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateVisible, Timeout: playwright.Float(10000)}); e != nil {
			w.s.Log.Printf("step %q: the page at %s does not show the sign it is drawn by: %v", st.Text, w.page.URL(), e)
		}
	}
	w.drawn = nil
	shot := w.screenshot(fmt.Sprintf("%02d-%s.png", w.stepN, slug(st.Text)))
	w.busyIsPage = ""
	outcome := "passed"
	switch {
	case err != nil:
		outcome = "failed"
		if ge, ok := asGuideError(err); ok && ge.Shot == "" {
			ge.Shot = shot
		}
	case status == godog.StepSkipped:
		outcome = "skipped"
	case w.deviatedAt == st:
		outcome = "deviation"
	}
	w.s.Report.AddStep(w.rec, StepRecord{Text: st.Text, GuideStep: w.s.Report.GuideRef(st.Text), Outcome: outcome, Seconds: took.Seconds(), Screenshot: shot, Extra: w.extra, Notes: w.notes, Err: errString(err, w)})
	w.notes, w.extra = nil, nil
	w.pause()
	return ctx, nil
}

// expect settles expected deviations inside the step itself (godog's hooks
// cannot turn a failed step green): in a @deviation scenario the guide step
// failing as the UI still makes it fail is the expected outcome, and the
// scenario's last step succeeding means the deviation is gone.
func (w *World) expect(err error) error {
	if !w.deviation || w.current == nil {
		return w.why(err)
	}
	ref := w.s.Report.GuideRef(w.current.Text)
	// The guide step the Gherkin step transcribes fails as written; or, for
	// a step transcribing no numbered step (a configuration method's
	// block), a line of the guide outside the numbered steps does.
	if ge, ok := asGuideError(err); ok && ge.Step == ref && (ref > 0 || ge.Where != "") {
		w.deviated, w.deviatedAt = ge, w.current
		w.s.Report.AddDeviation(w.scenario.Name, ge)
		w.note("expected deviation: %s", ge.Error())
		return nil
	}
	if err == nil && w.deviated == nil && w.current.Text == lastStepText(w.scenario) {
		return fmt.Errorf("the guide's steps in this @deviation scenario now work as written: the recorded deviation is gone; remove @deviation from %q", w.scenario.Name)
	}
	return w.why(err)
}

func (w *World) pause() {
	if ms := envFloat(PauseVar); ms > 0 {
		time.Sleep(time.Duration(ms) * time.Millisecond) // a person watching the walkthrough asked for it
	}
}

func errString(err error, w *World) string {
	if err == nil {
		return ""
	}
	return w.s.Log.Redact(err.Error())
}

func lastStepText(sc *godog.Scenario) string {
	if len(sc.Steps) == 0 {
		return ""
	}
	return sc.Steps[len(sc.Steps)-1].Text
}

// after keeps the evidence of a failure: the trace, the page's HTML and the
// containers' last log lines.
func (w *World) after(ctx context.Context, sc *godog.Scenario, err error) (context.Context, error) {
	if t := w.s.stepsTarget(); t != nil && t.configurer == sc.Name {
		defer t.finished() // scenarios waiting for steps 1 to 6 go on, configured or not
	}
	if w.bctx == nil {
		return ctx, nil
	}
	if err != nil {
		base := fmt.Sprintf("%02d-%s", w.index, slug(sc.Name))
		trace := filepath.Join(w.s.Artifacts, "traces", base+".zip")
		_ = os.MkdirAll(filepath.Dir(trace), 0o755)
		if err := w.bctx.Tracing().Stop(trace); err == nil {
			if err := redactZip(trace, w.s.Log.Redact); err != nil {
				w.s.Log.Printf("trace %s: %v", trace, err)
			}
		}
		html, _ := w.page.Content()
		htmlPath := w.writeArtifact(filepath.Join("pages", base+".html"), html)
		logPaths := map[string]string{}
		for name, text := range w.s.Env.ContainerLogs(60) {
			logPaths[name] = w.writeArtifact(filepath.Join("logs", base+"-"+slug(name)+".log"), text)
		}
		w.s.Report.EndScenario(w.rec, "failed", trace, htmlPath, logPaths, time.Since(w.started))
		if down := w.s.Env.Down(); down != nil {
			// The likeliest cause of the failure: say it with the error.
			_ = w.bctx.Close()
			w.bctx = nil
			return ctx, down
		}
	} else {
		_ = w.bctx.Tracing().Stop()
		outcome := "passed"
		if w.deviated != nil {
			outcome = "deviation"
		}
		w.s.Report.EndScenario(w.rec, outcome, "", "", nil, time.Since(w.started))
	}
	_ = w.bctx.Close()
	w.bctx = nil
	return ctx, nil
}

// note records something the step did that a reader of the report should see.
func (w *World) note(format string, args ...any) {
	w.notes = append(w.notes, w.s.Log.Redact(fmt.Sprintf(format, args...)))
}

// guideStep returns the guide's step n; the feature's quoted words are
// compared with the guide's code spans, and the guide wins: the suite tests
// the guide it is pointed at.
func (w *World) guideStep(n int, featureWords ...string) (guide.Step, error) {
	st, err := w.s.Guide.Step(n)
	if err != nil {
		return st, err
	}
	if len(featureWords) > 0 && !slices.Equal(featureWords, st.Code) {
		w.note("the feature transcribes %q, the guide under test says %q (%s): following the guide", featureWords, st.Code, w.s.Guide.Where(st.Line))
	}
	return st, nil
}

// deviates builds the error for a guide step the real UI does not offer.
// A screen lacking what the guide names is a GuideError; anything else (a
// timeout, a browser error) keeps its own message with the step's place.
func (w *World) deviates(st guide.Step, saw error) error {
	var nf *pages.NotFound
	if errors.As(saw, &nf) {
		return &GuideError{Step: st.Number, Where: w.s.Guide.Where(st.Line), Says: st.Text, Saw: saw.Error()}
	}
	return fmt.Errorf("guide step %d (%s) %q: %w", st.Number, w.s.Guide.Where(st.Line), st.Text, saw)
}

// guideCodes returns guide step n and its first count `code` words (the UI
// names the step acts on), noting where the feature quotes others. Empty
// feature words mean the call does not come from a feature line.
func (w *World) guideCodes(n, count int, featureWords ...string) (guide.Step, []string, error) {
	var words []string
	for _, f := range featureWords {
		if f != "" {
			words = append(words, f)
		}
	}
	st, err := w.guideStep(n, words...)
	if err != nil {
		return st, nil, err
	}
	codes := make([]string, count)
	for i := range codes {
		if codes[i], err = w.code(st, i); err != nil {
			return st, nil, err
		}
	}
	return st, codes, nil
}

// code returns the guide step's i-th code span, or an error naming the line.
func (w *World) code(st guide.Step, i int) (string, error) {
	if i >= len(st.Code) {
		return "", &GuideError{Step: st.Number, Where: w.s.Guide.Where(st.Line), Says: st.Text,
			Saw: fmt.Sprintf("the suite expects %d `quoted` UI name(s) in it and found %d", i+1, len(st.Code))}
	}
	return st.Code[i], nil
}

func trimURL(u string) string { return strings.TrimSuffix(u, "/") }

// notInGuide records something a reader had to do after guide step
// afterStep that the guide does not say, with a screenshot of it done.
func (w *World) notInGuide(afterStep int, format string, args ...any) {
	where := w.s.Guide.Path
	if st, err := w.s.Guide.Step(afterStep); err == nil {
		where = w.s.Guide.Where(st.Line)
	}
	w.notInGuideAt(afterStep, where, format, args...)
}

// notInGuideAt is notInGuide at a place of the guide given as "path:line".
func (w *World) notInGuideAt(afterStep int, where, format string, args ...any) {
	what := w.s.Log.Redact(fmt.Sprintf(format, args...))
	w.snap("not in the guide")
	shot := ""
	if len(w.extra) > 0 {
		shot = w.extra[len(w.extra)-1]
	}
	w.s.Report.AddUnsaid(UnsaidRecord{Scenario: w.scenario.Name, AfterStep: afterStep, Where: where, What: what, Shot: shot})
	w.note("not in the guide: %s", what)
}

// snap takes a screenshot inside a step, for screens the step passes
// through (Authelia's second factor, its consent).
func (w *World) snap(label string) { w.snapOf(w.page, label) }

// snapOf is snap of another window of the scenario (a pop-up).
func (w *World) snapOf(page playwright.Page, label string) {
	if shot := w.shoot(page, fmt.Sprintf("%02d-%s-%s.png", w.stepN+1, slug(w.current.Text), slug(label))); shot != "" {
		w.extra = append(w.extra, shot)
	}
}

// screenshot saves the page under name in the scenario's folder and returns
// its path, or "" when the page could not be shot.
func (w *World) screenshot(name string) string { return w.shoot(w.page, name) }

func (w *World) shoot(page playwright.Page, name string) string {
	t := time.Now()
	defer func() { w.s.shots.add(time.Since(t)) }()
	opts := playwright.PageScreenshotOptions{}
	if shotFormat() == "jpeg" {
		name = strings.TrimSuffix(name, ".png") + ".jpg"
		opts.Type, opts.Quality = playwright.ScreenshotTypeJpeg, playwright.Int(85)
	}
	shot := filepath.Join(w.dir, name)
	// A step may end as a redirect lands, or before a single-page app drew
	// its first screen: the picture is of the page it ended on, once drawn.
	if page.URL() != "about:blank" {
		pages.WaitDrawn(page, 10*time.Second)
	}
	buf, err := page.Screenshot(opts)
	// about:blank is blank by right: the scenario has loaded nothing yet.
	for try := 0; err == nil && opts.Type == nil && try < 3 && page.URL() != "about:blank" && blankPNG(buf); try++ {
		pages.WaitPainted(page, 10*time.Second)
		buf, err = page.Screenshot(opts)
	}
	// A spinner teaches a reader nothing: the picture waits for the page
	// it stands in for, and one that never comes is said.
	if err == nil && w.busyIsPage == "" && pages.Busy(page) {
		// An editor loads its nodes, then its flows: as long as any wait.
		if pages.Idle(page, pages.Timeout) {
			pages.WaitDrawn(page, 5*time.Second)
			buf, err = page.Screenshot(opts)
		}
		if err == nil && pages.Busy(page) {
			w.s.busy.add(shot, page.URL())
			w.s.Log.Printf("screenshot %s: the page at %s still shows a loading indicator", name, page.URL())
		}
	}
	if err != nil {
		return ""
	}
	if opts.Type == nil && blankPNG(buf) {
		w.s.Log.Printf("screenshot %s: the page at %s still shows nothing", name, page.URL())
	}
	if err := os.WriteFile(shot, buf, 0o644); err != nil {
		return ""
	}
	return shot
}

// traceMode is "actions" (default), "snapshots" or "off", as GUIDEWALK_TRACE says.
func traceMode() string {
	switch v := os.Getenv(TraceVar); v {
	case "snapshots", "off":
		return v
	}
	return "actions"
}

// shotFormat is png (default) or jpeg, as GUIDEWALK_SCREENSHOTS says.
func shotFormat() string {
	if os.Getenv(ScreenshotsVar) == "jpeg" {
		return "jpeg"
	}
	return "png"
}

// writeArtifact writes data under the artifacts folder, secrets masked.
func (w *World) writeArtifact(rel, data string) string {
	p := filepath.Join(w.s.Artifacts, rel)
	_ = os.MkdirAll(filepath.Dir(p), 0o755)
	_ = os.WriteFile(p, []byte(w.s.Log.Redact(data)), 0o644)
	return p
}
