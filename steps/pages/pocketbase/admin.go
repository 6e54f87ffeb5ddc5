// Package pocketbase holds the screens of PocketBase's admin UI (/_/), which
// PocketBase itself and the applications built on it (Beszel's settings
// dashboard) share. Its screens are found by their labels and the names of
// their buttons; its icons add private-use glyphs to many names, hence `\W*`
// around them.
package pocketbase

import (
	"fmt"
	"regexp"
	"strings"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// nameRe matches an accessible name that is words with icon glyphs around.
func nameRe(words string) *regexp.Regexp {
	return regexp.MustCompile(`^\W*` + regexp.QuoteMeta(words) + `\W*$`)
}

// labelRe matches a field's label, "*" of required fields and icons aside.
func labelRe(words string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\W*` + regexp.QuoteMeta(words) + `\s*\*?\W*$`)
}

// SuperuserLogin is PocketBase's "Superuser login" form, shown at
// /_/ to a browser not signed in as a superuser.
type SuperuserLogin struct{ Page playwright.Page }

func (s SuperuserLogin) heading() playwright.Locator {
	return ui.Heading(s.Page, "Superuser login")
}

// Heading is the form's title, for screens that must be told apart.
func (s SuperuserLogin) Heading() playwright.Locator { return s.heading() }

// Rendered says whether the form is drawn now.
func (s SuperuserLogin) Rendered() bool {
	v, _ := s.heading().IsVisible()
	return v
}

// SignIn signs in and waits until the form is gone.
func (s SuperuserLogin) SignIn(email, password string) error {
	if err := ui.Visible(s.heading()); err != nil {
		return err
	}
	if err := s.Page.GetByLabel(labelRe("Email")).Fill(email); err != nil {
		return err
	}
	if err := s.Page.GetByLabel(labelRe("Password")).Fill(password); err != nil {
		return err
	}
	if err := s.Page.GetByRole("button", playwright.PageGetByRoleOptions{Name: nameRe("Login")}).Click(); err != nil {
		return err
	}
	return s.heading().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateHidden, Timeout: ui.TimeoutMs()})
}

// Admin is what every screen of the settings dashboard shares: the
// left hand menu and the notifications at the bottom.
type Admin struct{ Page playwright.Page }

// Go follows the left hand menu's link named name ("Collections", "Settings").
func (a Admin) Go(name string) error {
	l := a.Page.GetByRole("link", playwright.PageGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
	if err := ui.Visible(l); err != nil {
		return &ui.NotFound{What: "link " + name, Offered: ui.Texts(a.Page.GetByRole("navigation").First().GetByRole("link"))}
	}
	return l.First().Click()
}

// toasts are PocketBase's notifications: they have no role, only a class.
func (a Admin) toasts() playwright.Locator { return a.Page.Locator(".toasts-wrapper .alert") }

// WaitSuccess waits for the notification success, or fails with the error
// notification or field errors PocketBase shows instead.
func (a Admin) WaitSuccess(success string) error {
	ok := a.Page.GetByText(success, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)})
	failed := a.Page.Locator(".toasts-wrapper .alert-danger")
	if err := ui.Visible(ok.Or(failed)); err != nil {
		if msg := a.FieldErrors(); len(msg) > 0 {
			return fmt.Errorf("PocketBase shows %s", ui.QuoteAll(msg))
		}
		return fmt.Errorf("no notification %q: %w", success, err)
	}
	if v, _ := failed.First().IsVisible(); v {
		return fmt.Errorf("PocketBase says %q", strings.TrimSpace(ui.FirstText(failed)))
	}
	return nil
}

// FieldErrors are the messages shown under fields.
func (a Admin) FieldErrors() []string { return ui.Texts(a.Page.Locator(".help-block-error")) }

// Settings is Settings > Application (/_/#/settings).
type Settings struct{ Page playwright.Page }

// Drawn is what shows the page is drawn: the Application name field.
func (s Settings) Drawn() playwright.Locator {
	return s.Page.GetByLabel(labelRe("Application name"))
}

// WaitRendered waits for the form.
func (s Settings) WaitRendered() error { return ui.Visible(s.Drawn()) }

// Rendered says whether the settings form is drawn now.
func (s Settings) Rendered() bool {
	v, _ := s.Drawn().First().IsVisible()
	return v
}

// Switches are the labels of the page's switches.
func (s Settings) Switches() []string {
	return ui.Texts(s.Page.Locator("xpath=//input[@type='checkbox']/following-sibling::label"))
}

// switchOf is the switch labelled label: a checkbox drawn as a switch (the
// box itself is hidden; its label is what a user clicks).
func (s Settings) switchOf(label string) (box, clickable playwright.Locator, err error) {
	box = s.Page.GetByRole("checkbox", playwright.PageGetByRoleOptions{Name: nameRe(label)})
	if n, _ := box.Count(); n == 0 {
		return nil, nil, &ui.NotFound{What: fmt.Sprintf("switch %q", label), Offered: s.Switches()}
	}
	return box.First(), s.Page.GetByText(label, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)}).First(), nil
}

// Checked reads the switch labelled label.
func (s Settings) Checked(label string) (bool, error) {
	box, _, err := s.switchOf(label)
	if err != nil {
		return false, err
	}
	return box.IsChecked()
}

// SetSwitch turns the switch labelled label on or off, as a user does.
func (s Settings) SetSwitch(label string, on bool) error {
	box, clickable, err := s.switchOf(label)
	if err != nil {
		return err
	}
	return setSwitch(box, clickable, on)
}

func setSwitch(box, clickable playwright.Locator, on bool) error {
	if checked, err := box.IsChecked(); err != nil || checked == on {
		return err
	}
	if err := clickable.Click(); err != nil {
		return err
	}
	if checked, err := box.IsChecked(); err != nil || checked != on {
		return fmt.Errorf("clicking the switch left it %v (%v)", checked, err)
	}
	return nil
}

// SaveChanges presses the form's "Save changes" and waits for PocketBase's
// confirmation.
func (s Settings) SaveChanges() error {
	b := ui.Button(s.Page, "Save changes")
	if err := ui.Visible(b); err != nil {
		return &ui.NotFound{What: "button Save changes", Offered: ui.Texts(s.Page.GetByRole("button"))}
	}
	if d, _ := b.IsDisabled(); d {
		return fmt.Errorf("the %q button is disabled: nothing changed", "Save changes")
	}
	if err := b.Click(); err != nil {
		return err
	}
	return Admin{Page: s.Page}.WaitSuccess("Successfully saved application settings.")
}
