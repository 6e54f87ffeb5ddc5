package steps

import (
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/mxschmitt/playwright-go"
)

// What an application's folder (apps/<app>) may use of a scenario. Its step
// definitions wrap *World in a type of their own and call only these.

// Page is the scenario's browser page.
func (w *World) Page() playwright.Page { return w.page }

// Guide is the guide under test.
func (w *World) Guide() *guide.Guide { return w.s.Guide }

// Env is the run's environment (Authelia, the instances, the users).
func (w *World) Env() *env.Environment { return w.s.Env }

// Instance is the application instance this scenario works on.
func (w *World) Instance() Instance { return w.target.Instance }

// Method is the configuration method that configured that instance.
func (w *World) Method() guide.Method { return w.target.Method }

// AppURL is the Application Root URL of this scenario's instance.
func (w *World) AppURL() string { return w.appURL() }

// Note records what a step did, for the report.
func (w *World) Note(format string, args ...any) { w.note(format, args...) }

// NotInGuide records what a reader had to do after guide step afterStep
// that the guide does not say, with a screenshot.
func (w *World) NotInGuide(afterStep int, format string, args ...any) {
	w.notInGuide(afterStep, format, args...)
}

// NotInGuideAt is NotInGuide for a line outside the numbered steps (a
// configuration file block, say).
func (w *World) NotInGuideAt(line int, format string, args ...any) {
	w.notInGuideAt(0, w.s.Guide.Where(line), format, args...)
}

// Snap takes a screenshot inside a step; SnapOf, of another window.
func (w *World) Snap(label string) { w.snap(label) }

// DrawnWhen names what shows once the page the step ends on is drawn (the
// heading or control the next step uses): the step's screenshot waits for
// it, not only for a page of more than one colour.
func (w *World) DrawnWhen(sign playwright.Locator) { w.drawn = sign }

// ShowsProgress says that the page this step ends on is the application at
// work (a server restarting, why says): its picture shows the indicator and
// is no screenshot of a page still loading.
func (w *World) ShowsProgress(why string) {
	w.busyIsPage = why
	w.note("the picture shows %s", why)
}

// SnapOf is Snap of another window of the scenario (a pop-up).
func (w *World) SnapOf(page playwright.Page, label string) { w.snapOf(page, label) }

// GuideStep is the guide's step n (the guide wins over the feature's words).
func (w *World) GuideStep(n int, featureWords ...string) (guide.Step, error) {
	return w.guideStep(n, featureWords...)
}

// GuideCodes is guide step n and its first count `code` words.
func (w *World) GuideCodes(n, count int, featureWords ...string) (guide.Step, []string, error) {
	return w.guideCodes(n, count, featureWords...)
}

// Code is the guide step's i-th `code` word, or an error naming its line.
func (w *World) Code(st guide.Step, i int) (string, error) { return w.code(st, i) }

// Deviates is the error for a guide step the real UI does not offer.
func (w *World) Deviates(st guide.Step, saw error) error { return w.deviates(st, saw) }

// ItemError is a GuideError on one sub-item (a form entry) of a step.
func (w *World) ItemError(st guide.Step, it guide.Item, saw string) error {
	return w.itemError(st, it, saw)
}

// TestUser is the Authelia user who plays name in this scenario.
func (w *World) TestUser(name string) (env.User, error) { return w.testUser(name) }

// User is the Authelia user of this scenario; SetUser names it.
func (w *World) User() string { return w.user }

// SetUser names the Authelia user this scenario plays.
func (w *World) SetUser(name string) { w.user = name }

// SetPopup: the application opened Authelia in this window; "I login as"
// signs in there and waits for it to close.
func (w *World) SetPopup(p playwright.Page) { w.popup = p }

// FreshContext starts the scenario over in a new browser context, as a
// fresh visitor.
func (w *World) FreshContext() error { return w.openContext() }

// Logf prints a progress line.
func (w *World) Logf(format string, args ...any) { w.s.Log.Printf(format, args...) }

// Users are the Authelia users of the application.
func (w *World) UserNames() []string { return w.userNames() }

// UseStepsInstance: the scenario works on the instance of the method of
// numbered steps (the one the configuring step configures).
func (w *World) UseStepsInstance() { w.target = w.s.stepsTarget() }

// MarkConfigured: the instance now holds the configuration the numbered
// steps make; scenarios waiting for it go on.
func (w *World) MarkConfigured() { w.target.markConfigured() }

// X0, X1 and X2 wrap a step definition so that expected deviations are
// settled inside the step (see expect).
func (w *World) X0(f func() error) func() error { return w.x0(f) }

// X1: see X0.
func (w *World) X1(f func(string) error) func(string) error { return w.x1(f) }

// X2: see X0.
func (w *World) X2(f func(string, string) error) func(string, string) error { return w.x2(f) }
