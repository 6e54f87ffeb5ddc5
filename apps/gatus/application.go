// Package gatus is Gatus's part of guidewalk, all of it: the container
// recipe, the Application (users, steps), the actions and the page object.
// The guide configures Gatus with a configuration file (security.oidc).
package gatus

import (
	"net/url"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
)

// app has no numbered steps: every method is a block.
type app struct{ steps.NoNumberedSteps }

func init() { steps.RegisterApplication(app{}) }

func (app) Product() string             { return "Gatus" }
func (app) Image(version string) string { return Image(version) }
func (app) ImageVar() string            { return ImageVar }

// Instance: a Gatus whose configuration is the method's block.
func (app) Instance(name string, appURL *url.URL, image string, m guide.Method) steps.Instance {
	return New(name, appURL, image, m.Block.Text)
}

// Users: the guide gives Gatus no allowed subjects, so any user Authelia
// lets through may see the status page; one plays it.
func (app) Users() []env.User {
	return []env.User{{Name: "maintainer", DisplayName: "Docs Maintainer", Email: "maintainer@example.com"}}
}

// scenario is one scenario as Gatus's steps see it.
type scenario struct{ *steps.World }

func (w scenario) gatus() *Instance { return w.Instance().(*Instance) }

func (app) Steps(sw *steps.World, sc *godog.ScenarioContext) {
	w := scenario{sw}
	sc.Step(`^Gatus shows a visitor who has not logged in no status, only a button to log in$`, w.X0(w.showsOnlyLogin))
	sc.Step(`^I click Gatus's button to log in$`, w.X0(w.clickLogin))
	sc.Step(`^I am logged in to Gatus and see its status page$`, w.X0(w.loggedIn))
}

// CheckVariables: Gatus started with the guide's block asks visitors to
// sign in with OpenID Connect; when it does not, it ignored the block.
func (app) CheckVariables(sw *steps.World) error { return scenario{sw}.checkConfigured() }

// AtStart: Gatus's page, as a visitor who has not logged in sees it.
func (app) AtStart(sw *steps.World) error { return scenario{sw}.open() }
