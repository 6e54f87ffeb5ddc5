package steps

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/mxschmitt/playwright-go"
)

// Application is what one guide's application brings to the suite; the
// rest (guide, Authelia, environment, browser, report) is the same for
// every guide. A guide's files register one with RegisterApplication.
type Application interface {
	// Product is the guide's title and its product in Tested Versions.
	Product() string
	// Image is the official image of a version as Tested Versions write
	// it; ImageVar is the variable that overrides it.
	Image(version string) string
	ImageVar() string
	// Instance is the recipe of the instance a configuration method gets.
	Instance(name string, appURL *url.URL, image string, m guide.Method) Instance
	// Users are the Authelia users its scenarios play.
	Users() []env.User
	// ConfiguringStep is the Gherkin step that starts the configuration by
	// numbered steps: the scenario that has it configures the instance for
	// the scenarios after it.
	ConfiguringStep() string
	// Steps registers its step definitions for one scenario.
	Steps(w *World, sc *godog.ScenarioContext)
	// ConfigureBySteps does the guide's numbered steps within the scenario.
	ConfigureBySteps(w *World) error
	// CheckVariables: an instance started with a method's variables holds
	// the configuration they describe.
	CheckVariables(w *World) error
	// AtStart brings the scenario to the application's first screen.
	AtStart(w *World) error
}

// NoNumberedSteps is what the Application of a guide with no numbered
// steps embeds: nothing configures by steps, every method is a block.
type NoNumberedSteps struct{}

// ConfiguringStep: none.
func (NoNumberedSteps) ConfiguringStep() string { return "" }

// ConfigureBySteps: there are no steps to do.
func (NoNumberedSteps) ConfigureBySteps(*World) error {
	return errors.New("the guide has no numbered steps: every configuration method is a block")
}

// UsersFromGuide is an Application whose users follow from the guide (one
// per role the guide's Authelia YAML can give, say); its UsersFor replaces
// Users.
type UsersFromGuide interface {
	UsersFor(g *guide.Guide) ([]env.User, error)
}

// Landing is an Application that says what shows once the page a user
// lands on after Authelia is drawn (whether it lets them in or not): the
// screenshot of "I login as" waits for it, not for a spinner to go.
type Landing interface {
	Landed(w *World) playwright.Locator
}

// Services is an Application that needs containers beside it (its
// database): their images are part of what a run needs.
type Services interface {
	Services() []env.Service
}

// Instance is one instance of the application in the run.
type Instance interface {
	Spec() env.AppSpec // how env runs it
	Bind(*env.App)     // what env started from it
	App() *env.App
}

var applications = map[string]Application{}

// RegisterApplication makes an application's guide verifiable.
func RegisterApplication(a Application) { applications[strings.ToLower(a.Product())] = a }

// ApplicationFor is the application of the guide, by its title.
func ApplicationFor(g *guide.Guide) (Application, error) {
	if a, ok := applications[strings.ToLower(g.Title)]; ok {
		return a, nil
	}
	var known []string
	for _, a := range applications {
		known = append(known, a.Product())
	}
	sort.Strings(known)
	return nil, fmt.Errorf("%s: the suite knows no application %q (title in the front matter); it knows %q", g.Path, g.Title, known)
}
