// Package pocketbase is PocketBase's part of guidewalk: its Shape, and its
// guide's Web GUI steps bound to the tasks PocketBase's admin UI shares
// with the applications built on it (steps/pocketbase). PocketBase's admin
// does not sign in with OAuth2: its users do, from an application of its
// JavaScript SDK, which the run serves from pb_public.
package pocketbase

import (
	"fmt"
	"strings"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
	pbsteps "github.com/guidewalk/guidewalk/steps/pocketbase"
)

// AdminEmail is the superuser the run makes: the guide's step 1 assumes one.
const AdminEmail, pocketbase = "admin@example.com", "/usr/local/bin/pocketbase"

// The guide's Web GUI steps, as numbered, and the one that starts them;
// where PocketBase 0.23 and later keep a provider: the users collection's
// options; the button step 6 names in plain words.
const (
	stConnect, stSettings, stSection, stGear, stForm, stSave = 1, 2, 3, 4, 5, 6
	configuring                                              = "I connect to PocketBase admin view"
	collection, options, add, save                           = "users", "Options", "Add provider", "Save changes"
)

var password = env.NewPassword()

func init() {
	steps.RegisterShape(steps.Shape{
		Product:    "PocketBase",
		Image:      "ghcr.io/muchobien/pocketbase:{version}",
		ImageVar:   "GUIDEWALK_POCKETBASE_IMAGE",
		Port:       "8090",
		Ready:      steps.Probe{Path: "api/health", Holds: "healthy"},
		Version:    []string{pocketbase, "--version"},
		TrustVar:   "SSL_CERT_FILE", // PocketBase calls Authelia's token and userinfo endpoints itself.
		AfterReady: [][]string{{pocketbase, "superuser", "upsert", AdminEmail, password, "--dir=/pb_data"}},
		Secrets:    []string{password},
		Prepare:    pbsteps.ServeSDKPage,
		SignIn:     steps.Control{Role: "button", Name: "Sign in with {display name}"},
		Popup:      true,
		LoggedIn:   steps.Proof{Claims: true}, // the auth record PocketBase made and Authelia's claims
		// The Web GUI as this version allows, for a scenario that needs it done.
		Configuring: configuring,
		Configure: func(sw *steps.World) error {
			w, g := scenario{sw}, scenario{sw}.gui()
			for _, f := range []func() error{func() error { return g.Connect(stConnect) }, w.openProvider, g.Configure, func() error { return g.Save(stSave, save) }} {
				if err := f(); err != nil {
					return fmt.Errorf("the Web GUI steps: %w", err)
				}
			}
			return nil
		},
		Steps: func(sw *steps.World, sc *godog.ScenarioContext) {
			w := scenario{sw}
			sc.Step(`^PocketBase runs at the guide's Application Root URL( with no sign-in provider)?$`, w.X1(w.runs))
			sc.Step(`^`+configuring+`$`, w.X0(func() error { return w.gui().Connect(stConnect) }))
			sc.Step(`^on the left menu, I go to "([^"]*)"$`, w.X1(func(s string) error { return w.gui().GoMenu(stSettings, s) }))
			sc.Step(`^in the "([^"]*)" section, I go to "([^"]*)"$`, w.X2(func(s, l string) error { return w.gui().Press(stSection, "link", "section %q with a link", s, l) }))
			sc.Step(`^I select the gear on "([^"]*)"$`, w.X1(func(s string) error { return w.gui().Press(stGear, "button", "provider with a gear", s) }))
			sc.Step(`^I open the OpenID Connect provider where this version of PocketBase has it$`, w.X0(w.openProvider))
			sc.Step(`^I configure the following options$`, w.X0(w.gui().Configure))
			sc.Step(`^I save changes$`, w.X0(func() error { return w.gui().Save(stSave, save) }))
		},
		Unsaid: []steps.Unsaid{
			{What: "the guide's step 1 assumes PocketBase has a superuser: the run made " + AdminEmail + " with `pocketbase superuser upsert` when PocketBase started"},
			{What: "PocketBase's admin does not sign in with OAuth2, its application's users do, and the guide gives no application: the run serves " +
				"a minimal one from pb_public (" + pbsteps.SDKPage + "), a button per provider calling the JavaScript SDK's authWithOAuth2 (npm " + pbsteps.SDK + "), " +
				"which opens Authelia in a window of its own and comes back to /api/oauth2-redirect"},
		},
	})
}

type scenario struct{ *steps.World }

func (w scenario) gui() pbsteps.WebGUI {
	return pbsteps.WebGUI{World: w.World, Product: "PocketBase", Email: AdminEmail, Password: password, Collection: collection, Provider: stGear, Form: stForm}
}

// runs: PocketBase answers; the application's page offers a button per provider.
func (w scenario) runs(unconfigured string) error {
	offered, err := w.gui().Fresh(unconfigured != "")
	if err == nil {
		err = ui.Goto(w.Page(), w.AppURL(), ui.Heading(w.Page(), "Sign in"))
	}
	if err == nil {
		w.Note("PocketBase answers at %s; its users collection offers the providers %q", w.AppURL(), offered)
	}
	return err
}

// openProvider is steps 2 to 4 where PocketBase 0.23 and later have them:
// the provider of step 4 is added in the users collection's options.
func (w scenario) openProvider() error {
	g := w.gui()
	st, err := w.GuideStep(stGear)
	if err != nil {
		return err
	}
	name, err := g.ProviderTitle()
	if err != nil {
		return err
	}
	if err := g.OpenProvider(st, collection, options, add, name); err != nil {
		return err
	}
	w.NotInGuide(stGear, "PocketBase %s has no Settings > Authentication > Auth providers (steps 2 and 3): its OAuth2 providers belong to each auth collection. "+
		"Collections > %s > the cog (\"Edit collection\") > %s > %s: %s on, %q, then %q", strings.TrimPrefix(w.Instance().App().Version, "pocketbase version "),
		collection, options, pbsteps.OAuth2, pbsteps.Enable, add, name)
	return nil
}
