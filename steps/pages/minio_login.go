package pages

import (
	"slices"
	"strings"

	"github.com/mxschmitt/playwright-go"
)

// MinIOLogin is the MinIO console's login screen.
type MinIOLogin struct {
	Page playwright.Page
	Base string // the application root URL, ending in "/"
}

func (p MinIOLogin) accessKey() playwright.Locator { return p.Page.Locator("#accessKey") }

// Open navigates to the login screen, unless it is already shown, and waits
// until it is rendered.
func (p MinIOLogin) Open() error {
	if strings.HasPrefix(p.Page.URL(), p.Base) && p.Rendered() {
		return nil
	}
	return gotoRendered(p.Page, p.Base+"login", p.anyForm())
}

// WaitRendered waits for the login form or the SSO choice to be drawn, not
// for navigation alone: the console is a JS app.
func (p MinIOLogin) WaitRendered() error { return visible(p.anyForm()) }

func (p MinIOLogin) anyForm() playwright.Locator {
	return p.Page.Locator("#accessKey, #SSOSelector, .selectContainer")
}

// Rendered says whether the login screen is drawn now.
func (p MinIOLogin) Rendered() bool {
	v, _ := p.anyForm().First().IsVisible()
	return v
}

// SignIn logs in with credentials and waits for the console.
func (p MinIOLogin) SignIn(user, password string) error {
	if err := visible(p.accessKey()); err != nil {
		return err
	}
	if err := p.accessKey().Fill(user); err != nil {
		return err
	}
	if err := p.Page.Locator("#secretKey").Fill(password); err != nil {
		return err
	}
	if err := p.Page.Locator("#do-login").Click(); err != nil {
		return err
	}
	return MinIOConsole{Page: p.Page}.WaitRendered()
}

// selectBox is the select control whose fixed label is label.
func (p MinIOLogin) selectBox(label string) playwright.Locator {
	return p.Page.Locator(".selectContainer").Filter(playwright.LocatorFilterOptions{HasText: label})
}

func (p MinIOLogin) openOptions() playwright.Locator {
	return p.Page.Locator("[id$='-options-selector'] li")
}

// OpenList clicks the select labelled label open and returns its options.
func (p MinIOLogin) OpenList(label string) ([]string, error) {
	sel := p.selectBox(label)
	if n, _ := sel.Count(); n == 0 {
		return nil, &NotFound{What: "control labelled " + label, Offered: texts(p.Page.Locator("button, .selectContainer"))}
	}
	if err := sel.First().Click(); err != nil {
		return nil, err
	}
	if err := visible(p.openOptions()); err != nil {
		return nil, &NotFound{What: "list opened by " + label}
	}
	return texts(p.openOptions()), nil
}

// ChooseFromList picks option in the open list.
func (p MinIOLogin) ChooseFromList(option string) error {
	return p.openOptions().Filter(playwright.LocatorFilterOptions{HasText: option}).First().Click()
}

// SSOButtons are the identity providers the screen offers as buttons.
func (p MinIOLogin) SSOButtons() []string { return texts(p.Page.Locator("#SSOSelector")) }

// ChooseSSO clicks the identity provider button whose text is name.
func (p MinIOLogin) ChooseSSO(name string) error {
	b := p.Page.Locator("#SSOSelector")
	if err := visible(b); err != nil {
		return &NotFound{What: "identity provider button", Offered: texts(p.Page.Locator("button"))}
	}
	if got := strings.TrimSpace(firstText(b)); got != name && !strings.HasPrefix(got, name+" - ") {
		return &NotFound{What: "button for " + name, Offered: []string{got}}
	}
	return b.Click()
}

func (p MinIOLogin) messages() playwright.Locator {
	return p.Page.Locator(".MuiAlert-message, [class*=error i], [role=alert], #loginErrorMessage")
}

// Message is the error the login screen shows, if any, each text once.
func (p MinIOLogin) Message() string {
	var out []string
	for _, t := range texts(p.messages()) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return strings.Join(out, " | ")
}

func firstText(l playwright.Locator) string {
	t, _ := l.First().InnerText()
	return t
}

// WaitMessage waits for the login screen to show an error and returns it.
func (p MinIOLogin) WaitMessage() (string, error) {
	if err := visible(p.messages()); err != nil {
		return "", err
	}
	return p.Message(), nil
}
