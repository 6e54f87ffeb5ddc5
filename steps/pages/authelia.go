package pages

import (
	"errors"
	"regexp"

	"github.com/mxschmitt/playwright-go"
)

// Authelia's screens, found as a reader sees them: fields by their label,
// buttons by their name. Ids changed between 4.38 and 4.39; words did not.

// AutheliaLogin is Authelia's first factor screen.
type AutheliaLogin struct{ Page playwright.Page }

// field is the input labelled label; required fields show "label *".
func (a AutheliaLogin) field(label string) playwright.Locator {
	return a.Page.GetByLabel(regexp.MustCompile(`^\s*` + regexp.QuoteMeta(label) + `(\s*\*)?\s*$`))
}

// WaitRendered waits for the Username field. When Authelia shows its error
// page instead (a request it refuses), it says so at once rather than when
// the wait runs out; the suite then quotes Authelia's words.
func (a AutheliaLogin) WaitRendered() error {
	if err := Visible(a.field("Username").Or(autheliaError(a.Page))); err != nil {
		return err
	}
	if ok, _ := autheliaError(a.Page).First().IsVisible(); ok {
		return errors.New("Authelia shows its error page instead of its sign-in")
	}
	return nil
}

// Sign is what shows once the sign-in is drawn: its Username field, or
// Authelia's error page.
func (a AutheliaLogin) Sign() playwright.Locator {
	return a.field("Username").Or(autheliaError(a.Page))
}

// autheliaError is the heading of Authelia's error page.
func autheliaError(p playwright.Page) playwright.Locator {
	return p.GetByRole("heading", playwright.PageGetByRoleOptions{Name: regexp.MustCompile(`(?i)an error occurred`)})
}

// Fill types username and password.
func (a AutheliaLogin) Fill(user, password string) error {
	if err := a.WaitRendered(); err != nil {
		return err
	}
	if err := a.field("Username").Fill(user); err != nil {
		return err
	}
	return a.field("Password").Fill(password)
}

// Submit presses Sign in.
func (a AutheliaLogin) Submit() error { return Button(a.Page, "Sign in").Click() }

// AutheliaTOTP is Authelia's second factor screen with a one-time password.
type AutheliaTOTP struct{ Page playwright.Page }

// inputs are the one-time password's boxes: they have no label, so the
// dial's id is all there is to find them by.
func (a AutheliaTOTP) inputs() playwright.Locator { return a.Page.Locator("#otp-input input") }

// WaitRendered waits for the one-time password inputs.
func (a AutheliaTOTP) WaitRendered() error { return Visible(a.inputs()) }

// Enter types the code, one digit per box.
func (a AutheliaTOTP) Enter(code string) error {
	if err := a.WaitRendered(); err != nil {
		return err
	}
	for i, c := range code {
		if err := a.inputs().Nth(i).Fill(string(c)); err != nil {
			return err
		}
	}
	return nil
}

// AutheliaConsent is the consent screen of the OpenID Connect flow.
type AutheliaConsent struct{ Page playwright.Page }

// WaitRendered waits for the Accept button.
func (a AutheliaConsent) WaitRendered() error { return Visible(Button(a.Page, "Accept")) }

// Accept grants consent.
func (a AutheliaConsent) Accept() error {
	if err := a.WaitRendered(); err != nil {
		return err
	}
	return Button(a.Page, "Accept").Click()
}
