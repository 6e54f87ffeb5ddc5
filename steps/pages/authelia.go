package pages

import (
	"github.com/mxschmitt/playwright-go"
)

// AutheliaLogin is Authelia's first factor screen.
type AutheliaLogin struct{ Page playwright.Page }

// WaitRendered waits for the username field.
func (a AutheliaLogin) WaitRendered() error { return visible(a.Page.Locator("#username-textfield")) }

// Fill types username and password.
func (a AutheliaLogin) Fill(user, password string) error {
	if err := a.WaitRendered(); err != nil {
		return err
	}
	if err := a.Page.Locator("#username-textfield").Fill(user); err != nil {
		return err
	}
	return a.Page.Locator("#password-textfield").Fill(password)
}

// Submit presses Sign in.
func (a AutheliaLogin) Submit() error { return a.Page.Locator("#sign-in-button").Click() }

// AutheliaTOTP is Authelia's second factor screen with a one-time password.
type AutheliaTOTP struct{ Page playwright.Page }

func (a AutheliaTOTP) inputs() playwright.Locator { return a.Page.Locator("#otp-input input") }

// WaitRendered waits for the one-time password inputs.
func (a AutheliaTOTP) WaitRendered() error { return visible(a.inputs()) }

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

// WaitRendered waits for the consent stage.
func (a AutheliaConsent) WaitRendered() error {
	return visible(a.Page.Locator("#consent-stage, #accept-button"))
}

// Accept grants consent.
func (a AutheliaConsent) Accept() error {
	if err := a.WaitRendered(); err != nil {
		return err
	}
	return a.Page.Locator("#accept-button").Click()
}
