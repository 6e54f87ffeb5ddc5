// Package pages holds SFTPGo's screens the guide passes through (the login
// pages of its WebAdmin and WebClient, and where each lands) as page objects,
// found by role, placeholder and visible name. They know nothing of Gherkin.
package pages

import (
	"regexp"
	"strings"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// LoginPage is the login page of the WebAdmin or the WebClient.
type LoginPage struct{ Page playwright.Page }

var (
	openIDName = regexp.MustCompile(`Sign in with OpenID`)
	roleError  = regexp.MustCompile(`(?i)OpenID role`)
)

// OpenID is the link that starts the sign-in with OpenID Connect.
func (l LoginPage) OpenID() playwright.Locator {
	return l.Page.GetByRole("link", playwright.PageGetByRoleOptions{Name: openIDName})
}

// Username is the form's own username field.
func (l LoginPage) Username() playwright.Locator { return l.Page.GetByPlaceholder("Username") }

// Open loads the login page and waits until it is drawn.
func (l LoginPage) Open(url string) error {
	return ui.Goto(l.Page, url, l.OpenID().Or(l.Username()))
}

// RoleError is the message that the OpenID role does not fit.
func (l LoginPage) RoleError() playwright.Locator { return l.Page.GetByText(roleError) }

// WaitRoleError waits for that message and returns it.
func (l LoginPage) WaitRoleError() (string, error) {
	if err := ui.Visible(l.RoleError()); err != nil {
		return "", err
	}
	t, err := l.RoleError().First().InnerText()
	return strings.TrimSpace(t), err
}

// Home is the first screen of an interface after signing in.
type Home struct{ Page playwright.Page }

// AdminUsers is the WebAdmin's list of users, where an admin lands.
func (h Home) AdminUsers() playwright.Locator {
	return h.Page.GetByRole("heading", playwright.PageGetByRoleOptions{Name: "View and manage users"})
}

// ClientFiles is the WebClient's file browser, where a user lands.
func (h Home) ClientFiles() playwright.Locator {
	return h.Page.GetByPlaceholder("Search")
}

// WaitLanding waits for landing or, when SFTPGo refuses, its message.
func (h Home) WaitLanding(landing playwright.Locator) error {
	return ui.Visible(landing.Or(LoginPage{Page: h.Page}.RoleError()))
}
