package steps

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// The steps that run a Shape: the same for every application declared as
// one, in the words of the guides of that shape.
func registerShapeSteps(w *World, sc *godog.ScenarioContext, s Shape) {
	sw := shapeWorld{w, s}
	sc.Step(`^"([^"]*)" is in the Authelia group the guide names as .+'s admin group$`, w.x1(sw.inAdminGroup(true)))
	sc.Step(`^"([^"]*)" is not in the Authelia group the guide names as .+'s admin group$`, w.x1(sw.inAdminGroup(false)))
	sc.Step(`^.+ shows a visitor who has not logged in no .+, only a button to log in$`, w.x0(sw.onlySignIn))
	sc.Step(`^I click .+'s button to (?:log|sign) in(?: with Authelia)?$`, w.x0(sw.startSignIn))
	sc.Step(`^I open .+'s page, which sends me to Authelia$`, w.x0(sw.startSignIn))
	sc.Step(`^I am logged in to .+ and see its .+$`, w.x0(func() error { return sw.loggedIn() }))
	sc.Step(`^I am logged in to .+ as "([^"]*)"$`, w.x1(func(user string) error {
		if user != w.user {
			return fmt.Errorf("this scenario signed in to Authelia as %q, not %q", w.user, user)
		}
		return sw.loggedIn()
	}))
	sc.Step(`^.+'s admin (?:area|panel) opens for me$`, w.x0(sw.adminPage(true)))
	sc.Step(`^.+'s admin (?:area|panel) does not open for me$`, w.x0(sw.adminPage(false)))
}

// shapeWorld is a scenario of an application declared as a Shape.
type shapeWorld struct {
	*World
	shape Shape
}

func shapeOf(w *World) shapeWorld { return shapeWorld{w, w.s.App.(*shapeApp).s} }

// signInPage is the page with the sign-in control, named as the method says.
func (sw shapeWorld) signInPage() (pages.SignInPage, error) {
	name, err := resolve(sw.target.Method, sw.shape.SignIn.Name)
	return pages.SignInPage{Page: sw.page, Role: sw.shape.SignIn.Role, Name: name}, err
}

// offersSignIn: the application, started as the method says, offers the
// sign-in at its start page; else it ignored the method.
func (sw shapeWorld) offersSignIn() error {
	if sw.shape.SignIn.Role == "" {
		return sw.sendsToAuthelia()
	}
	p, err := sw.signInPage()
	if err != nil {
		return err
	}
	at := sw.target.Instance.App().At(sw.shape.Start)
	// Drawn with the control, or without it: a heading, or what a
	// logged-in user sees (an application that ignored the method).
	drawn := sw.page.GetByRole("heading")
	if sign := sw.landing().Sign(); sign != nil {
		drawn = drawn.Or(sign)
	}
	if err := p.Open(at, drawn); err != nil {
		return fmt.Errorf("%s's page at %s: %w", sw.shape.Product, at, err)
	}
	if pages.Shows(p.Control()) {
		sw.note("%s offers %s %q at %s", sw.shape.Product, sw.shape.SignIn.Role, p.Name, at)
		return nil
	}
	m := sw.target.Method
	how := fmt.Sprintf("its environment holding the %d variables of the guide's %s block", len(m.Vars), blockTitle(m.Block))
	if m.Kind == guide.MethodFile {
		how = "the guide's block as " + sw.shape.File
	}
	line, says := m.Block.FirstWords()
	return &GuideError{Where: sw.World.s.Guide.Where(line), Says: says,
		Saw: fmt.Sprintf("%s, started with %s, shows no %s %q at %s; it offers %s", sw.shape.Product, how, sw.shape.SignIn.Role, p.Name, at, pages.QuoteAll(p.Offered()))}
}

// landing is the page a signed-in user lands on, with this scenario's user.
func (sw shapeWorld) landing() pages.Landing {
	l := pages.Landing{Page: sw.page, Heading: sw.shape.LoggedIn.Heading, Text: sw.shape.LoggedIn.Text,
		Role: sw.shape.LoggedIn.Control.Role, Name: sw.shape.LoggedIn.Control.Name}
	if u, err := sw.testUser(sw.user); err == nil {
		if sw.shape.LoggedIn.UserName {
			l.UserName = u.Name
		}
		if sw.shape.LoggedIn.Email {
			l.Email = u.Email
		}
		if sw.shape.LoggedIn.Claims {
			l.Contains = u.Email
		}
	}
	return l
}

