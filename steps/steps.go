package steps

import "github.com/cucumber/godog"

// register binds the Gherkin steps every guide shares, then the steps of
// the guide's application, to the actions.
func (w *World) register(sc *godog.ScenarioContext) {
	// Configuration > Authelia.
	sc.Step(`^Authelia runs with the guide's client configuration for (.+)$`, w.x1(w.autheliaRunsWithGuideClient))
	// A method of variables or of numbered steps, as the guide heads it.
	sc.Step(`^.+ is configured as the guide's "([^"]*)" method says$`, w.x1(w.configuredBy))
	// The Authelia part of logging in: first factor, second factor, consent.
	sc.Step(`^I login as "([^"]*)"$`, w.x1(w.loginAs))
	if w.s.App != nil {
		w.s.App.Steps(w, sc)
	}
}

// x0, x1 and x2 run a step through expect, keeping godog's typed arguments.
func (w *World) x0(f func() error) func() error { return func() error { return w.expect(f()) } }

func (w *World) x1(f func(string) error) func(string) error {
	return func(a string) error { return w.expect(f(a)) }
}

func (w *World) x2(f func(string, string) error) func(string, string) error {
	return func(a, b string) error { return w.expect(f(a, b)) }
}
