package steps

import (
	"fmt"
	"strings"
	"time"

	"github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
	"github.com/pquerna/otp/totp"
)

// loginAs is step 9, "Login": Authelia's first factor, the second factor the
// guide's two_factor policy asks for (a TOTP code computed here), consent,
// and back to the application.
func (w *World) loginAs(user string) error {
	u, err := w.testUser(user)
	if err != nil {
		return err
	}
	w.user = user
	// Some applications open Authelia in a pop-up window (w.popup).
	page := w.page
	if w.popup != nil {
		page = w.popup
	}
	first := pages.AutheliaLogin{Page: page}
	if u.Name != user {
		w.note("%q is the Authelia user %q", user, u.Name)
	}
	if err := first.Fill(u.Name, u.Password); err != nil {
		return fmt.Errorf("Authelia first factor: %w", err)
	}
	w.snapOf(page, "authelia first factor")
	w.note("Authelia's sign-in at %s", strings.SplitN(page.URL(), "?", 2)[0])
	if err := first.Submit(); err != nil {
		return fmt.Errorf("Authelia first factor: %w", err)
	}
	code, err := totp.GenerateCode(u.TOTPSecret, time.Now())
	if err != nil {
		return err
	}
	second := pages.AutheliaTOTP{Page: page}
	if err := second.WaitRendered(); err != nil {
		return fmt.Errorf("Authelia second factor: %w", err)
	}
	w.snapOf(page, "authelia second factor")
	if err := second.Enter(code); err != nil {
		return fmt.Errorf("Authelia second factor: %w", err)
	}
	consent := pages.AutheliaConsent{Page: page}
	if err := consent.WaitRendered(); err != nil {
		return fmt.Errorf("Authelia consent: %w", err)
	}
	w.snapOf(page, "authelia consent")
	if err := consent.Accept(); err != nil {
		return fmt.Errorf("Authelia consent: %w", err)
	}
	w.note("Authelia: password, one-time code and consent for %q", user)
	// Back at the application, whatever it decides; its picture waits for
	// the page the application lands the user on, when it says what shows.
	if l, ok := w.s.App.(Landing); ok {
		w.drawn = l.Landed(w)
	}
	if w.popup != nil {
		popup := w.popup
		w.popup = nil
		if !popup.IsClosed() {
			if _, err := popup.WaitForEvent("close", playwright.PageWaitForEventOptions{Timeout: pages.TimeoutMs()}); err != nil {
				return fmt.Errorf("Authelia's pop-up did not close after consent (at %s): %w", popup.URL(), err)
			}
		}
		return nil
	}
	app := trimURL(w.appURL())
	return w.page.WaitForURL(app+"/**", playwright.PageWaitForURLOptions{Timeout: pages.TimeoutMs()})
}