// Landed is the sign that the page the user lands on after Authelia is
// drawn: the proof of the login, or the application's own heading (an
// error page).
func (a *shapeApp) Landed(w *World) playwright.Locator {
	h1 := w.page.GetByRole("heading", playwright.PageGetByRoleOptions{Level: playwright.Int(1)})
	if sign := shapeOf(w).landing().Sign(); sign != nil {
		return sign.Or(h1)
	}
	return h1
}

// onlySignIn: a visitor who has not logged in sees the sign-in control and
// nothing of what proves a login.
func (sw shapeWorld) onlySignIn() error {
	p, err := sw.signInPage()
	if err != nil {
		return err
	}
	if !pages.Shows(p.Control()) {
		return fmt.Errorf("%s shows a visitor who has not logged in no %s %q (at %s); it offers %s", sw.shape.Product, sw.shape.SignIn.Role, p.Name, sw.page.URL(), pages.QuoteAll(p.Offered()))
	}
	for what, l := range sw.landing().Signs() {
		if pages.Shows(l) {
			return fmt.Errorf("%s shows a visitor who has not logged in %s", sw.shape.Product, what)
		}
	}
	sw.note("a visitor sees %q and nothing a logged-in user sees", p.Name)
	return nil
}

// startSignIn presses the control; the step ends at Authelia's sign-in,
// and says which redirect_uri the application asked Authelia for.
func (sw shapeWorld) startSignIn() error {
	p, err := sw.signInPage()
	if err != nil {
		return err
	}
	start, did := p.Start, "clicked"
	if sw.shape.SignIn.Role == "" {
		p.Name, did = sw.target.Instance.App().At(sw.shape.Start), "opened"
		start = func() error { _, err := sw.page.Goto(p.Name); return err }
	}
	at := sw.page
	if sw.shape.Popup {
		// Authelia opens in a window of its own, which "I login as" uses.
		popup, err := sw.page.ExpectPopup(start, playwright.PageExpectPopupOptions{Timeout: pages.TimeoutMs()})
		if err != nil {
			return fmt.Errorf("%s %s's %q: no window opened for Authelia: %w", did, sw.shape.Product, p.Name, err)
		}
		sw.SetPopup(popup)
		at = popup
	} else if err := start(); err != nil {
		return fmt.Errorf("%s %s's %q: %w", did, sw.shape.Product, p.Name, err)
	}
	signIn := pages.AutheliaLogin{Page: at}
	if err := signIn.WaitRendered(); err != nil {
		return fmt.Errorf("after %q, Authelia's sign-in (at %s): %w", p.Name, at.URL(), err)
	}
	if at == sw.page {
		sw.DrawnWhen(signIn.Sign())
	} else {
		sw.SnapOf(at, "authelia in its window")
	}
	asked := sw.authorize.get()
	back := asked.Get("redirect_uri")
	if back == "" && asked.Get("request_uri") != "" {
		back = "the redirect_uri of its pushed request (" + asked.Get("request_uri") + ")"
	}
	sw.note("%s %q; %s asked Authelia to send the user back to %s", did, p.Name, sw.shape.Product, back)
	return nil
}

