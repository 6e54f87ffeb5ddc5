package pages

import (
	"regexp"

	"github.com/mxschmitt/playwright-go"
)

// The screens of an application of the common shape (steps.Shape), found
// by what the application's Shape names: its sign-in control, what proves a
// login, its admin page's heading.

// SignInPage is the page where a visitor starts the sign-in with Authelia.
type SignInPage struct {
	Page       playwright.Page
	Role, Name string // the control that starts it
}

// Control is the control that starts the sign-in.
func (s SignInPage) Control() playwright.Locator {
	return s.Page.GetByRole(playwright.AriaRole(s.Role), playwright.PageGetByRoleOptions{Name: Named(s.Name)})
}

// iconGlyph is a character of the Unicode private use area, where icon
// fonts draw their glyphs (Font Awesome's "fa-openid" before a label): the
// accessible name holds it, a reader does not see it as a word. The
// characters stand as themselves so that Go and JavaScript read one class.
const iconGlyph = "[\\s\ue000-\uf8ff]*"

// Named matches an accessible name that is name exactly, whatever icon
// glyphs stand around it.
func Named(name string) *regexp.Regexp {
	return regexp.MustCompile("^" + iconGlyph + regexp.QuoteMeta(name) + iconGlyph + "$")
}

// Open loads the page and waits until it shows the control, or else
// something: a page without it is drawn too, and says what it offers.
func (s SignInPage) Open(url string, or playwright.Locator) error {
	return Goto(s.Page, url, s.Control().Or(or))
}

// Offered is what the page offers instead: its links and buttons.
func (s SignInPage) Offered() []string {
	return append(Texts(s.Page.GetByRole("button")), Texts(s.Page.GetByRole("link"))...)
}

// Start presses the control.
func (s SignInPage) Start() error { return s.Control().First().Click() }

// Landing is the page a signed-in user lands on, with what proves who
// is signed in: their name, a heading, a text.
type Landing struct {
	Page                    playwright.Page
	UserName, Heading, Text string // "" for what the proof does not use
	Email                   string // as a text, or in an element's title (a tooltip)
	Contains                string // in a text (a page of JSON)
	Role, Name              string // a control ("" for none)
}

// Signs are the proof's elements, each on its own.
func (l Landing) Signs() map[string]playwright.Locator {
	out := map[string]playwright.Locator{}
	// A text may stand in a closed menu too: the one on the screen counts.
	shown := playwright.LocatorFilterOptions{Visible: playwright.Bool(true)}
	if l.UserName != "" {
		out["the user's name "+l.UserName] = l.Page.GetByText(l.UserName, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)}).Filter(shown)
	}
	if l.Email != "" {
		out["the user's email "+l.Email] = l.Page.GetByText(l.Email, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)}).
			Or(l.Page.GetByTitle(l.Email)).Filter(shown)
	}
	if l.Contains != "" {
		out["a text holding "+l.Contains] = l.Page.GetByText(l.Contains).Filter(shown)
	}
	if l.Heading != "" {
		out["the heading "+l.Heading] = Heading(l.Page, l.Heading)
	}
	if l.Name != "" {
		out["the "+l.Role+" "+l.Name] = l.Page.GetByRole(playwright.AriaRole(l.Role), playwright.PageGetByRoleOptions{Name: Named(l.Name)}).Filter(shown)
	}
	if l.Text != "" {
		out["the text "+l.Text] = l.Page.GetByText(l.Text, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)}).Filter(shown)
	}
	return out
}

// Sign is any one of them: the page is drawn when it shows.
func (l Landing) Sign() playwright.Locator {
	var sign playwright.Locator
	for _, s := range l.Signs() {
		if sign == nil {
			sign = s
		} else {
			sign = sign.Or(s)
		}
	}
	return sign
}

// AdminPage is the application's admin page, found by its heading.
type AdminPage struct {
	Page    playwright.Page
	Heading string
}

// Open loads the page and waits until it shows its heading or another
// page's first heading (an error page). It returns the HTTP status.
func (a AdminPage) Open(url string) (int, error) {
	resp, err := a.Page.Goto(url)
	if err != nil {
		return 0, err
	}
	if err := Visible(a.Title().Or(a.Page.GetByRole("heading", playwright.PageGetByRoleOptions{Level: playwright.Int(1)}))); err != nil {
		return resp.Status(), err
	}
	return resp.Status(), nil
}

// Title is the admin page's heading.
func (a AdminPage) Title() playwright.Locator { return Heading(a.Page, a.Heading) }

// Headings are what the page says instead, in its headings.
func (a AdminPage) Headings() []string { return Texts(a.Page.GetByRole("heading")) }

// Dialog is a dialog over the page, found by its heading's beginning, with
// the control inside it that closes it.
type Dialog struct {
	Page        playwright.Page
	Heading     string
	Role, Close string
}

// Dismiss closes the dialog when it shows (with wait, once it shows); it
// says whether it did.
func (d Dialog) Dismiss(wait bool) (bool, error) {
	heading := d.Page.GetByRole("heading", playwright.PageGetByRoleOptions{Name: regexp.MustCompile("^" + regexp.QuoteMeta(d.Heading))})
	if wait {
		if err := Visible(heading); err != nil {
			return false, err
		}
	} else if !Shows(heading) {
		return false, nil
	}
	// The innermost element holding both the heading and the control.
	box := d.Page.Locator("*").Filter(playwright.LocatorFilterOptions{Has: heading}).
		Filter(playwright.LocatorFilterOptions{Has: d.Page.GetByRole(playwright.AriaRole(d.Role), playwright.PageGetByRoleOptions{Name: Named(d.Close)})}).Last()
	if err := box.GetByRole(playwright.AriaRole(d.Role), playwright.LocatorGetByRoleOptions{Name: Named(d.Close)}).First().Click(); err != nil {
		return false, err
	}
	return true, heading.WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateHidden, Timeout: TimeoutMs()})
}
