// Package pages holds the page objects of Authelia's screens, which every
// guide passes through, and what every page object shares: its waits, the
// NotFound error, loading a page again after a network change. An
// application's own screens are in its folder (apps/<app>/pages). Page
// objects know selectors and waits; they know nothing of Gherkin.
package pages

import (
	"fmt"
	"strings"
	"time"

	"github.com/mxschmitt/playwright-go"
)

// Timeout for a screen to appear. Generous: MinIO's console loads a large
// bundle over connections it closes after each request.
var Timeout = 30 * time.Second

// TimeoutMs is Timeout in Playwright's unit, for waits of page objects and steps.
func TimeoutMs() *float64 { return playwright.Float(float64(Timeout.Milliseconds())) }

// The helpers below are for page objects, here and in an application's
// folder (apps/<app>/pages).

// Visible waits until l is visible.
func Visible(l playwright.Locator) error {
	return l.First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateVisible, Timeout: TimeoutMs()})
}

// Shows says whether l is on the screen now, without waiting.
func Shows(l playwright.Locator) bool {
	ok, err := l.First().IsVisible()
	return err == nil && ok
}

// Texts returns the trimmed, non-empty inner texts of l's matches.
func Texts(l playwright.Locator) []string {
	all, _ := l.AllInnerTexts()
	var out []string
	for _, t := range all {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// NotFound is returned when a screen lacks what was asked for; Offered says
// what it offers instead.
type NotFound struct {
	What    string
	Offered []string
}

func (e *NotFound) Error() string {
	if len(e.Offered) == 0 {
		return fmt.Sprintf("the page has no %s", e.What)
	}
	return fmt.Sprintf("the page has no %s; it offers %s", e.What, QuoteAll(e.Offered))
}

// QuoteAll quotes each of s, in brackets: ["a", "b"].
func QuoteAll(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// Button is the button whose accessible name is name.
func Button(p playwright.Page, name string) playwright.Locator {
	return p.GetByRole("button", playwright.PageGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
}

// Heading is the heading whose accessible name is name.
func Heading(p playwright.Page, name string) playwright.Locator {
	return p.GetByRole("heading", playwright.PageGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
}

// FirstText is the inner text of l's first match, "" when there is none.
func FirstText(l playwright.Locator) string {
	t, _ := l.First().InnerText()
	return t
}