// loggedIn: back from Authelia, the page shows every sign of the proof.
func (sw shapeWorld) loggedIn() error {
	l := sw.landing()
	if l.Sign() == nil {
		return fmt.Errorf("%s's Shape says nothing that proves a login (LoggedIn)", sw.shape.Product)
	}
	if err := sw.awaitSign(l.Sign()); err != nil {
		return fmt.Errorf("after Authelia, %s shows no sign of a login (at %s; its headings %s): %w",
			sw.shape.Product, sw.page.URL(), pages.QuoteAll(pages.Texts(sw.page.GetByRole("heading"))), err)
	}
	// The page is there once it has stopped loading (an editor drawn
	// before its nodes are).
	pages.Idle(sw.page, pages.Timeout)
	// A first sign-in's dialog may come after the page: closed when it
	// shows, and again when it stands in the way of the avatar.
	if err := sw.dismissWelcome(false); err != nil {
		return err
	}
	if role := sw.shape.LoggedIn.Avatar; role != "" && len(l.UserName) >= 2 {
		avatar := sw.page.GetByRole(playwright.AriaRole(role), playwright.PageGetByRoleOptions{Name: pages.Named(l.UserName[:2])}).First()
		err := avatar.Click(playwright.LocatorClickOptions{Timeout: playwright.Float(3000)})
		if err != nil && sw.shape.LoggedIn.Welcome != nil {
			if err := sw.dismissWelcome(true); err != nil {
				return err
			}
			err = avatar.Click()
		}
		if err != nil {
			return fmt.Errorf("after Authelia, %s shows no %s %q (the initials of %q) to open the user's menu: %w", sw.shape.Product, role, l.UserName[:2], l.UserName, err)
		}
	}
	if sw.shape.LoggedIn.Claims {
		if err := sw.showsClaims(); err != nil {
			return err
		}
	}
	var shown []string
	for what, s := range l.Signs() {
		if !pages.Shows(s) {
			return fmt.Errorf("after Authelia, %s does not show %s (at %s)", sw.shape.Product, what, sw.page.URL())
		}
		shown = append(shown, what)
	}
	slices.Sort(shown)
	sw.note("%s shows %s to %q", sw.shape.Product, strings.Join(shown, " and "), sw.user)
	return nil
}

// inAdminGroup: the user is (or is not) in the group the method's setting
// names as the admin group.
func (sw shapeWorld) inAdminGroup(member bool) func(string) error {
	return func(user string) error {
		if sw.shape.Admin == nil {
			return fmt.Errorf("%s's Shape has no Admin: the suite does not know how its admin role shows", sw.shape.Product)
		}
		v, ok := Setting(sw.target.Method, sw.shape.Admin.Group)
		if !ok {
			return fmt.Errorf("the guide's %q (%s) sets no %s", sw.target.Label(), sw.World.s.Guide.Where(sw.target.Method.Line), sw.shape.Admin.Group)
		}
		u, err := sw.testUser(user)
		if err != nil {
			return err
		}
		if slices.Contains(u.Groups, v.Value) != member {
			return fmt.Errorf("the Authelia user %q is in the groups %q; the guide's %s (%s) is %q", u.Name, u.Groups, v.Name, sw.World.s.Guide.Where(v.Line), v.Value)
		}
		sw.user = user
		sw.note("the Authelia user %q has the groups %q; the guide's %s (%s) names %q", u.Name, u.Groups, v.Name, sw.World.s.Guide.Where(v.Line), v.Value)
		return nil
	}
}

// adminPage: the admin page opens for a member of the admin group, and
// for anyone else does not (the application shows something else).
func (sw shapeWorld) adminPage(opens bool) func() error {
	return func() error {
		if sw.shape.Admin == nil {
			return fmt.Errorf("%s's Shape has no Admin: the suite does not know how its admin role shows", sw.shape.Product)
		}
		a := pages.AdminPage{Page: sw.page, Heading: sw.shape.Admin.Heading}
		at := sw.target.Instance.App().At(sw.shape.Admin.Path)
		status, err := a.Open(at)
		if err != nil {
			return fmt.Errorf("%s's admin page at %s: %w", sw.shape.Product, at, err)
		}
		shows := pages.Shows(a.Title())
		switch {
		case shows && opens:
			sw.note("%s's admin page %s opens for %q: %q (HTTP %d)", sw.shape.Product, at, sw.user, sw.shape.Admin.Heading, status)
		case shows:
			return fmt.Errorf("%s's admin page %s opens for %q, who is not in the admin group", sw.shape.Product, at, sw.user)
		case opens:
			return fmt.Errorf("%s's admin page %s does not open for %q: HTTP %d, the page says %s", sw.shape.Product, at, sw.user, status, pages.QuoteAll(a.Headings()))
		default:
			sw.note("%s's admin page %s does not open for %q: HTTP %d, the page says %s", sw.shape.Product, at, sw.user, status, pages.QuoteAll(a.Headings()))
		}
		return nil
	}
}

