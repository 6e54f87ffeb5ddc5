package sftpgo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/apps/sftpgo/pages"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
)

// checkConfigured: started as the method says, SFTPGo's login pages offer
// to sign in with OpenID (the WebAdmin's only with a role field).
func (w scenario) checkConfigured() error {
	m := w.Method()
	ok, err := w.sftpgo().OffersOpenID(context.Background(), WebClient)
	if err != nil {
		return err
	}
	if !ok {
		_ = w.open() // the picture shows the login page as it is
		how := "its environment holding the guide's " + m.Block.Title + " variables"
		if m.Kind == guide.MethodFile {
			how = "the guide's block as its configuration file " + ConfigFile
		}
		saw := fmt.Sprintf("SFTPGo, started with %s, offers no sign-in with OpenID on its login pages", how)
		if hint := bindingHint(w.Guide(), m); hint != "" {
			saw += "; " + hint
		}
		line, says := m.Block.FirstWords()
		return &steps.GuideError{Where: w.Guide().Where(line), Says: says, Saw: saw}
	}
	w.Note("SFTPGo's WebClient login page offers to sign in with OpenID")

	return nil
}

// bindingHint: the guide's own variables say where SFTPGo keeps its OpenID
// Connect settings (per HTTP binding); a configuration file that puts them
// elsewhere is told so.
func bindingHint(g *guide.Guide, m guide.Method) string {
	if m.Kind != guide.MethodFile {
		return ""
	}
	for _, o := range g.Methods {
		for _, v := range o.Vars {
			if strings.HasPrefix(v.Name, "SFTPGO_HTTPD__BINDINGS__0__OIDC__") {
				return fmt.Sprintf("the guide's own variables (%s, %s) put these settings under httpd.bindings[0].oidc, the block under %q",
					v.Name, g.Where(v.Line), topKeys(m))
			}
		}
	}
	return ""
}

func topKeys(m guide.Method) string {
	var keys []string
	for _, v := range m.Vars {
		k, _, _ := strings.Cut(v.Name, ".")
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ", ")
}

// open: the login page a visitor meets at the Application Root URL.
func (w scenario) open() error {
	if err := (pages.LoginPage{Page: w.Page()}).Open(w.AppURL()); err != nil {
		return fmt.Errorf("SFTPGo's login page at %s: %w", w.AppURL(), err)
	}
	w.NotInGuideAt(w.Method().Block.Line, "SFTPGo's first run asks for an admin (/web/admin/setup): the run makes %s at start-up "+
		"(SFTPGO_DATA_PROVIDER__CREATE_DEFAULT_ADMIN with SFTPGO_DEFAULT_ADMIN_USERNAME and _PASSWORD)", RootAdmin)
	return nil
}

// hasRole: the user's Authelia groups make the guide's expression give the
// role.
func (w scenario) hasRole(user, role string) error {
	roles, err := guideRoles(w.Guide())
	if err != nil {
		return err
	}
	u, err := w.TestUser(user)
	if err != nil {
		return err
	}
	if got := roles.Of(u.Groups); got != role {
		return fmt.Errorf("the guide's expression (%s) gives the Authelia user %q in groups %v the role %q, not %q",
			w.Guide().Where(roles.Line), u.Name, u.Groups, got, role)
	}
	w.SetUser(user)
	w.Note("Authelia user %q has groups %v: the guide's %s expression (%s) gives %q", u.Name, u.Groups, roles.Attribute, w.Guide().Where(roles.Line), role)
	return nil
}

// hasAdmin and hasUser: SFTPGo lets in through OpenID Connect only an admin
// or user it already has, by the username claim. The guide does not say
// so; a reader makes one as SFTPGo's first admin.
func (w scenario) hasAdmin() error { return w.account("an admin", w.sftpgo().CreateAdmin) }

func (w scenario) hasUser() error { return w.account("a user", w.sftpgo().CreateUser) }

// account: what is "an admin" or "a user".
func (w scenario) account(what string, create func(context.Context, string) error) error {
	_, kind, _ := strings.Cut(what, " ")
	u, err := w.TestUser(w.User())
	if err != nil {
		return err
	}
	if err := create(context.Background(), u.Name); err != nil {
		return fmt.Errorf("making the SFTPGo %s %q: %w", kind, u.Name, err)
	}
	w.Note("made the SFTPGo %s %q", kind, u.Name)
	w.NotInGuideAt(w.Method().Block.Line, "SFTPGo lets in through OpenID Connect only %s it already has, named like the username claim: "+
		"the run makes one as SFTPGo's first admin (REST API; the WebAdmin's Add does the same)", what)
	return nil
}

