package beszel

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	pbsteps "github.com/guidewalk/guidewalk/steps/pocketbase"
)

// Beszel's guide: the application's recipe, test users and step
// definitions. Its actions are this folder's other files; its screens,
// pages/. Beszel's settings dashboard is PocketBase's admin UI.
type beszelApp struct{}

func init() { steps.RegisterApplication(beszelApp{}) }

func (beszelApp) Product() string             { return "Beszel" }
func (beszelApp) Image(version string) string { return Image(version) }
func (beszelApp) ImageVar() string            { return ImageVar }
func (beszelApp) ConfiguringStep() string     { return "I login to Beszel" }

// Instance: a Beszel hub with no user yet; the Web GUI method configures it.
func (beszelApp) Instance(name string, appURL *url.URL, image string, m guide.Method) steps.Instance {
	return New(name, appURL, image)
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

// scenario is one scenario as Beszel's steps see it: the part of the
// scenario steps exports to an application (steps/app_api.go).
type scenario struct{ *steps.World }

// instance is this scenario's Beszel.
func (w scenario) instance() *Instance { return w.Instance().(*Instance) }

// gui is this scenario's Beszel as its settings dashboard, PocketBase's
// admin UI, has it: its superuser is the account Beszel's first run makes.
func (w scenario) gui() pbsteps.WebGUI {
	b := w.instance()
	return pbsteps.WebGUI{World: w.World, Product: "Beszel", Email: b.AdminEmail, Password: b.AdminPassword,
		Collection: "users", Provider: bzProvider, Form: bzForm}
}

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

func (beszelApp) Steps(sw *steps.World, sc *godog.ScenarioContext) {
	w := scenario{sw}
	sc.Step(`^Beszel runs at the guide's Application Root URL with no sign-in provider$`, w.X0(w.beszelRunsUnconfigured))

	// Configuration > Application > Web GUI, steps 1 to 10.
	sc.Step(`^I login to Beszel$`, w.X0(w.loginToBeszel))
	sc.Step(`^I navigate to the settings dashboard by going to the address the guide gives$`, w.X0(w.goToBeszelSettings))
	sc.Step(`^I disable the "([^"]*)"$`, w.X1(w.disableBeszelSwitch))
	sc.Step(`^I edit the "([^"]*)" collection by clicking the cog and selecting "([^"]*)"$`, w.X2(w.editBeszelCollection))
	sc.Step(`^I expand OAuth2$`, w.X0(w.expandBeszelOAuth2))
	sc.Step(`^I toggle Enable to the on position$`, w.X0(w.enableBeszelOAuth2))
	sc.Step(`^I click "([^"]*)"$`, w.X1(w.addBeszelProvider))
	sc.Step(`^I select "([^"]*)"$`, w.X1(w.selectBeszelProvider))
	sc.Step(`^I configure the following options$`, w.X0(func() error { return w.gui().Configure() }))
	sc.Step(`^I press "([^"]*)" at the bottom$`, w.X1(w.saveBeszelCollection))
	sc.Step(`^Beszel's login page offers the provider by its display name$`, w.X0(w.beszelOffersProvider))

	// Signing in through Authelia.
	sc.Step(`^"([^"]*)" has a Beszel user with the email address Authelia has for them$`, w.X1(w.beszelUserFor))
	sc.Step(`^"([^"]*)" has no Beszel user$`, w.X1(w.noBeszelUser))
	sc.Step(`^on Beszel's login page, I click the provider's button$`, w.X0(w.clickBeszelProvider))
	sc.Step(`^I am logged in to Beszel as "([^"]*)"$`, w.X1(w.loggedInToBeszelAs))
	sc.Step(`^Beszel does not let me in and says the login attempt failed$`, w.X0(w.beszelRefuses))
}

// ConfigureBySteps does the Web GUI's steps 1 to 10 within the scenario.
func (beszelApp) ConfigureBySteps(sw *steps.World) error {
	w := scenario{sw}
	m, err := w.gui().AuthMethods()
	if err != nil {
		return err
	}
	if len(m.OAuth2.Providers) > 0 {
		return fmt.Errorf("Beszel offers %q but steps 1 to 10 did not complete in this run: see the scenario that failed before this one", m.Offered())
	}
	w.Note("this environment's Beszel offers no sign-in provider yet: doing steps 1 to 10")
	for _, f := range []func() error{
		w.loginToBeszel,
		w.goToBeszelSettings,
		func() error { return w.disableBeszelSwitch("") },
		func() error { return w.editBeszelCollection("", "") },
		w.expandBeszelOAuth2,
		w.enableBeszelOAuth2,
		func() error { return w.addBeszelProvider("") },
		func() error { return w.selectBeszelProvider("") },
		w.gui().Configure,
		func() error { return w.saveBeszelCollection("") },
	} {
		if err := f(); err != nil {
			return fmt.Errorf("steps 1 to 10: %w", err)
		}
	}
	return nil
}

// CheckVariables: the Beszel guide configures by numbered steps only.
func (beszelApp) CheckVariables(*steps.World) error {
	return errors.New("Beszel has no configuration method of variables: the suite knows only its Web GUI")
}

// AtStart: Beszel's login page, as a visitor not signed in sees it.
func (beszelApp) AtStart(w *steps.World) error { return scenario{w}.loginPage() }
