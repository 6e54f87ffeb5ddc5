package minio

import (
	"net/url"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/apps/minio/pages"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	"github.com/mxschmitt/playwright-go"
)

// MinIO's guide: the application's recipe, test users and step definitions.
// Its actions are this folder's other files; its screens, pages/.
type minioApp struct{}

func init() { steps.RegisterApplication(minioApp{}) }

func (minioApp) Product() string             { return "MinIO" }
func (minioApp) Image(version string) string { return Image(version) }
func (minioApp) ImageVar() string            { return ImageVar }
func (minioApp) ConfiguringStep() string     { return "I login to MinIO" }

// Instance: a MinIO whose environment holds the method's variables (none
// for the Web GUI).
func (minioApp) Instance(name string, appURL *url.URL, image string, m guide.Method) steps.Instance {
	var vars []string
	for _, v := range m.Vars {
		vars = append(vars, v.Name+"="+v.Value)
	}
	return New(name, appURL, image, vars)
}

// Users: step 7 asks for a user group named like a MinIO policy; one user
// has one, the other has none.
func (minioApp) Users() []env.User {
	return []env.User{
		{Name: "maintainer", DisplayName: "Docs Maintainer", Email: "maintainer@example.com", Groups: []string{"readwrite"}},
		{Name: "outsider", DisplayName: "Outsider", Email: "outsider@example.com", Groups: []string{"visitors"}},
	}
}

// scenario is one scenario as MinIO's steps see it: the part of the
// scenario steps exports to an application (steps/app_api.go).
type scenario struct{ *steps.World }

// instance is this scenario's MinIO.
func (w scenario) instance() *Instance { return w.Instance().(*Instance) }

func (minioApp) Steps(sw *steps.World, sc *godog.ScenarioContext) {
	w := scenario{sw}
	sc.Step(`^MinIO runs at the guide's Application Root URL$`, w.X0(w.minioRunsAtApplicationURL))
	sc.Step(`^MinIO is configured as the guide's steps 1 to 6 say$`, w.X0(w.minioIsConfigured))
	sc.Step(`^MinIO runs at the guide's Application Root URL with no OpenID configuration$`, w.X0(w.minioRunsUnconfigured))

	// Configuration > Application, steps 1 to 6.
	sc.Step(`^I login to MinIO$`, w.X0(w.loginToMinIO))
	sc.Step(`^on the left hand menu, I go to "([^"]*)", then "([^"]*)"$`, w.X2(w.goToMenu))
	sc.Step(`^on the top right, I click "([^"]*)"$`, w.X1(w.clickTopRight))
	sc.Step(`^on the screen that appears, I enter the following information$`, w.X0(w.enterInformation))
	sc.Step(`^I configure the following options$`, w.X0(w.enterInformation))
	sc.Step(`^I press "([^"]*)" at the bottom$`, w.X1(w.pressSave))
	sc.Step(`^I accept the offer of a server restart at the top$`, w.X0(w.acceptRestart))
	sc.Step(`^I refresh the page and sign out if not done so automatically$`, w.X0(w.refreshAndSignOut))
	sc.Step(`^the login screen appears again$`, w.X0(w.loginScreenAppears))

	// Steps 7 to 9.
	sc.Step(`^"([^"]*)" has the default policy "([^"]*)" in their user groups in Authelia$`, w.X2(w.userHasDefaultPolicy))
	sc.Step(`^"([^"]*)" has no default policy in their user groups in Authelia$`, w.X1(w.userHasNoDefaultPolicy))
	sc.Step(`^"([^"]*)" is in the Authelia group "([^"]*)", which matches the policy name in MinIO$`, w.X2(w.userHasDefaultPolicy))
	sc.Step(`^"([^"]*)" is in no Authelia group that matches a policy name in MinIO$`, w.X1(w.userHasNoDefaultPolicy))
	sc.Step(`^the login screen appears again, I click "([^"]*)" open, then select "([^"]*)" from the list$`, w.X2(w.selectFromOtherMethods))
	sc.Step(`^the login screen appears again, I click the "([^"]*)" button$`, w.X1(w.clickProviderButton))

	// Outcomes.
	sc.Step(`^I am logged in to MinIO as "([^"]*)"$`, w.X1(w.loggedInAs))
	sc.Step(`^the policy "([^"]*)" lets me create a bucket$`, w.X1(w.policyLetsMeCreateBucket))
	sc.Step(`^MinIO refuses me, saying why$`, w.X0(w.minioRefuses))
}

// Landed: after Authelia, the console, or the login screen's message.
func (minioApp) Landed(w *steps.World) playwright.Locator {
	return pages.MinIOConsole{Page: w.Page()}.Sign(pages.MinIOLogin{Page: w.Page()})
}
