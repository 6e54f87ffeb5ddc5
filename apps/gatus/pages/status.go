// Package pages holds Gatus's one screen as a page object, found by role and
// visible name. Page objects know selectors and waits; they know nothing of
// Gherkin.
package pages

import (
	"regexp"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// StatusPage is Gatus's one screen: the status of its endpoints, or, for a
// visitor who must sign in first, Gatus's name and a login button only.
type StatusPage struct{ Page playwright.Page }

var loginName = regexp.MustCompile(`(?i)\blog\s*in\b`)

// LoginButton is the button (a link) that starts the sign-in.
func (s StatusPage) LoginButton() playwright.Locator {
	return s.Page.GetByRole("link", playwright.PageGetByRoleOptions{Name: loginName})
}

// Endpoint is an endpoint's name as the status page lists it.
func (s StatusPage) Endpoint(name string) playwright.Locator {
	return s.Page.GetByText(name, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)})
}

// Open loads the page and waits until Gatus's web app drew either screen.
func (s StatusPage) Open(url, endpoint string) error {
	return ui.Goto(s.Page, url, s.LoginButton().Or(s.Endpoint(endpoint)))
}

// WaitEndpoint waits until the status page lists the endpoint.
func (s StatusPage) WaitEndpoint(name string) error { return ui.Visible(s.Endpoint(name)) }

// Login presses the login button.
func (s StatusPage) Login() error { return s.LoginButton().First().Click() }

// LoginButtonName is the button's visible name, for notes.
func (s StatusPage) LoginButtonName() string {
	t, _ := s.LoginButton().First().InnerText()
	return t
}