// dismissWelcome closes the Shape's first sign-in dialog when it shows
// (waiting for it with wait).
func (sw shapeWorld) dismissWelcome(wait bool) error {
	w := sw.shape.LoggedIn.Welcome
	if w == nil {
		return nil
	}
	d := pages.Dialog{Page: sw.page, Heading: w.Heading, Role: w.Close.Role, Close: w.Close.Name}
	closed, err := d.Dismiss(wait)
	if err != nil {
		return fmt.Errorf("after Authelia, %s's dialog %q: %w", sw.shape.Product, w.Heading, err)
	}
	if closed {
		sw.note("closed %s's dialog %q, as a reader does at a first sign-in", sw.shape.Product, w.Heading)
	}
	return nil
}

// sendsToAuthelia: the application, started as the method says, sends a
// visitor of its start page to Authelia's sign-in; else it ignored the
// method (or Authelia refused what it asked, which the error says).
func (sw shapeWorld) sendsToAuthelia() error {
	at := sw.target.Instance.App().At(sw.shape.Start)
	signIn := pages.AutheliaLogin{Page: sw.page}
	_, err := sw.page.Goto(at)
	if err == nil {
		err = signIn.WaitRendered()
	}
	if err != nil {
		m := sw.target.Method
		line, says := m.Block.FirstWords()
		return &GuideError{Where: sw.World.s.Guide.Where(line), Says: says,
			Saw: fmt.Sprintf("%s, started with its environment holding the %d variables of the guide's %s block, does not send a visitor of %s to Authelia's sign-in (at %s): %v",
				sw.shape.Product, len(m.Vars), blockTitle(m.Block), at, sw.page.URL(), err)}
	}
	sw.DrawnWhen(signIn.Sign())
	sw.note("%s's page %s sends a visitor to Authelia's sign-in (%s)", sw.shape.Product, at, strings.SplitN(sw.page.URL(), "?", 2)[0])
	return nil
}

// showsClaims: the page shows, as JSON, the user's claims: their email,
// name and groups, as Authelia has them.
func (sw shapeWorld) showsClaims() error {
	u, err := sw.testUser(sw.user)
	if err != nil {
		return err
	}
	text, err := sw.page.Locator("body").InnerText()
	if err != nil {
		return err
	}
	claims, ok := claimsOf(text, u.Email)
	if !ok {
		return fmt.Errorf("after Authelia, %s's page (%s) shows no claims with the email %q: %.300q", sw.shape.Product, sw.page.URL(), u.Email, text)
	}
	if claims["name"] != u.DisplayName {
		return fmt.Errorf("after Authelia, %s's page shows the claims of %q with the name %v, not %q", sw.shape.Product, u.Email, claims["name"], u.DisplayName)
	}
	var groups []string
	if gs, ok := claims["groups"].([]any); ok {
		for _, g := range gs {
			groups = append(groups, fmt.Sprint(g))
		}
	}
	for _, g := range u.Groups {
		if !slices.Contains(groups, g) {
			return fmt.Errorf("after Authelia, %s's page shows the claims of %q with the groups %q, without %q", sw.shape.Product, u.Email, groups, g)
		}
	}
	sw.note("%s's page shows the claims of %q: name %q, email %q, groups %q", sw.shape.Product, sw.user, claims["name"], u.Email, groups)
	return nil
}

// awaitSign waits for the sign of a login, and no longer once Authelia has
// sent its refusal back to the application: that is the answer.
func (sw shapeWorld) awaitSign(sign playwright.Locator) error {
	deadline := time.Now().Add(pages.Timeout)
	for {
		err := sign.First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateVisible, Timeout: playwright.Float(500)})
		if err == nil {
			return nil
		}
		sw.authorize.mu.Lock()
		refused := sw.authorize.refused
		sw.authorize.mu.Unlock()
		if refused != nil || time.Now().After(deadline) {
			return err
		}
	}
}

// claimsOf finds, in a page's text, the JSON object that holds the claims
// of the user whose email is email (a userinfo or an ID token's claims).
func claimsOf(text, email string) (map[string]any, bool) {
	i, j := strings.Index(text, "{"), strings.LastIndex(text, "}")
	if i < 0 || j < i {
		return nil, false
	}
	var doc any
	if json.Unmarshal([]byte(text[i:j+1]), &doc) != nil {
		return nil, false
	}
	var found map[string]any
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["email"] == email && found == nil {
				found = v
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(doc)
	return found, found != nil
}
