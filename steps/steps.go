package steps

import "github.com/cucumber/godog"

// register binds the Gherkin steps, in the guide's words, to the actions.
func (w *World) register(sc *godog.ScenarioContext) {
	// Before You Begin and Configuration > Authelia.
	sc.Step(`^Authelia runs with the guide's client configuration for MinIO$`, w.autheliaRunsWithGuideClient)
	sc.Step(`^MinIO runs at the guide's Application Root URL$`, w.minioRunsAtApplicationURL)
	sc.Step(`^MinIO is configured as the guide's steps 1 to 6 say$`, w.minioIsConfigured)

	// Configuration > Application, steps 1 to 6.
	sc.Step(`^I login to MinIO$`, w.loginToMinIO)
	sc.Step(`^on the left hand menu, I go to "([^"]*)", then "([^"]*)"$`, w.goToMenu)
	sc.Step(`^on the top right, I click "([^"]*)"$`, w.clickTopRight)
	sc.Step(`^on the screen that appears, I enter the following information$`, w.enterInformation)
	sc.Step(`^I press "([^"]*)" at the bottom$`, w.pressSave)
	sc.Step(`^I accept the offer of a server restart at the top$`, w.acceptRestart)
	sc.Step(`^I refresh the page and sign out if not done so automatically$`, w.refreshAndSignOut)
	sc.Step(`^the login screen appears again$`, w.loginScreenAppears)

	// Steps 7 to 9.
	sc.Step(`^"([^"]*)" has the default policy "([^"]*)" in their user groups in Authelia$`, w.userHasDefaultPolicy)
	sc.Step(`^"([^"]*)" has no default policy in their user groups in Authelia$`, w.userHasNoDefaultPolicy)
	sc.Step(`^the login screen appears again, I click "([^"]*)" open, then select "([^"]*)" from the list$`, w.selectFromOtherMethods)
	sc.Step(`^the login screen appears again, I click the "([^"]*)" button$`, w.clickProviderButton)
	sc.Step(`^I login as "([^"]*)"$`, w.loginAs)

	// Outcomes.
	sc.Step(`^I am logged in to MinIO as "([^"]*)"$`, w.loggedInAs)
	sc.Step(`^the policy "([^"]*)" lets me create a bucket$`, w.policyLetsMeCreateBucket)
	sc.Step(`^MinIO refuses me, saying why$`, w.minioRefuses)
}
