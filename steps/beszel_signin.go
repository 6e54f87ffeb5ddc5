package steps

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// beszelUserFor: Beszel lets a provider's user in only when it has a user
// with that email (it creates none unless started with USER_CREATION=true,
// which the guide does not name). The least a reader does is create that
// user as Beszel's admin, in the settings dashboard: Collections > users >
// New record. The guide does not say so. Then the user starts at Beszel's
// login page in a browser of their own.
func (w *World) beszelUserFor(user string) error {
	u, err := w.testUser(user)
	if err != nil {
		return err
	}
	b := w.beszel()
	su := pages.BeszelSuperuserLogin{Page: w.page}
	cols := pages.BeszelCollections{Page: w.page}
	if err := pages.Goto(w.page, w.appURL()+"_/", su.Heading().Or(w.page.GetByPlaceholder("Search collections..."))); err != nil {
		return err
	}
	if su.Rendered() {
		if err := su.SignIn(b.AdminEmail, b.AdminPassword); err != nil {
			return fmt.Errorf("signing in to PocketBase's Superuser login as %s: %w", b.AdminEmail, err)
		}
	}
	if err := (pages.BeszelAdmin{Page: w.page}).Go("Collections"); err != nil {
		return err
	}
	// The collection of users is the one guide step 4 names.
	_, names, err := w.guideCodes(bzCollection, 1)
	if err != nil {
		return err
	}
	if err := cols.Open(names[0]); err != nil {
		return err
	}
	form, err := cols.NewRecord()
	if err != nil {
		return err
	}
	// A password is required; the user never uses it.
	pw := env.NewPassword()
	w.s.Log.Hide(pw)
	for _, f := range []struct{ label, value string }{{"email", u.Email}, {"Password", pw}, {"Password confirm", pw}} {
		if err := form.Fill(f.label, f.value); err != nil {
			return err
		}
	}
	if err := form.Create(); err != nil {
		return fmt.Errorf("creating the Beszel user %s: %w", u.Email, err)
	}
	if !cols.HasRecordWith(u.Email) {
		return fmt.Errorf("the users collection does not list %s after Create", u.Email)
	}
	if ok, err := b.UserExists(context.Background(), u.Email); err != nil || !ok {
		return fmt.Errorf("Beszel has no user %s after Create (%v)", u.Email, err)
	}
	w.notInGuide(bzSave, "Beszel signs in through a provider only a user it already has, by email (it creates none unless started with USER_CREATION=true, which the guide does not name): as the admin, in the settings dashboard's Collections > users, pressed \"New record\" and created %s, %q's email in Authelia (email, Password, Password confirm, then \"Create\")", u.Email, user)
	// The user signs in in a browser of their own.
	if err := w.openContext(); err != nil {
		return err
	}
	return w.s.App.AtStart(w)
}

// noBeszelUser: Beszel has no user with the Authelia user's email.
func (w *World) noBeszelUser(user string) error {
	u, err := w.testUser(user)
	if err != nil {
		return err
	}
	ok, err := w.beszel().UserExists(context.Background(), u.Email)
	if err != nil {
		return err
	}
	if ok {
		return fmt.Errorf("Beszel has a user %s", u.Email)
	}
	w.note("Beszel has no user %s (%q's email in Authelia)", u.Email, user)
	return nil
}

// clickBeszelProvider presses the login page's button named by step 9's
// Display name. PocketBase opens Authelia in a pop-up window and waits for
// it to come back there.
func (w *World) clickBeszelProvider() error {
	st, err := w.guideStep(bzForm)
	if err != nil {
		return err
	}
	it, ok := st.Item("Display name")
	if !ok {
		return &GuideError{Step: st.Number, Where: w.s.Guide.Where(st.Line), Says: st.Text, Saw: "the suite names the login button by the entry \"Display name\", which the step no longer has"}
	}
	login := pages.BeszelLogin{Page: w.page, Base: w.appURL()}
	if err := login.Open(); err != nil {
		return err
	}
	popup, err := w.page.ExpectPopup(func() error { return login.ChooseProvider(it.Value) }, playwright.PageExpectPopupOptions{Timeout: pages.TimeoutMs()})
	if err != nil {
		var nf *pages.NotFound
		if errors.As(err, &nf) {
			return w.itemError(st, it, "Beszel's login page "+nf.Error())
		}
		return fmt.Errorf("pressing %q on Beszel's login page opened no pop-up window: %w", it.Value, err)
	}
	w.popup = popup
	pages.Watch(popup)
	if err := (pages.AutheliaLogin{Page: popup}).WaitRendered(); err != nil {
		return fmt.Errorf("Authelia's sign-in did not appear in the pop-up window (at %s): %w", popup.URL(), err)
	}
	w.snapOf(popup, "pop-up")
	w.note("%q opened a pop-up window at %s", it.Value, strings.SplitN(popup.URL(), "?", 2)[0])
	return nil
}

// loggedInToBeszelAs: Beszel shows its home to the user, and its user
// menu names them by their email.
func (w *World) loggedInToBeszelAs(user string) error {
	if user != w.user {
		return fmt.Errorf("this scenario signed in to Authelia as %q, not %q", w.user, user)
	}
	u, err := w.testUser(user)
	if err != nil {
		return err
	}
	home := pages.BeszelHome{Page: w.page}
	login := pages.BeszelLogin{Page: w.page, Base: w.appURL()}
	if err := home.WaitRenderedOrToast(); err != nil {
		return fmt.Errorf("neither Beszel's home nor a message appeared (at %s): %w", w.page.URL(), err)
	}
	if !home.Rendered() {
		return fmt.Errorf("not logged in to Beszel: it says %q (at %s)", login.ToastText(), w.page.URL())
	}
	heading := home.Heading()
	email, entries, err := home.SignedInAs()
	if err != nil {
		return err
	}
	if !strings.EqualFold(email, u.Email) {
		return fmt.Errorf("Beszel's user menu names %q, not %q's email %s", email, user, u.Email)
	}
	w.note("logged in to Beszel through Authelia: its home shows %q, the user menu names %s and offers %q", heading, email, entries)
	return nil
}

// beszelRefuses: back from Authelia, Beszel stays at its login page and
// says the login attempt failed; it made no user.
func (w *World) beszelRefuses() error {
	home := pages.BeszelHome{Page: w.page}
	login := pages.BeszelLogin{Page: w.page, Base: w.appURL()}
	if err := home.WaitRenderedOrToast(); err != nil {
		return fmt.Errorf("Beszel showed neither its home nor a message to %q (at %s): %w", w.user, w.page.URL(), err)
	}
	if home.Rendered() {
		return fmt.Errorf("Beszel let %q in", w.user)
	}
	msg := login.ToastText()
	if !strings.Contains(msg, "Login attempt failed") {
		return fmt.Errorf("Beszel refused %q with an unexpected message %q", w.user, msg)
	}
	if !login.Rendered() {
		return fmt.Errorf("Beszel refused %q but does not show its login form (at %s)", w.user, w.page.URL())
	}
	u, err := w.testUser(w.user)
	if err != nil {
		return err
	}
	if ok, err := w.beszel().UserExists(context.Background(), u.Email); err != nil || ok {
		return fmt.Errorf("Beszel has a user %s after refusing them (%v)", u.Email, err)
	}
	w.note("Beszel says: %s", msg)
	return nil
}
