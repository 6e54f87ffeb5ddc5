package sftpgo

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	"github.com/mxschmitt/playwright-go"
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
		how := "its environment holding the guide's " + m.Block.Title + " variables"
		if m.Kind == guide.MethodFile {
			how = "the guide's block as its configuration file " + ConfigFile
		}
		saw := fmt.Sprintf("SFTPGo, started with %s, offers no sign-in with OpenID on its login pages", how)
		if hint := bindingHint(w.Guide(), m); hint != "" {
			saw += "; " + hint
		}
		return &steps.GuideError{Where: w.Guide().Where(m.Block.Line), Says: firstLine(m.Block.Text), Saw: saw}
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
	if err := (LoginPage{Page: w.Page()}).Open(w.AppURL()); err != nil {
		return fmt.Errorf("SFTPGo's login page at %s: %w", w.AppURL(), err)
	}
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
func (w scenario) hasAdmin() error { return w.account("admin", w.sftpgo().CreateAdmin) }

func (w scenario) hasUser() error { return w.account("user", w.sftpgo().CreateUser) }

func (w scenario) account(kind string, create func(context.Context, string) error) error {
	u, err := w.TestUser(w.User())
	if err != nil {
		return err
	}
	if err := create(context.Background(), u.Name); err != nil {
		return fmt.Errorf("making the SFTPGo %s %q: %w", kind, u.Name, err)
	}
	w.NotInGuideAt(w.Method().Block.Line, "SFTPGo lets in through OpenID Connect only an %s it already has, named like the username claim: "+
		"the run makes the SFTPGo %s %q as SFTPGo's first admin (REST API; the WebAdmin's Add does the same)", kind, kind, u.Name)
	return nil
}

// signInWithOpenID: the interface's login page, then its OpenID link, which
// leads to Authelia.
func (w scenario) signInWithOpenID(audience string) error {
	a := Audience(audience)
	page := LoginPage{Page: w.Page()}
	url := strings.TrimSuffix(w.AppURL(), "/") + "/" + a.LoginPath()
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
	w.Note("clicked %q on the %s login page", "Sign in with OpenID", a)
	return nil
}

// inAs: back from Authelia, SFTPGo shows the interface's first screen.
func (w scenario) inAs(audience, user string) error {
	a := Audience(audience)
	home := Home{Page: w.Page()}
	landing := home.ClientFiles()
	path := "/web/client/"
	if a == WebAdmin {
		landing, path = home.AdminUsers(), "/web/admin/"
	}
	if err := visible(landing); err != nil {
		msg := ""
		if t, e := (LoginPage{Page: w.Page()}).RoleError().First().InnerText(playwright.LocatorInnerTextOptions{Timeout: playwright.Float(500)}); e == nil {
			msg = fmt.Sprintf(" SFTPGo says %q", strings.TrimSpace(t))
		}
		return fmt.Errorf("after Authelia, SFTPGo does not show the %s (at %s).%s", a, w.Page().URL(), msg)
	}
	if !strings.Contains(w.Page().URL(), path) {
		return fmt.Errorf("after Authelia, SFTPGo is at %s, not in the %s", w.Page().URL(), a)
	}
	w.Note("in SFTPGo's %s at %s as %q", a, strings.SplitN(w.Page().URL(), "?", 2)[0], user)
	return nil
}

// refused: SFTPGo sends the user back to the login page with its message.
func (w scenario) refused(audience string) error {
	a := Audience(audience)
	msg, err := (LoginPage{Page: w.Page()}).WaitRoleError()
	if err != nil {
		return fmt.Errorf("after Authelia, SFTPGo's %s shows no message about the OpenID role (at %s): %w", a, w.Page().URL(), err)
	}
	if !strings.Contains(w.Page().URL(), "/"+a.LoginPath()) {
		return fmt.Errorf("SFTPGo says %q but is at %s, not the %s login page", msg, w.Page().URL(), a)
	}
	w.Note("SFTPGo's %s says %q", a, msg)
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
