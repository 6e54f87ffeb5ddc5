package steps

import (
	"net/url"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/apps/minio"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
)

// MinIO's guide: the application's recipe, test users and step definitions.
// Its actions are the minio_*.go files; its screens, pages/minio_*.go.
type minioApp struct{}

func init() { RegisterApplication(minioApp{}) }

func (minioApp) Product() string             { return "MinIO" }
func (minioApp) Image(version string) string { return minio.Image(version) }
func (minioApp) ImageVar() string            { return minio.ImageVar }
func (minioApp) ConfiguringStep() string     { return "I login to MinIO" }

// Instance: a MinIO whose environment holds the method's variables (none
// for the Web GUI).
func (minioApp) Instance(name string, appURL *url.URL, image string, m guide.Method) Instance {
	var vars []string
	for _, v := range m.Vars {
		vars = append(vars, v.Name+"="+v.Value)
	}
	return minio.New(name, appURL, image, vars)
}

// Users: step 7 asks for a user group named like a MinIO policy; one user
// has one, the other has none.
func (minioApp) Users() []env.User {
	return []env.User{
		{Name: "maintainer", DisplayName: "Docs Maintainer", Email: "maintainer@example.com", Groups: []string{"readwrite"}},
		{Name: "outsider", DisplayName: "Outsider", Email: "outsider@example.com", Groups: []string{"visitors"}},
	}
}

// minio is this scenario's MinIO.
func (w *World) minio() *minio.Instance { return w.target.Instance.(*minio.Instance) }

func (minioApp) Steps(w *World, sc *godog.ScenarioContext) {
	sc.Step(`^MinIO runs at the guide's Application Root URL$`, w.x0(w.minioRunsAtApplicationURL))
	sc.Step(`^MinIO is configured as the guide's steps 1 to 6 say$`, w.x0(w.minioIsConfigured))
	sc.Step(`^MinIO runs at the guide's Application Root URL with no OpenID configuration$`, w.x0(w.minioRunsUnconfigured))

	// Configuration > Application, steps 1 to 6.
	sc.Step(`^I login to MinIO$`, w.x0(w.loginToMinIO))
	sc.Step(`^on the left hand menu, I go to "([^"]*)", then "([^"]*)"$`, w.x2(w.goToMenu))
	sc.Step(`^on the top right, I click "([^"]*)"$`, w.x1(w.clickTopRight))
	sc.Step(`^on the screen that appears, I enter the following information$`, w.x0(w.enterInformation))
	sc.Step(`^I configure the following options$`, w.x0(w.enterInformation))
	sc.Step(`^I press "([^"]*)" at the bottom$`, w.x1(w.pressSave))
	sc.Step(`^I accept the offer of a server restart at the top$`, w.x0(w.acceptRestart))
	sc.Step(`^I refresh the page and sign out if not done so automatically$`, w.x0(w.refreshAndSignOut))
	sc.Step(`^the login screen appears again$`, w.x0(w.loginScreenAppears))

	// Steps 7 to 9.
	sc.Step(`^"([^"]*)" has the default policy "([^"]*)" in their user groups in Authelia$`, w.x2(w.userHasDefaultPolicy))
	sc.Step(`^"([^"]*)" has no default policy in their user groups in Authelia$`, w.x1(w.userHasNoDefaultPolicy))
	sc.Step(`^"([^"]*)" is in the Authelia group "([^"]*)", which matches the policy name in MinIO$`, w.x2(w.userHasDefaultPolicy))
	sc.Step(`^"([^"]*)" is in no Authelia group that matches a policy name in MinIO$`, w.x1(w.userHasNoDefaultPolicy))
	sc.Step(`^the login screen appears again, I click "([^"]*)" open, then select "([^"]*)" from the list$`, w.x2(w.selectFromOtherMethods))
	sc.Step(`^the login screen appears again, I click the "([^"]*)" button$`, w.x1(w.clickProviderButton))

	// Outcomes.
	sc.Step(`^I am logged in to MinIO as "([^"]*)"$`, w.x1(w.loggedInAs))
	sc.Step(`^the policy "([^"]*)" lets me create a bucket$`, w.x1(w.policyLetsMeCreateBucket))
	sc.Step(`^MinIO refuses me, saying why$`, w.x0(w.minioRefuses))
}
