package pages

import (
	"time"

	"github.com/mxschmitt/playwright-go"
)

// drawn is true once the document shows something: text or an image.
const drawn = `() => !!document.body && (document.body.innerText.trim().length > 0 || document.body.querySelector("img, svg, canvas, video") !== null)`

// msOf is d in Playwright's unit, at least 1 ms: 0 would mean no limit.
func msOf(d time.Duration) *float64 { return playwright.Float(float64(max(d.Milliseconds(), 1))) }

// WaitDrawn waits, up to limit, until the page's current document has
// loaded and shows something: a page between two documents (the moment a
// redirect lands) is blank white.
func WaitDrawn(page playwright.Page, limit time.Duration) {
	deadline := time.Now().Add(limit)
	for left := limit; left > 0; left = time.Until(deadline) {
		_ = page.WaitForLoadState(playwright.PageWaitForLoadStateOptions{State: playwright.LoadStateLoad, Timeout: msOf(left)})
		// A navigation meanwhile destroys the document the wait runs in:
		// then wait for the next one.
		if _, err := page.WaitForFunction(drawn, nil, playwright.PageWaitForFunctionOptions{Timeout: msOf(time.Until(deadline))}); err == nil {
			return
		}
	}
}

// WaitPainted waits, up to limit, for what a page whose picture is still
// of one colour is doing: its network to go quiet (a single-page app
// loading its bundle), its document to show something, then a frame.
func WaitPainted(page playwright.Page, limit time.Duration) {
	deadline := time.Now().Add(limit)
	_ = page.WaitForLoadState(playwright.PageWaitForLoadStateOptions{State: playwright.LoadStateNetworkidle, Timeout: msOf(limit)})
	WaitDrawn(page, time.Until(deadline))
	_, _ = page.Evaluate(`() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))`)
}
