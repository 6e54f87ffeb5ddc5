package steps

import "github.com/cucumber/godog"

// register binds the Gherkin steps, in the guide's words, to the actions.
func (w *World) register(sc *godog.ScenarioContext) {
	// Before You Begin and Configuration > Authelia.
	sc.Step(`^Authelia runs with the guide's client configuration for MinIO$`, w.x0(w.autheliaRunsWithGuideClient))
	sc.Step(`^MinIO runs at the guide's Application Root URL$`, w.x0(w.minioRunsAtApplicationURL))
	sc.Step(`^MinIO is configured as the guide's steps 1 to 6 say$`, w.x0(w.minioIsConfigured))
	sc.Step(`^MinIO runs at the guide's Application Root URL with no OpenID configuration$`, w.x0(w.minioRunsUnconfigured))
	sc.Step(`^MinIO is configured as the guide's "([^"]*)" method says$`, w.x1(w.minioConfiguredBy))

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
	sc.Step(`^I login as "([^"]*)"$`, w.x1(w.loginAs))

	// Outcomes.
	sc.Step(`^I am logged in to MinIO as "([^"]*)"$`, w.x1(w.loggedInAs))
	sc.Step(`^the policy "([^"]*)" lets me create a bucket$`, w.x1(w.policyLetsMeCreateBucket))
	sc.Step(`^MinIO refuses me, saying why$`, w.x0(w.minioRefuses))
}

// x0, x1 and x2 run a step through expect, keeping godog's typed arguments.
func (w *World) x0(f func() error) func() error { return func() error { return w.expect(f()) } }

func (w *World) x1(f func(string) error) func(string) error {
	return func(a string) error { return w.expect(f(a)) }
}

func (w *World) x2(f func(string, string) error) func(string, string) error {
	return func(a, b string) error { return w.expect(f(a, b)) }
}
