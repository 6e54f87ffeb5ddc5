// Package pages holds one page object per screen the guide passes through.
// Page objects know selectors and waits; they know nothing of Gherkin.
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

func ms(d time.Duration) *float64 { return playwright.Float(float64(d.Milliseconds())) }

// TimeoutMs is Timeout in Playwright's unit, for waits steps make themselves.
func TimeoutMs() *float64 { return ms(Timeout) }

// visible waits until l is visible.
func visible(l playwright.Locator) error {
	return l.First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateVisible, Timeout: ms(Timeout)})
}

// texts returns the trimmed, non-empty inner texts of l's matches.
func texts(l playwright.Locator) []string {
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
	return fmt.Sprintf("the page has no %s; it offers %s", e.What, quoteAll(e.Offered))
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// button is the button whose accessible name is name.
func button(p playwright.Page, name string) playwright.Locator {
	return p.GetByRole("button", playwright.PageGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
}

// heading is the heading whose accessible name is name.
func heading(p playwright.Page, name string) playwright.Locator {
	return p.GetByRole("heading", playwright.PageGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
}
