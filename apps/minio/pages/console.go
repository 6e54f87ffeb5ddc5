package pages

import (
	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// MinIOConsole is the logged-in console: its left hand menu, the banner at
// the top and the signed-in user.
type MinIOConsole struct {
	Page playwright.Page
}

func (c MinIOConsole) menu() playwright.Locator {
	return c.Page.Locator(".menuContainer").First()
}

// WaitRendered waits for the left hand menu.
func (c MinIOConsole) WaitRendered() error { return ui.Visible(c.menu()) }

// MenuEntries lists what the left hand menu shows.
func (c MinIOConsole) MenuEntries() []string {
	return ui.Texts(c.menu().Locator("button"))
}

// Go clicks the left hand menu entry whose text is name.
func (c MinIOConsole) Go(name string) error {
	entry := c.menu().GetByRole("button", playwright.LocatorGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
	if n, _ := entry.Count(); n == 0 {
		return &ui.NotFound{What: "left hand menu entry " + name, Offered: c.MenuEntries()}
	}
	if err := entry.First().Click(); err != nil {
		return err
	}
	return c.Settle()
}

// Settle waits until the screen has loaded what it shows: no spinner. The
// console draws its loader (the one class both generations give it) while
// a screen fetches its content.
func (c MinIOConsole) Settle() error {
	return c.Page.Locator(".min-loader").First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateHidden, Timeout: ui.TimeoutMs()})
}

// Button is a button of the page (not the menu) labelled name.
func (c MinIOConsole) Button(name string) playwright.Locator {
	return c.Page.GetByRole("button", playwright.PageGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
}

// ClickButton clicks the button labelled name, or says which buttons exist.
func (c MinIOConsole) ClickButton(name string) error {
	b := c.Button(name)
	if err := ui.Visible(b); err != nil {
		return &ui.NotFound{What: "button " + name, Offered: ui.Texts(c.Page.Locator("button"))}
	}
	return b.First().Click()
}

// RestartBanner is the offer of a server restart at the top.
func (c MinIOConsole) RestartBanner() playwright.Locator {
	return c.Page.GetByText("The instance needs to be restarted")
}

// Restart accepts the offer of a server restart.
func (c MinIOConsole) Restart() error {
	if err := ui.Visible(c.RestartBanner()); err != nil {
		return &ui.NotFound{What: "offer of a server restart", Offered: ui.Texts(c.Page.Locator("button"))}
	}
	return c.Page.Locator("#restart-server").Click()
}

// SignOut uses the menu's Sign Out entry.
func (c MinIOConsole) SignOut() error {
	if err := c.Go("Sign Out"); err != nil {
		return err
	}
	return MinIOLogin{Page: c.Page}.WaitRendered()
}

// ErrorMessage is the console's error snackbar.
func (c MinIOConsole) ErrorMessage() playwright.Locator {
	return c.Page.Locator("#root [class*=error i][class*=snackbar i], #root [role=alert], .MuiSnackbar-root, [class*=ErrorBlock]")
}

// Error returns the text of a shown error, or "".
func (c MinIOConsole) Error() string {
	if v, _ := c.ErrorMessage().First().IsVisible(); !v {
		return ""
	}
	return ui.FirstText(c.ErrorMessage())
}

// Rendered says whether the logged-in console is drawn now.
func (c MinIOConsole) Rendered() bool {
	v, _ := c.menu().IsVisible()
	return v
}

// WaitRenderedOr waits until either the console or the login screen is drawn.
func (c MinIOConsole) WaitRenderedOr(login MinIOLogin) error {
	return ui.Visible(c.menu().Or(login.anyForm()))
}

// Sign is what shows once the page after a sign-in is drawn: the console,
// or the login screen's message.
func (c MinIOConsole) Sign(login MinIOLogin) playwright.Locator { return c.menu().Or(login.messages()) }

// WaitRenderedOrMessage waits until the console is drawn or the login
// screen shows an error, whichever comes first.
func (c MinIOConsole) WaitRenderedOrMessage(login MinIOLogin) error {
	return ui.Visible(c.menu().Or(login.messages()))
}
