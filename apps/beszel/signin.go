package beszel

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/apps/beszel/pages"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/guidewalk/guidewalk/steps/pages/pocketbase"
	"github.com/mxschmitt/playwright-go"
)

// beszelUserFor: Beszel lets a provider's user in only when it has a user
// with that email (it creates none unless started with USER_CREATION=true,
// which the guide does not name). The least a reader does is create that
// user as Beszel's admin, in the settings dashboard: Collections > users >
// New record. The guide does not say so. Then the user starts at Beszel's
// login page in a browser of their own.
func (w scenario) beszelUserFor(user string) error {
	u, err := w.TestUser(user)
	if err != nil {
		return err
	}
	b := w.instance()
	cols := pocketbase.Collections{Page: w.Page()}
	if _, err := w.gui().SignIn(w.AppURL()+"_/", w.Page().GetByPlaceholder("Search collections...")); err != nil {
		return err
	}
	if err := (pocketbase.Admin{Page: w.Page()}).Go("Collections"); err != nil {
		return err
	}
	// The collection of users is the one guide step 4 names.
	_, names, err := w.GuideCodes(bzCollection, 1)
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
	w.Hide(pw)
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
	w.NotInGuide(bzSave, "Beszel signs in through a provider only a user it already has, by email (it creates none unless started with USER_CREATION=true, which the guide does not name): as the admin, in the settings dashboard's Collections > users, pressed \"New record\" and created %s, %q's email in Authelia (email, Password, Password confirm, then \"Create\")", u.Email, user)
	// The user signs in in a browser of their own.
	if err := w.FreshContext(); err != nil {
		return err
	}
	return w.loginPage()
}

// noBeszelUser: Beszel has no user with the Authelia user's email.
func (w scenario) noBeszelUser(user string) error {
	u, err := w.TestUser(user)
	if err != nil {
		return err
	}
	ok, err := w.instance().UserExists(context.Background(), u.Email)
	if err != nil {
		return err
	}
	if ok {
		return fmt.Errorf("Beszel has a user %s", u.Email)
	}
	w.Note("Beszel has no user %s (%q's email in Authelia)", u.Email, user)
	return nil
}

// clickBeszelProvider presses the login page's button named by step 9's
// Display name. PocketBase opens Authelia in a pop-up window and waits for
// it to come back there.
func (w scenario) clickBeszelProvider() error {
	st, err := w.GuideStep(bzForm)
	if err != nil {
		return err
	}
	it, ok := st.Item("Display name")
	if !ok {
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text, Saw: "the suite names the login button by the entry \"Display name\", which the step no longer has"}
	}
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	if err := login.Open(); err != nil {
		return err
	}
	popup, err := w.Page().ExpectPopup(func() error { return login.ChooseProvider(it.Value) }, playwright.PageExpectPopupOptions{Timeout: ui.TimeoutMs()})
	if err != nil {
		var nf *ui.NotFound
		if errors.As(err, &nf) {
			return w.ItemError(st, it, "Beszel's login page "+nf.Error())
		}
		return fmt.Errorf("pressing %q on Beszel's login page opened no pop-up window: %w", it.Value, err)
	}
	w.SetPopup(popup)
	ui.Watch(popup)
	if err := (ui.AutheliaLogin{Page: popup}).WaitRendered(); err != nil {
		return fmt.Errorf("Authelia's sign-in did not appear in the pop-up window (at %s): %w", popup.URL(), err)
	}
	w.SnapOf(popup, "pop-up")
	w.Note("%q opened a pop-up window at %s", it.Value, strings.SplitN(popup.URL(), "?", 2)[0])
	w.ShowsProgress(fmt.Sprintf("Beszel's %q button turning while Authelia's window is open", it.Value))
	return nil
}

// loggedInToBeszelAs: Beszel shows its home to the user, and its user
// menu names them by their email.
func (w scenario) loggedInToBeszelAs(user string) error {
	if user != w.User() {
		return fmt.Errorf("this scenario signed in to Authelia as %q, not %q", w.User(), user)
	}
	u, err := w.TestUser(user)
	if err != nil {
		return err
	}
	home := pages.BeszelHome{Page: w.Page()}
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	if err := home.WaitRenderedOrToast(); err != nil {
		return fmt.Errorf("neither Beszel's home nor a message appeared (at %s): %w", w.Page().URL(), err)
	}
	if !home.Rendered() {
		return fmt.Errorf("not logged in to Beszel: it says %q (at %s)", login.ToastText(), w.Page().URL())
	}
	heading := home.Heading()
	email, entries, err := home.SignedInAs()
	if err != nil {
		return err
	}
	if !strings.EqualFold(email, u.Email) {
		return fmt.Errorf("Beszel's user menu names %q, not %q's email %s", email, user, u.Email)
	}
	w.Note("logged in to Beszel through Authelia: its home shows %q, the user menu names %s and offers %q", heading, email, entries)
	return nil
}

// beszelRefuses: back from Authelia, Beszel stays at its login page and
// says the login attempt failed; it made no user.
func (w scenario) beszelRefuses() error {
	home := pages.BeszelHome{Page: w.Page()}
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	if err := home.WaitRenderedOrToast(); err != nil {
		return fmt.Errorf("Beszel showed neither its home nor a message to %q (at %s): %w", w.User(), w.Page().URL(), err)
	}
	if home.Rendered() {
		return fmt.Errorf("Beszel let %q in", w.User())
	}
	msg := login.ToastText()
	if !strings.Contains(msg, "Login attempt failed") {
		return fmt.Errorf("Beszel refused %q with an unexpected message %q", w.User(), msg)
	}
	if !login.Rendered() {
		return fmt.Errorf("Beszel refused %q but does not show its login form (at %s)", w.User(), w.Page().URL())
	}
	u, err := w.TestUser(w.User())
	if err != nil {
		return err
	}
	if ok, err := w.instance().UserExists(context.Background(), u.Email); err != nil || ok {
		return fmt.Errorf("Beszel has a user %s after refusing them (%v)", u.Email, err)
	}
	w.Note("Beszel says: %s", msg)
	return nil
}
