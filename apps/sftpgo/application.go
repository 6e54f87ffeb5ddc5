// Package sftpgo is SFTPGo's part of guidewalk, all of it: the container
// recipe, the Application (users, steps), the actions and the page objects.
// The guide configures SFTPGo by a configuration file or by environment
// variables; the role a user gets comes from their Authelia groups.
package sftpgo

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/apps/sftpgo/pages"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	"github.com/mxschmitt/playwright-go"
)

// app has no numbered steps: every method is a block.
type app struct{ steps.NoNumberedSteps }

func init() { steps.RegisterApplication(app{}) }

func (app) Product() string             { return "SFTPGo" }
func (app) Image(version string) string { return Image(version) }
func (app) ImageVar() string            { return ImageVar }

// Instance: an SFTPGo configured by the method.
func (app) Instance(name string, appURL *url.URL, image string, m guide.Method) steps.Instance {
	return New(name, appURL, image, m)
}

// Users: see UsersFor; without the guide there are none.
func (app) Users() []env.User { return nil }

// UsersFor: one Authelia user per role the guide's role expression can
// give, named after the role and in the group that gives it.
func (app) UsersFor(g *guide.Guide) ([]env.User, error) {
	roles, err := guideRoles(g)
	if err != nil {
		return nil, err
	}
	var out []env.User
	for _, role := range roles.All() {
		groups, _ := roles.Groups(role)
		out = append(out, env.User{Name: role, DisplayName: "SFTPGo " + role, Email: role + "@example.com", Groups: groups})
	}
	return out, nil
}

// guideRoles reads the role expression of the role field the guide's
// methods name (role_field, …_ROLE_FIELD).
func guideRoles(g *guide.Guide) (Roles, error) {
	field := roleField(g)
	if field == "" {
		return Roles{}, fmt.Errorf("%s: no configuration method of the guide names a role field (role_field, SFTPGO_HTTPD__BINDINGS__0__OIDC__ROLE_FIELD)", g.Where(g.ApplicationLine))
	}
	return ReadRoles(g, field)
}

func roleField(g *guide.Guide) string {
	for _, m := range g.Methods {
		for _, v := range m.Vars {
			if n := strings.ToLower(v.Name); (strings.HasSuffix(n, "role_field")) && v.Value != "" {
				return v.Value
			}
		}
	}
	return ""
}

// scenario is one scenario as SFTPGo's steps see it.
type scenario struct{ *steps.World }

func (w scenario) sftpgo() *Instance { return w.Instance().(*Instance) }

func (app) Steps(sw *steps.World, sc *godog.ScenarioContext) {
	w := scenario{sw}
	sc.Step(`^"([^"]*)" is in the Authelia groups for which the guide's role expression gives "([^"]*)"$`, w.X2(w.hasRole))
	sc.Step(`^SFTPGo has an admin named like them$`, w.X0(w.hasAdmin))
	sc.Step(`^SFTPGo has a user named like them$`, w.X0(w.hasUser))
	sc.Step(`^on SFTPGo's (WebAdmin|WebClient) login page, I choose to sign in with OpenID$`, w.X1(w.signInWithOpenID))
	sc.Step(`^I am in SFTPGo's (WebAdmin|WebClient) as "([^"]*)"$`, w.X2(w.inAs))
	sc.Step(`^SFTPGo does not let me in to the (WebAdmin|WebClient), saying the role does not fit$`, w.X1(w.refused))
}

// CheckVariables: SFTPGo started by the method offers to sign in with
// OpenID; when it does not, it ignored what the method says.
func (app) CheckVariables(sw *steps.World) error { return scenario{sw}.checkConfigured() }

// AtStart: SFTPGo's login page, as a visitor who has not signed in sees it.
func (app) AtStart(sw *steps.World) error { return scenario{sw}.open() }

// Landed: after Authelia, the WebAdmin's users, the WebClient's files, or
// the login page's message that the role does not fit.
func (app) Landed(w *steps.World) playwright.Locator {
	home := pages.Home{Page: w.Page()}
	return home.AdminUsers().Or(home.ClientFiles()).Or(pages.LoginPage{Page: w.Page()}.RoleError())
}
