// Package pages holds one page object per screen of Beszel the guide
// passes through (its settings dashboard is PocketBase's admin UI), found
// by role, label and visible name. Page objects know selectors and waits;
// they know nothing of Gherkin.
package pages

import (
	"regexp"
	"slices"
	"strings"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// BeszelLogin is Beszel's own login page at the Application Root URL. On the
// first run it asks for an admin account instead ("Create account"); once a
// provider is configured it offers a button named by its display name under
// "Or continue with".
type BeszelLogin struct {
	Page playwright.Page
	Base string // the Application Root URL, ending in "/"
}

// Its fields have labels only screen readers see; a reader sees the same
// words as placeholders.
func (p BeszelLogin) field(label string) playwright.Locator {
	return p.Page.GetByLabel(label, playwright.PageGetByLabelOptions{Exact: playwright.Bool(true)})
}

func (p BeszelLogin) createAccount() playwright.Locator { return ui.Button(p.Page, "Create account") }
func (p BeszelLogin) signIn() playwright.Locator        { return ui.Button(p.Page, "Sign in") }

func (p BeszelLogin) anyForm() playwright.Locator { return p.createAccount().Or(p.signIn()) }

// Open navigates to the Application Root URL and waits until the login page
// or, for a browser already signed in, Beszel's home is drawn.
func (p BeszelLogin) Open() error {
	if strings.HasPrefix(p.Page.URL(), p.Base) && p.Rendered() {
		return nil
	}
	return ui.Goto(p.Page, p.Base, p.anyForm().Or(BeszelHome{Page: p.Page}.userMenu()))
}

// WaitRendered waits for the login form (or the first run's form).
func (p BeszelLogin) WaitRendered() error { return ui.Visible(p.anyForm()) }

// Rendered says whether the login page is drawn now.
func (p BeszelLogin) Rendered() bool {
	v, _ := p.anyForm().First().IsVisible()
	return v
}

// FirstRun says whether the page asks for the first (admin) account.
func (p BeszelLogin) FirstRun() bool {
	v, _ := p.createAccount().IsVisible()
	return v
}

// Prompt is the line under the title ("Please sign in to your account").
func (p BeszelLogin) Prompt() string {
	return ui.FirstText(p.Page.GetByRole("paragraph").Filter(playwright.LocatorFilterOptions{HasText: regexp.MustCompile(`^Please `)}))
}

// CreateAccount fills the first run's form and waits for Beszel's home: the
// account is signed in at once.
func (p BeszelLogin) CreateAccount(email, password string) error {
	if err := ui.Visible(p.createAccount()); err != nil {
		return &ui.NotFound{What: "button Create account", Offered: ui.Texts(p.Page.GetByRole("button"))}
	}
	for _, f := range []struct{ label, value string }{{"Email", email}, {"Password", password}, {"Confirm password", password}} {
		if err := p.field(f.label).Fill(f.value); err != nil {
			return err
		}
	}
	if err := p.createAccount().Click(); err != nil {
		return err
	}
	return BeszelHome{Page: p.Page}.WaitRenderedOrToast()
}

// SignIn signs in with email and password and waits for Beszel's home.
func (p BeszelLogin) SignIn(email, password string) error {
	if err := ui.Visible(p.signIn()); err != nil {
		return &ui.NotFound{What: "button Sign in", Offered: ui.Texts(p.Page.GetByRole("button"))}
	}
	if err := p.field("Email").Fill(email); err != nil {
		return err
	}
	if err := p.field("Password").Fill(password); err != nil {
		return err
	}
	if err := p.signIn().Click(); err != nil {
		return err
	}
	return BeszelHome{Page: p.Page}.WaitRenderedOrToast()
}

// Buttons are the buttons the page offers besides its form's own.
func (p BeszelLogin) Buttons() []string {
	var out []string
	for _, t := range ui.Texts(p.Page.GetByRole("button")) {
		if t != "Sign in" && t != "Create account" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Provider is the button of the provider whose display name is name.
func (p BeszelLogin) Provider(name string) playwright.Locator { return ui.Button(p.Page, name) }

// ChooseProvider clicks the provider's button, or says which buttons exist.
func (p BeszelLogin) ChooseProvider(name string) error {
	if err := p.WaitRendered(); err != nil {
		return err
	}
	b := p.Provider(name)
	if n, _ := b.Count(); n == 0 {
		return &ui.NotFound{What: "button " + name, Offered: p.Buttons()}
	}
	return b.First().Click()
}

// Toast is Beszel's notification (e.g. "Login attempt failed").
func (p BeszelLogin) Toast() playwright.Locator { return beszelToast(p.Page) }

func beszelToast(page playwright.Page) playwright.Locator {
	return page.GetByRole("region", playwright.PageGetByRoleOptions{Name: regexp.MustCompile(`^Notifications`)}).GetByRole("status")
}

// ToastText is the notification's text, its lines joined, or "".
func (p BeszelLogin) ToastText() string {
	if v, _ := p.Toast().First().IsVisible(); !v {
		return ""
	}
	return strings.Join(strings.Fields(ui.FirstText(p.Toast())), " ")
}

// BeszelHome is Beszel's home for a signed-in user: the systems table and,
// at the top right, the "User Actions" menu that names the user.
type BeszelHome struct{ Page playwright.Page }

func (h BeszelHome) userMenu() playwright.Locator { return ui.Button(h.Page, "User Actions") }

// WaitRendered waits for the user menu.
func (h BeszelHome) WaitRendered() error { return ui.Visible(h.userMenu()) }

// Rendered says whether the signed-in home is drawn now.
func (h BeszelHome) Rendered() bool {
	v, _ := h.userMenu().IsVisible()
	return v
}

// WaitRenderedOrToast waits until the home is drawn or Beszel shows a
// notification (a refusal), whichever comes first.
func (h BeszelHome) WaitRenderedOrToast() error {
	return ui.Visible(h.userMenu().Or(beszelToast(h.Page)))
}

// Heading is the home's title ("All Systems"), once drawn.
func (h BeszelHome) Heading() string {
	heading := h.Page.GetByRole("heading")
	if ui.Visible(heading) != nil {
		return ""
	}
	return ui.FirstText(heading)
}

// SignedInAs opens the user menu and returns what it names the user by (the
// email) and the menu's entries. The menu stays open, for the screenshot.
func (h BeszelHome) SignedInAs() (string, []string, error) {
	if err := h.WaitRendered(); err != nil {
		return "", nil, err
	}
	if err := h.userMenu().Click(); err != nil {
		return "", nil, err
	}
	menu := h.Page.GetByRole("menu", playwright.PageGetByRoleOptions{Name: "User Actions"})
	if err := ui.Visible(menu); err != nil {
		return "", nil, err
	}
	text, err := menu.First().InnerText()
	if err != nil {
		return "", nil, err
	}
	first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	return strings.TrimSpace(first), ui.Texts(menu.First().GetByRole("menuitem")), nil
}
