package pages

import (
	"time"

	"github.com/mxschmitt/playwright-go"
)

// drawnJS is true once the page shows something: a document whose body has
// text or an image, painted at least once.
const drawnJS = `() => new Promise(done => requestAnimationFrame(() => {
	const b = document.body;
	done(!!b && (b.innerText.trim().length > 0 || b.querySelector("img, svg, canvas, video") !== null));
}))`

// WaitDrawn waits, up to limit, until the page's current document has
// loaded and shows something: a page between two documents (the moment a
// redirect lands) is blank white. It returns whether the page is drawn.
func WaitDrawn(page playwright.Page, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	_ = page.WaitForLoadState(playwright.PageWaitForLoadStateOptions{State: playwright.LoadStateLoad, Timeout: playwright.Float(float64(limit.Milliseconds()))})
	for {
		v, err := page.Evaluate(drawnJS)
		if ok, _ := v.(bool); err == nil && ok {
			return true
		}
		left := time.Until(deadline)
		if left <= 0 {
			return false
		}
		// A navigation in flight destroys the context Evaluate ran in: wait
		// for the next document instead of polling the old one.
		if err != nil {
			_ = page.WaitForLoadState(playwright.PageWaitForLoadStateOptions{State: playwright.LoadStateLoad, Timeout: playwright.Float(float64(left.Milliseconds()))})
			continue
		}
		_, _ = page.WaitForFunction(`() => document.body && (document.body.innerText.trim().length > 0 || document.body.querySelector("img, svg, canvas, video") !== null)`, nil,
			playwright.PageWaitForFunctionOptions{Timeout: playwright.Float(float64(left.Milliseconds()))})
	}
}

// WaitPainted waits, up to limit, for what a page whose picture is still
// of one colour is doing: its network to go quiet (a single-page app
// loading its bundle), its document to show something, then a frame.
func WaitPainted(page playwright.Page, limit time.Duration) {
	deadline := time.Now().Add(limit)
	_ = page.WaitForLoadState(playwright.PageWaitForLoadStateOptions{State: playwright.LoadStateNetworkidle, Timeout: playwright.Float(float64(limit.Milliseconds()))})
	if left := time.Until(deadline); left > 0 {
		WaitDrawn(page, left)
	}
	_, _ = page.Evaluate(`() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))`)
}
