package pages

import (
	"os"
	"testing"
	"time"

	"github.com/guidewalk/guidewalk/env"
	"github.com/mxschmitt/playwright-go"
)

// TestBusy: what counts as a page still loading, in a real Chromium (no
// network: the pages are set as content).
func TestBusy(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium")
	}
	pw, err := env.StartPlaywright()
	if err != nil {
		t.Skip(err)
	}
	defer pw.Stop()
	opts := playwright.BrowserTypeLaunchOptions{}
	if _, err := os.Stat("/usr/bin/chromium-headless-shell"); err == nil {
		opts.ExecutablePath = playwright.String("/usr/bin/chromium-headless-shell")
	}
	b, err := pw.Chromium.Launch(opts)
	if err != nil {
		t.Skip(err)
	}
	defer b.Close()
	page, err := b.NewPage()
	if err != nil {
		t.Fatal(err)
	}
	for html, want := range map[string]bool{
		`<div role="progressbar"></div><p>x</p>`:                                true, // a spinner
		`<div><span>Loading...</span></div>`:                                    true, // SFTPGo's word
		`<p>loading</p>`:                                                        true,
		`<div style="display:none"><span>Loading...</span></div><h1>Users</h1>`: false, // hidden
		`<div role="progressbar" aria-valuenow="40"></div>`:                     false, // a value: a bar, not a spinner
		`<p>Loading the file may take a while</p>`:                              false, // a sentence
		`<h1>Admin panel</h1>`:                                                  false,
	} {
		if err := page.SetContent(html); err != nil {
			t.Fatal(err)
		}
		if got := Busy(page); got != want {
			t.Errorf("%s: busy %v, want %v", html, got, want)
		}
	}
	// Idle waits for the indicator to go.
	if err := page.SetContent(`<p id="l">Loading...</p><script>setTimeout(() => document.getElementById("l").remove(), 300)</script>`); err != nil {
		t.Fatal(err)
	}
	if !Idle(page, 5*time.Second) || Busy(page) {
		t.Error("Idle did not wait for the indicator to go")
	}
	if err := page.SetContent(`<p>Loading...</p>`); err != nil {
		t.Fatal(err)
	}
	if Idle(page, 200*time.Millisecond) {
		t.Error("Idle says a page that keeps loading is idle")
	}
}
