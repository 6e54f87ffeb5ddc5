// Package pages holds one page object per screen of MinIO's console the
// guide passes through, found by role, label and visible name. Page objects
// know selectors and waits; they know nothing of Gherkin.
package pages

import (
	"regexp"
	"slices"
	"strings"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// MinIOLogin is the MinIO console's login screen.
type MinIOLogin struct {
	Page playwright.Page
	Base string // the application root URL, ending in "/"
}

// The login screen names its fields only by placeholder.
func (p MinIOLogin) accessKey() playwright.Locator { return p.Page.GetByPlaceholder("Username", exact) }
func (p MinIOLogin) secretKey() playwright.Locator { return p.Page.GetByPlaceholder("Password", exact) }

var exact = playwright.PageGetByPlaceholderOptions{Exact: playwright.Bool(true)}

// otherMethods is the control a reader knows as "Other Authentication Methods".
func (p MinIOLogin) control(label string) playwright.Locator {
	return p.Page.GetByText(label, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)})
}

// Open navigates to the login screen, unless it is already shown, and waits
// until it is rendered.
func (p MinIOLogin) Open() error {
	if strings.HasPrefix(p.Page.URL(), p.Base) && p.Rendered() {
		return nil
	}
	return ui.Goto(p.Page, p.Base+"login", p.anyForm())
}

// WaitRendered waits for the login form or the SSO choice to be drawn, not
// for navigation alone: the console is a JS app.
func (p MinIOLogin) WaitRendered() error { return ui.Visible(p.anyForm()) }

func (p MinIOLogin) anyForm() playwright.Locator {
	return p.accessKey().Or(p.control(otherMethods))
}

// otherMethods is the select under the form (both console generations).
const otherMethods = "Other Authentication Methods"

// Rendered says whether the login screen is drawn now.
func (p MinIOLogin) Rendered() bool {
	v, _ := p.anyForm().First().IsVisible()
	return v
}

// SignIn logs in with credentials and waits for the console. Where an
// identity provider is configured, newer consoles hide the form behind
// "Other Authentication Methods" -> "Use Credentials".
func (p MinIOLogin) SignIn(user, password string) error {
	if err := p.WaitRendered(); err != nil {
		return err
	}
	if v, _ := p.accessKey().IsVisible(); !v {
		if _, err := p.OpenList(otherMethods); err != nil {
			return err
		}
		if err := p.ChooseFromList("Use Credentials"); err != nil {
			return err
		}
	}
	if err := ui.Visible(p.accessKey()); err != nil {
		return err
	}
	if err := p.accessKey().Fill(user); err != nil {
		return err
	}
	if err := p.secretKey().Fill(password); err != nil {
		return err
	}
	if err := ui.Button(p.Page, "Login").Click(); err != nil {
		return err
	}
	return MinIOConsole{Page: p.Page}.WaitRendered()
}

// openList is the list a select opens: a pop-up with no role, known by the
// id suffix both console generations give it.
func (p MinIOLogin) openList() playwright.Locator {
	return p.Page.Locator("[id$='-options-selector']")
}

// OpenList clicks the control labelled label open and returns the options
// its list shows, as a reader reads them.
func (p MinIOLogin) OpenList(label string) ([]string, error) {
	c := p.control(label)
	if n, _ := c.Count(); n == 0 {
		return nil, &ui.NotFound{What: "control labelled " + label, Offered: ui.Texts(p.Page.GetByRole("button"))}
	}
	if err := c.First().Click(); err != nil {
		return nil, err
	}
	if err := ui.Visible(p.openList()); err != nil {
		return nil, &ui.NotFound{What: "list opened by " + label}
	}
	var out []string
	for _, t := range ui.Texts(p.openList()) {
		for _, line := range strings.Split(t, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				out = append(out, line)
			}
		}
	}
	return out, nil
}

// ChooseFromList picks option in the open list.
func (p MinIOLogin) ChooseFromList(option string) error {
	return p.openList().GetByText(option, playwright.LocatorGetByTextOptions{Exact: playwright.Bool(true)}).First().Click()
}

// ssoButton is the identity provider's button above the form: named by its
// display name, "name - type" when MinIO knows the provider's type.
func (p MinIOLogin) ssoButton(name string) playwright.Locator {
	return p.Page.GetByRole("button", playwright.PageGetByRoleOptions{Name: regexp.MustCompile(`^` + regexp.QuoteMeta(name) + `( - .*)?$`)})
}

// SSOButtons are the buttons the screen offers besides the form's Login.
func (p MinIOLogin) SSOButtons() []string {
	var out []string
	for _, t := range ui.Texts(p.Page.GetByRole("button")) {
		if t != "Login" {
			out = append(out, t)
		}
	}
	return out
}

// ChooseSSO clicks the identity provider button whose name is name.
func (p MinIOLogin) ChooseSSO(name string) error {
	b := p.ssoButton(name)
	if err := ui.Visible(b); err != nil {
		return &ui.NotFound{What: "button " + name, Offered: p.SSOButtons()}
	}
	return b.First().Click()
}

func (p MinIOLogin) messages() playwright.Locator {
	return p.Page.Locator(".MuiAlert-message, [class*=error i], [role=alert], #loginErrorMessage")
}

// Message is the error the login screen shows, if any, each text once.
func (p MinIOLogin) Message() string {
	var out []string
	for _, t := range ui.Texts(p.messages()) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, " | ")
}

// WaitMessage waits for the login screen to show an error and returns it.
func (p MinIOLogin) WaitMessage() (string, error) {
	if err := ui.Visible(p.messages()); err != nil {
		return "", err
	}
	return p.Message(), nil
}
