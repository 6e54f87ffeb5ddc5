package steps

import (
	"context"
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps/pages"
)

// autheliaRunsWithGuideClient: Authelia accepted the configuration made of
// the guide's client block (validate-config ran at set-up) and serves the
// discovery document with the guide's Authelia Root URL as issuer.
func (w *World) autheliaRunsWithGuideClient(product string) error {
	if !strings.EqualFold(product, w.s.Guide.Title) {
		w.note("the feature names %q, the guide under test is %q: following the guide", product, w.s.Guide.Title)
	}
	doc, err := w.s.Env.Discovery(context.Background())
	if err != nil {
		return err
	}
	w.note("issuer %v; Authelia validated the guide's client block at set-up", doc["issuer"])
	if _, err := w.s.Guide.Client(w.clientID()); err != nil {
		return err
	}
	return pages.Goto(w.page, w.s.Env.AutheliaURL.String()+".well-known/openid-configuration", w.page.GetByText(`"issuer"`))
}

// configuredBy: the instance of the method labelled label is configured as
// that method says, then the scenario starts at the application's first
// screen. A method of variables configured the instance when it started; a
// method of numbered steps is done here unless a scenario already did it.
func (w *World) configuredBy(label string) error {
	if err := w.use(label); err != nil {
		return err
	}
	if w.target.Method.Kind == guide.MethodSteps {
		return w.byNumberedSteps()
	}
	// Where the guide's methods disagree, the products decide which is
	// right: the instance runs as this method says, and the disagreement
	// is noted (the offline check reports it at its line).
	if err := w.methodAgrees(); err != nil {
		w.note("the guide's methods disagree: %v", err)
	}
	if err := w.s.App.CheckVariables(w); err != nil {
		return err
	}
	b := w.target.Method.Block
	if w.target.Method.Kind == guide.MethodFile {
		w.note("%s %q started with the guide's %s block (%s) as its configuration file",
			w.s.App.Product(), w.target.Name, blockTitle(b), w.s.Guide.Where(b.Line))
	} else {
		w.note("%s %q started with the %d variables of the guide's %s block (%s)",
			w.s.App.Product(), w.target.Name, len(w.target.Method.Vars), blockTitle(b), w.s.Guide.Where(b.Line))
	}
	return w.s.App.AtStart(w)
}

// methodAgrees: a method's variables say what the guide's other methods of
// variables say; where they differ, the guide contradicts itself.
func (w *World) methodAgrees() error {
	for _, other := range w.s.Guide.Methods {
		// Variables are compared by name between methods of variables; a
		// configuration file names them otherwise (the offline check
		// matches those by meaning).
		if !isVariables(other.Kind) || !isVariables(w.target.Method.Kind) || other.Label() == w.target.Label() || len(other.Vars) == 0 {
			continue
		}
		for _, v := range w.target.Method.Vars {
			o, ok := other.Var(v.Name)
			switch {
			case !ok:
				return &GuideError{Where: w.s.Guide.Where(v.Line), Says: v.Name + "=" + v.Value,
					Saw: fmt.Sprintf("%s (%s) does not set %s", other.Label(), w.s.Guide.Where(other.Line), v.Name)}
			case o.Value != v.Value:
				return &GuideError{Where: w.s.Guide.Where(v.Line), Says: v.Name + "=" + v.Value,
					Saw: fmt.Sprintf("%s says %s=%s (%s)", other.Label(), o.Name, o.Value, w.s.Guide.Where(o.Line))}
			}
		}
	}
	return nil
}

// byNumberedSteps: the instance of the method of numbered steps is
// configured by them, once: by the scenario that does them as its own steps
// when one runs (this one waits for it), else by the first scenario that
// needs it, here.
func (w *World) byNumberedSteps() error {
	if w.target.Method.Kind != guide.MethodSteps {
		if err := w.use(w.s.stepsTarget().Label()); err != nil {
			return err
		}
	}
	t := w.target
	switch {
	case t.configurer != "" && t.configurer != w.scenario.Name:
		waited := false
		select {
		case <-t.done:
		default:
			waited = true
			w.note("the guide's numbered steps are done by the scenario %q: waiting for it", t.configurer)
			if err := t.awaitConfigurer(); err != nil {
				return err
			}
		}
		if !t.configured.Load() {
			return fmt.Errorf("the guide's numbered steps did not complete in the scenario %q: see its failure", t.configurer)
		}
		// A screen drawn before the configuration does not show it.
		if waited {
			if err := w.openContext(); err != nil {
				return err
			}
		}
	default:
		t.mu.Lock()
		defer t.mu.Unlock()
		if !t.configured.Load() {
			w.note("this instance is not configured yet: doing the guide's numbered steps here")
			if err := w.s.App.ConfigureBySteps(w); err != nil {
				return err
			}
			// Start the scenario itself as a fresh visitor would.
			if err := w.openContext(); err != nil {
				return err
			}
		}
	}
	return w.s.App.AtStart(w)
}

func (w *World) clientID() string {
	a, err := w.s.Guide.Assumption("Client ID")
	if err != nil {
		return ""
	}
	return a.Value
}

func isVariables(k guide.MethodKind) bool { return k == guide.MethodEnv || k == guide.MethodCompose }

// blockTitle names a code block as the guide titles it ("config.yaml"), or
// by its language.
func blockTitle(b guide.Block) string {
	if b.Title != "" {
		return b.Title
	}
	return b.Lang
}
