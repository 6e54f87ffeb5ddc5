package pages

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mxschmitt/playwright-go"
)

// Chromium aborts requests in flight with ERR_NETWORK_CHANGED when the host
// gains or loses an interface, which Docker does whenever a network or
// container comes or goes. That is the machine, not the product: a page
// hit by it is loaded again, a bounded number of times.

var netChanges sync.Map // playwright.Page -> *atomic.Int64

// Watch counts the requests of page that Chromium aborted for a network change.
func Watch(page playwright.Page) {
	n := &atomic.Int64{}
	netChanges.Store(page, n)
	page.OnRequestFailed(func(r playwright.Request) {
		if f := r.Failure(); f != nil && strings.Contains(f.Error(), "ERR_NETWORK_CHANGED") {
			n.Add(1)
		}
	})
}

func changes(page playwright.Page) int64 {
	if v, ok := netChanges.Load(page); ok {
		return v.(*atomic.Int64).Load()
	}
	return 0
}

// Goto navigates to url and waits for rendered to show, loading the page
// again when a network change aborted part of it.
func Goto(page playwright.Page, url string, rendered playwright.Locator) error {
	return gotoRendered(page, url, rendered)
}

// gotoRendered navigates to url and waits for rendered to show; when a
// network change aborted part of the page meanwhile, it loads it again.
func gotoRendered(page playwright.Page, url string, rendered playwright.Locator) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		before := changes(page)
		if _, err = page.Goto(url); err != nil {
			if changes(page) == before && !abortedByNetworkChange(err) {
				return err
			}
			// Chromium may be reloading the page itself: let that end first.
			_ = page.WaitForLoadState(playwright.PageWaitForLoadStateOptions{State: playwright.LoadStateLoad, Timeout: TimeoutMs()})
			if rendered.First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateVisible, Timeout: playwright.Float(500)}) == nil {
				return nil
			}
			continue
		}
		deadline := time.Now().Add(Timeout)
		for time.Now().Before(deadline) && changes(page) == before {
			if err = rendered.First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateVisible, Timeout: playwright.Float(500)}); err == nil {
				return nil
			}
		}
		if changes(page) == before {
			return err
		}
	}
	return err
}

// abortedByNetworkChange recognises how Goto fails when Chromium aborts the
// main document for a network change: the error itself, its error page, or
// Chromium's own reload of the page interrupting the navigation.
func abortedByNetworkChange(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "ERR_NETWORK_CHANGED") ||
		strings.Contains(msg, "chrome-error://chromewebdata") ||
		strings.Contains(msg, "is interrupted by another navigation")
}
