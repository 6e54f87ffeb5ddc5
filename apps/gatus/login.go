package gatus

import (
	"context"
	"fmt"

	"github.com/guidewalk/guidewalk/apps/gatus/pages"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
)

// checkConfigured: Gatus read the guide's block as its configuration file
// (it asks visitors to sign in). Gatus refuses to start without an
// endpoint, which the guide's block does not have: the run adds one.
func (w scenario) checkConfigured() error {
	m := w.Method()
	c, err := w.gatus().UIConfig(context.Background())
	if err != nil {
		return err
	}
	if !c.OIDC {
		line, says := m.Block.FirstWords()
		return &steps.GuideError{Where: w.Guide().Where(line), Says: says,
			Saw: fmt.Sprintf("Gatus, started with the guide's block as %s, does not ask visitors to sign in (/api/v1/config says oidc=false)", GuideFile)}
	}
	w.Note("Gatus reads the guide's block as %s and asks visitors to sign in with OpenID Connect", GuideFile)
	return nil
}

// open loads Gatus's page as a visitor. The endpoint the run added is
// recorded as not in the guide, with the screen a reader then sees.
func (w scenario) open() error {
	page := pages.StatusPage{Page: w.Page()}
	if err := page.Open(w.AppURL(), EndpointName); err != nil {
		return fmt.Errorf("Gatus's page at %s: %w", w.AppURL(), err)
	}
	w.NotInGuideAt(w.Method().Block.Line, "Gatus starts only with at least one endpoint to watch, which the guide's configuration does not have: "+
		"the run adds %s beside it, one endpoint %q (Gatus's own /health)", EndpointsFile, EndpointName)
	return nil
}

// showsOnlyLogin: a visitor who has not logged in sees the login button and
// none of the endpoints.
func (w scenario) showsOnlyLogin() error {
	page := pages.StatusPage{Page: w.Page()}
	if !ui.Shows(page.LoginButton()) {
		return fmt.Errorf("Gatus shows a visitor who has not logged in no button to log in (at %s)", w.Page().URL())
	}
	if ui.Shows(page.Endpoint(EndpointName)) {
		return fmt.Errorf("Gatus shows a visitor who has not logged in the status of %q", EndpointName)
	}
	w.Note("a visitor sees %q and no endpoint", page.LoginButtonName())
	return nil
}

// clickLogin: the login button takes the visitor to Authelia.
func (w scenario) clickLogin() error {
	page := pages.StatusPage{Page: w.Page()}
	name := page.LoginButtonName()
	if err := page.Login(); err != nil {
		return fmt.Errorf("clicking Gatus's %q: %w", name, err)
	}
	w.Note("clicked %q", name)
	return nil
}

// loggedIn: back from Authelia, Gatus shows the status page and says the
// visitor is authenticated.
func (w scenario) loggedIn() error {
	page := pages.StatusPage{Page: w.Page()}
	if err := page.WaitEndpoint(EndpointName); err != nil {
		return fmt.Errorf("after Authelia, Gatus does not show the status page (at %s): %w", w.Page().URL(), err)
	}
	v, err := w.Page().Evaluate(`() => fetch("/api/v1/config").then(r => r.json())`)
	if err != nil {
		return fmt.Errorf("asking Gatus whether this visitor is authenticated: %w", err)
	}
	if c, _ := v.(map[string]any); c["authenticated"] != true {
		return fmt.Errorf("Gatus shows its status page but says this visitor is not authenticated: %v", v)
	}
	w.Note("Gatus shows the status of %q to %q, authenticated", EndpointName, w.User())
	return nil
}
