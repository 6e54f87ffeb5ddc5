package steps

import (
	"context"
	"fmt"
	"strings"

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
	return pages.MinIOLogin{Page: w.page, Base: w.s.Env.MinIOURL.String()}.Open()
}

// minioIsConfigured does steps 1 to 6 in this environment unless a scenario
// already did, then starts the scenario afresh at the login screen.
func (w *World) minioIsConfigured() error {
	if !w.s.configured {
		cfg, err := w.s.Env.OpenIDConfig(context.Background())
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
		if err := w.openContext(); err != nil {
			return err
		}
	}
	return w.loginScreenAppears()
}

func (w *World) clientID() string {
	a, err := w.s.Guide.Assumption("Client ID")
	if err != nil {
		return ""
	}
	return a.Value
}
