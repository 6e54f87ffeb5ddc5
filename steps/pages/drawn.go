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

// busy is true while the page shows, visibly, that it is still loading
// instead of its screen: a spinner (a progress bar that says no value), an
// element whose whole text is its word for it ("Loading...", "Loading
// Nodes"), or an element drawn as a loading indicator without either: a
// bar or a small square that an endless animation moves (MinIO's bar under
// "Object Browser", a CSS spinner). A blinking caret is neither shape.
const busy = `() => {
	const shown = e => e.checkVisibility({opacityProperty: true, visibilityProperty: true});
	const word = /^\s*(Loading|Please wait)(\s+[\w/.%]+){0,2}\s*(\.\.\.|…)?\s*$/i;
	if ([...document.querySelectorAll('body *')].some(e =>
		(e.matches('[role=progressbar]:not([aria-valuenow])') || (e.children.length === 0 && word.test(e.textContent))) && shown(e))) {
		return true;
	}
	return document.getAnimations().some(a => {
		const t = a.effect && a.effect.target;
		if (!t || a.playState !== 'running' || a.effect.getTiming().iterations !== Infinity || !shown(t)) {
			return false;
		}
		const r = t.getBoundingClientRect();
		const bar = r.height > 0 && r.height <= 8 && r.width >= 24;
		const spinner = r.width >= 8 && r.width <= 64 && Math.abs(r.width - r.height) <= 4;
		return bar || spinner;
	});
}`

// Busy says whether the page shows a loading indicator now.
func Busy(page playwright.Page) bool {
	v, err := page.Evaluate(busy)
	b, _ := v.(bool)
	return err == nil && b
}

// Idle waits, up to limit, until the page shows no loading indicator and
// has shown none for a moment (an editor loads its nodes, then its flows,
// and may be between the two); it says whether it got there.
func Idle(page playwright.Page, limit time.Duration) bool {
	settled := `() => { const now = performance.now();
		if ((` + busy + `)()) { window.__guidewalkBusyAt = now; return false; }
		return now - (window.__guidewalkBusyAt || 0) > 500; }`
	// The moment counts from now: a page seen busy just before is not
	// idle until it has stayed so.
	_, _ = page.Evaluate(`() => { window.__guidewalkBusyAt = performance.now(); }`)
	_, err := page.WaitForFunction(settled, nil, playwright.PageWaitForFunctionOptions{Timeout: msOf(limit)})
	return err == nil
}
