package steps

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/apps/beszel"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
)

// Beszel's guide: the application's recipe, test users and step
// definitions. Its actions are the beszel_*.go files; its screens,
// pages/beszel_*.go. Beszel's settings dashboard is PocketBase's admin UI.
type beszelApp struct{}

func init() { RegisterApplication(beszelApp{}) }

func (beszelApp) Product() string             { return "Beszel" }
func (beszelApp) Image(version string) string { return beszel.Image(version) }
func (beszelApp) ImageVar() string            { return beszel.ImageVar }
func (beszelApp) ConfiguringStep() string     { return "I login to Beszel" }

// Instance: a Beszel hub with no user yet; the Web GUI method configures it.
func (beszelApp) Instance(name string, appURL *url.URL, image string, m guide.Method) Instance {
	return beszel.New(name, appURL, image)
}

// Users: Beszel signs in through a provider only a user it already has
// (by email); one user will be given a Beszel user, the other will not.
// Authelia groups play no part.
func (beszelApp) Users() []env.User {
	return []env.User{
		{Name: "maintainer", DisplayName: "Docs Maintainer", Email: "maintainer@example.com"},
		{Name: "outsider", DisplayName: "Outsider", Email: "outsider@example.com"},
	}
}

// beszel is this scenario's Beszel.
func (w *World) beszel() *beszel.Instance { return w.target.Instance.(*beszel.Instance) }

// The guide's steps as numbered in its Web GUI method.
const (
	bzLogin      = 1
	bzSettings   = 2
	bzHide       = 3
	bzCollection = 4
	bzExpand     = 5
	bzEnable     = 6
	bzAdd        = 7
	bzProvider   = 8
	bzForm       = 9
	bzSave       = 10
)

func (beszelApp) Steps(w *World, sc *godog.ScenarioContext) {
	sc.Step(`^Beszel runs at the guide's Application Root URL with no sign-in provider$`, w.x0(w.beszelRunsUnconfigured))

	// Configuration > Application > Web GUI, steps 1 to 10.
	sc.Step(`^I login to Beszel$`, w.x0(w.loginToBeszel))
	sc.Step(`^I navigate to the settings dashboard by going to the address the guide gives$`, w.x0(w.goToBeszelSettings))
	sc.Step(`^I disable the "([^"]*)"$`, w.x1(w.disableBeszelSwitch))
	sc.Step(`^I edit the "([^"]*)" collection by clicking the cog and selecting "([^"]*)"$`, w.x2(w.editBeszelCollection))
	sc.Step(`^I expand OAuth2$`, w.x0(w.expandBeszelOAuth2))
	sc.Step(`^I toggle Enable to the on position$`, w.x0(w.enableBeszelOAuth2))
	sc.Step(`^I click "([^"]*)"$`, w.x1(w.addBeszelProvider))
	sc.Step(`^I select "([^"]*)"$`, w.x1(w.selectBeszelProvider))
	sc.Step(`^I configure the following options$`, w.x0(w.configureBeszelProvider))
	sc.Step(`^I press "([^"]*)" at the bottom$`, w.x1(w.saveBeszelCollection))
	sc.Step(`^Beszel's login page offers the provider by its display name$`, w.x0(w.beszelOffersProvider))

	// Signing in through Authelia.
	sc.Step(`^"([^"]*)" has a Beszel user with the email address Authelia has for them$`, w.x1(w.beszelUserFor))
	sc.Step(`^"([^"]*)" has no Beszel user$`, w.x1(w.noBeszelUser))
	sc.Step(`^on Beszel's login page, I click the provider's button$`, w.x0(w.clickBeszelProvider))
	sc.Step(`^I am logged in to Beszel as "([^"]*)"$`, w.x1(w.loggedInToBeszelAs))
	sc.Step(`^Beszel does not let me in and says the login attempt failed$`, w.x0(w.beszelRefuses))
}

// ConfigureBySteps does the Web GUI's steps 1 to 10 within the scenario.
func (beszelApp) ConfigureBySteps(w *World) error {
	m, err := w.beszel().AuthMethods(context.Background())
	if err != nil {
		return fmt.Errorf("ask Beszel how it lets users sign in: %w", err)
	}
	if len(m.OAuth2.Providers) > 0 {
		return fmt.Errorf("Beszel offers %v but steps 1 to 10 did not complete in this run: see the scenario that failed before this one", m.OAuth2.Providers)
	}
	w.note("this environment's Beszel offers no sign-in provider yet: doing steps 1 to 10")
	for _, f := range []func() error{
		w.loginToBeszel,
		w.goToBeszelSettings,
		func() error { return w.disableBeszelSwitch("") },
		func() error { return w.editBeszelCollection("", "") },
		w.expandBeszelOAuth2,
		w.enableBeszelOAuth2,
		func() error { return w.addBeszelProvider("") },
		func() error { return w.selectBeszelProvider("") },
		w.configureBeszelProvider,
		func() error { return w.saveBeszelCollection("") },
	} {
		if err := f(); err != nil {
			return fmt.Errorf("steps 1 to 10: %w", err)
		}
	}
	return nil
}

// CheckVariables: the Beszel guide configures by numbered steps only.
func (beszelApp) CheckVariables(w *World) error {
	return errors.New("Beszel has no configuration method of variables: the suite knows only its Web GUI")
}

// AtStart: Beszel's login page, as a visitor not signed in sees it.
func (beszelApp) AtStart(w *World) error { return w.beszelLoginPage() }
