package steps

import (
	"context"
	"fmt"
	"strings"

	"time"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps/pages"
)

// autheliaRunsWithGuideClient: Authelia accepted the configuration made of
// the guide's client block (validate-config ran at set-up) and serves the
// discovery document with the guide's Authelia Root URL as issuer.
func (w *World) autheliaRunsWithGuideClient() error {
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

// minioRunsAtApplicationURL: the console answers in the browser at the
// guide's Application Root URL.
func (w *World) minioRunsAtApplicationURL() error {
	return pages.MinIOLogin{Page: w.page, Base: w.appURL()}.Open()
}

// minioRunsUnconfigured: the Web GUI's MinIO answers at the guide's
// Application Root URL and holds no OpenID configuration yet.
func (w *World) minioRunsUnconfigured() error {
	w.target = w.s.stepsTarget()
	if err := w.openContext(); err != nil {
		return err
	}
	cfg, err := w.target.MinIO.OpenIDConfig(context.Background())
	if err != nil {
		return fmt.Errorf("ask MinIO for its OpenID configuration: %w", err)
	}
	if strings.Contains(cfg, "config_url=https") {
		return fmt.Errorf("the MinIO instance %q already holds an OpenID configuration", w.target.Name)
	}
	return w.minioRunsAtApplicationURL()
}

// minioConfiguredBy: the MinIO of the method labelled label is configured as
// that method says, then the scenario starts at its login screen. A method
// of variables configured MinIO when it started; the Web GUI's steps 1 to 6
// are done here unless a scenario already did them.
func (w *World) minioConfiguredBy(label string) error {
	if err := w.use(label); err != nil {
		return err
	}
	if w.target.Method.Kind == guide.MethodSteps {
		return w.minioIsConfigured()
	}
	if err := w.methodAgrees(); err != nil {
		return err
	}
	cfg, err := w.target.MinIO.OpenIDConfig(context.Background())
	if err != nil {
		return fmt.Errorf("ask MinIO for its OpenID configuration: %w", err)
	}
	// Settings from the environment show as "# MINIO_IDENTITY_OPENID_CONFIG_URL=…".
	if !strings.Contains(cfg, "config_url=https") && !strings.Contains(cfg, "CONFIG_URL=https") {
		return &GuideError{Where: w.s.Guide.Where(w.target.Method.Line), Says: w.target.Label(),
			Saw: "MinIO started with the method's variables holds no OpenID configuration"}
	}
	w.note("MinIO %q started with the %d variables of the guide's %s block (%s) and holds their OpenID configuration",
		w.target.Name, len(w.target.Method.Vars), w.target.Method.Block.Title, w.s.Guide.Where(w.target.Method.Block.Line))
	return w.loginScreenAppears()
}

// methodAgrees: a method's variables say what the guide's other methods of
// variables say; where they differ, the guide contradicts itself.
func (w *World) methodAgrees() error {
	for _, other := range w.s.Guide.Methods {
		if other.Kind == guide.MethodSteps || other.Label() == w.target.Label() || len(other.Vars) == 0 {
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

// minioIsConfigured does steps 1 to 6 on the Web GUI's MinIO unless a
// scenario already did, then starts the scenario afresh at the login screen.
func (w *World) minioIsConfigured() error {
	if w.target.Method.Kind != guide.MethodSteps {
		if err := w.use(w.s.stepsTarget().Label()); err != nil {
			return err
		}
	}
	t := w.target
	switch {
	case t.configurer != "" && t.configurer != w.scenario.Name:
		// The scenario that does steps 1 to 6 as its own runs before this one.
		waited := false
		select {
		case <-t.done:
		default:
			waited = true
			w.note("steps 1 to 6 are done by the scenario %q: waiting for it", t.configurer)
			select {
			case <-t.done:
			case <-time.After(10 * time.Minute):
				return fmt.Errorf("the scenario %q did not end within 10 minutes", t.configurer)
			}
		}
		if !t.configured.Load() {
			return fmt.Errorf("steps 1 to 6 did not complete in the scenario %q: see its failure", t.configurer)
		}
		// A login screen drawn before the configuration does not offer it.
		if waited {
			if err := w.openContext(); err != nil {
				return err
			}
		}
	default:
		t.mu.Lock()
		defer t.mu.Unlock()
		if !t.configured.Load() {
			if err := w.doSteps1To6(); err != nil {
				return err
			}
		}
	}
	return w.loginScreenAppears()
}

// doSteps1To6 does the Web GUI's steps 1 to 6 within this scenario, then
// starts it afresh at the login screen.
func (w *World) doSteps1To6() error {
	cfg, err := w.target.MinIO.OpenIDConfig(context.Background())
	if err != nil {
		return fmt.Errorf("ask MinIO for its OpenID configuration: %w", err)
	}
	if strings.Contains(cfg, "config_url=https") {
		return fmt.Errorf("MinIO holds an OpenID configuration but steps 1 to 6 did not complete in this run: see the scenario that failed before this one")
	}
	w.note("this environment's MinIO has no OpenID configuration yet: doing steps 1 to 6")
	for _, f := range []func() error{
		w.loginToMinIO,
		func() error { return w.goToMenu("", "") },
		func() error { return w.clickTopRight("") },
		w.enterInformation,
		func() error { return w.pressSave("") },
		w.acceptRestart,
		w.refreshAndSignOut,
	} {
		if err := f(); err != nil {
			return fmt.Errorf("steps 1 to 6: %w", err)
		}
	}
	// Start the scenario itself as a fresh visitor would.
	return w.openContext()
}

func (w *World) clientID() string {
	a, err := w.s.Guide.Assumption("Client ID")
	if err != nil {
		return ""
	}
	return a.Value
}