// signInWithOpenID: the interface's login page, then its OpenID link, which
// leads to Authelia.
func (w scenario) signInWithOpenID(audience string) error {
	a := Audience(audience)
	page := pages.LoginPage{Page: w.Page()}
	url := w.sftpgo().App().At(a.LoginPath())
	if err := page.Open(url); err != nil {
		return fmt.Errorf("SFTPGo's %s login page at %s: %w", a, url, err)
	}
	if n, _ := page.OpenID().Count(); n == 0 {
		return fmt.Errorf("SFTPGo's %s login page offers no sign-in with OpenID", a)
	}
	w.Snap(string(a) + " login")
	if err := page.OpenID().First().Click(); err != nil {
		return err
	}
	// The step ends at Authelia's sign-in, not on SFTPGo's "Loading..." page.
	w.DrawnWhen(ui.AutheliaLogin{Page: w.Page()}.Sign())
	w.Note("clicked %q on the %s login page", "Sign in with OpenID", a)
	return nil
}

// inAs: back from Authelia, SFTPGo shows the interface's first screen.
func (w scenario) inAs(audience, user string) error {
	a := Audience(audience)
	home := pages.Home{Page: w.Page()}
	landing := home.ClientFiles()
	path := "/web/client/"
	if a == WebAdmin {
		landing, path = home.AdminUsers(), "/web/admin/"
	}
	refusal := pages.LoginPage{Page: w.Page()}.RoleError()
	if err := home.WaitLanding(landing); err != nil {
		return fmt.Errorf("after Authelia, SFTPGo does not show the %s (at %s): %w", a, w.Page().URL(), err)
	}
	if ui.Shows(refusal) {
		t, _ := refusal.First().InnerText()
		saw := fmt.Sprintf("SFTPGo does not let %q in to the %s: it says %q", user, a, strings.TrimSpace(t))
		if ge := w.missingRoleScope(saw); ge != nil {
			return ge
		}
		return fmt.Errorf("after Authelia, %s (at %s)", saw, w.Page().URL())
	}
	if !strings.Contains(w.Page().URL(), path) {
		return fmt.Errorf("after Authelia, SFTPGo is at %s, not in the %s", w.Page().URL(), a)
	}
	w.Note("in SFTPGo's %s at %s as %q", a, strings.SplitN(w.Page().URL(), "?", 2)[0], user)
	return nil
}

// missingRoleScope: when the method's scopes leave out the scope whose
// claims hold the role claim, the role never reaches SFTPGo: the method's
// scopes are the line to fix.
func (w scenario) missingRoleScope(saw string) error {
	g, m := w.Guide(), w.Method()
	field := roleField(g)
	scope, line := ClaimScope(g, field)
	if scope == "" {
		return nil
	}
	for _, v := range m.Vars {
		if !strings.HasSuffix(strings.ToLower(v.Name), "scopes") {
			continue
		}
		if slices.Contains(strings.FieldsFunc(v.Value, func(r rune) bool { return r == ',' || r == ' ' }), scope) {
			return nil
		}
		return &steps.GuideError{Where: g.Where(v.Line), Says: v.Name + "=" + v.Value,
			Saw: fmt.Sprintf("%s; the role claim %s comes with the scope %q (%s), which these scopes leave out", saw, field, scope, g.Where(line))}
	}
	return nil
}

// refused: SFTPGo sends the user back to the login page with its message.
func (w scenario) refused(audience string) error {
	a := Audience(audience)
	msg, err := (pages.LoginPage{Page: w.Page()}).WaitRoleError()
	if err != nil {
		return fmt.Errorf("after Authelia, SFTPGo's %s shows no message about the OpenID role (at %s): %w", a, w.Page().URL(), err)
	}
	if !strings.Contains(w.Page().URL(), "/"+a.LoginPath()) {
		return fmt.Errorf("SFTPGo says %q but is at %s, not the %s login page", msg, w.Page().URL(), a)
	}
	w.Note("SFTPGo's %s says %q", a, msg)
	return nil
}
