package beszel

import (
	"fmt"

	"github.com/guidewalk/guidewalk/apps/beszel/pages"
	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/guidewalk/guidewalk/steps/pages/pocketbase"
)

// beszelRunsUnconfigured: the Web GUI's Beszel answers at the guide's
// Application Root URL and offers no sign-in provider yet.
func (w scenario) beszelRunsUnconfigured() error {
	if _, err := w.gui().Fresh(true); err != nil {
		return err
	}
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	if err := login.Open(); err != nil {
		return err
	}
	w.Note("Beszel at %s says %q; it offers no sign-in provider", w.Page().URL(), login.Prompt())
	return nil
}

// loginPage is Beszel's login page, signed out.
func (w scenario) loginPage() error {
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	if err := login.Open(); err != nil {
		return err
	}
	if err := login.WaitRendered(); err != nil {
		return fmt.Errorf("Beszel's login page (at %s): %w", w.Page().URL(), err)
	}
	w.Note("Beszel's login page at %s", w.Page().URL())
	return nil
}

// loginToBeszel is step 1: "Login to Beszel". A Beszel that has no user yet
// asks for an admin account first: the reader creates it (Beszel also makes
// it PocketBase's superuser, which step 2 needs), which the guide does not
// say.
func (w scenario) loginToBeszel() error {
	st, err := w.GuideStep(bzLogin)
	if err != nil {
		return err
	}
	b := w.instance()
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	home := pages.BeszelHome{Page: w.Page()}
	if err := login.Open(); err != nil {
		return w.Deviates(st, err)
	}
	switch {
	case home.Rendered():
		w.Note("this browser is signed in to Beszel already")
		return nil
	case login.FirstRun():
		prompt := login.Prompt()
		if err := login.CreateAccount(b.AdminEmail, b.AdminPassword); err != nil {
			return w.Deviates(st, err)
		}
		if !home.Rendered() {
			return fmt.Errorf("creating Beszel's admin account: Beszel says %q", login.ToastText())
		}
		w.NotInGuide(0, "Beszel's first run says %q: created the account %s with a new password (Email, Password, Confirm password, then \"Create account\"); Beszel signs it in and makes it PocketBase's superuser too", prompt, b.AdminEmail)
	default:
		if err := login.SignIn(b.AdminEmail, b.AdminPassword); err != nil {
			return w.Deviates(st, err)
		}
		if !home.Rendered() {
			return w.Deviates(st, fmt.Errorf("signing in as %s: Beszel says %q", b.AdminEmail, login.ToastText()))
		}
	}
	w.Note("logged in to Beszel as its admin %s; its home shows %q", b.AdminEmail, home.Heading())
	return nil
}

// goToBeszelSettings is step 2: "Navigate to the settings dashboard by
// going to `https://beszel.example.com/_/#/settings`". The address shows
// PocketBase's superuser login first: the reader signs in with the admin
// account, which the guide does not say, and PocketBase then shows its
// collections, so the reader goes to the address again.
func (w scenario) goToBeszelSettings() error {
	st, names, err := w.GuideCodes(bzSettings, 1)
	if err != nil {
		return err
	}
	addr := names[0]
	settings := pocketbase.Settings{Page: w.Page()}
	signedIn, err := w.gui().SignIn(addr, settings.Drawn())
	if err != nil {
		return w.Deviates(st, err)
	}
	if signedIn {
		again := ""
		if !settings.Rendered() {
			landed := w.Page().URL()
			if err := ui.Goto(w.Page(), addr, settings.Drawn()); err != nil {
				return w.Deviates(st, err)
			}
			again = fmt.Sprintf("; PocketBase then showed %s, so went to the address again", landed)
		}
		w.NotInGuide(bzSettings, "the address shows PocketBase's %q form first: signed in with the admin account Beszel's first run made (%s)%s", "Superuser login", w.instance().AdminEmail, again)
	}
	if err := settings.WaitRendered(); err != nil {
		return w.Deviates(st, err)
	}
	w.Note("the settings dashboard (PocketBase's Settings > Application) at %s", w.Page().URL())
	return nil
}

// disableBeszelSwitch is step 3: "Disable the `Hide collection create and
// edit controls`". The switch changes the form only: PocketBase keeps it
// when "Save changes" is pressed, which the guide does not say; without it
// the collection shows no cog in step 4.
func (w scenario) disableBeszelSwitch(label string) error {
	st, names, err := w.GuideCodes(bzHide, 1, label)
	if err != nil {
		return err
	}
	label = names[0]
	settings := pocketbase.Settings{Page: w.Page()}
	if err := settings.WaitRendered(); err != nil {
		return w.Deviates(st, err)
	}
	was, err := settings.Checked(label)
	if err != nil {
		return w.Deviates(st, err)
	}
	if !was {
		w.Note("%q is off already", label)
		return nil
	}
	if err := settings.SetSwitch(label, false); err != nil {
		return w.Deviates(st, err)
	}
	if err := settings.SaveChanges(); err != nil {
		return w.Deviates(st, fmt.Errorf("saving the settings: %w", err))
	}
	w.Note("%q: switched off (it was on)", label)
	w.NotInGuide(bzHide, "pressed %q under the switch: until then the change is only in the form, and the collection shows no cog (step 4)", "Save changes")
	return nil
}

// beszelOffersProvider: a visitor's login page shows the provider's button,
// named by step 9's Display name.
func (w scenario) beszelOffersProvider() error {
	if err := w.FreshContext(); err != nil {
		return err
	}
	if err := w.loginPage(); err != nil {
		return err
	}
	display := w.gui().DisplayName()
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	if v, _ := login.Provider(display).IsVisible(); !v {
		return fmt.Errorf("Beszel's login page offers %q and no %q", login.Buttons(), display)
	}
	w.Note("Beszel's login page offers %q", login.Buttons())
	return nil
}
