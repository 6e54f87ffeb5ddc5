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
		`<div><span>Loading Nodes</span></div>`:                                 true, // Node-RED's editor
		`<div><span>Loading Nodes 2/37</span></div>`:                            true,
		// An indeterminate bar with no role nor word (MinIO's console).
		`<style>@keyframes s{from{left:0}to{left:200px}}</style><div style="position:relative;width:300px;height:4px">` +
			`<div style="position:absolute;width:100px;height:4px;background:#333;animation:s 1s infinite"></div></div><h1>Buckets</h1>`: true,
		// A CSS spinner.
		`<style>@keyframes r{to{transform:rotate(1turn)}}</style><div style="width:40px;height:40px;border:4px solid;animation:r 1s linear infinite"></div>`: true,
		// A blinking caret, and a bar that moved once: no loading.
		`<style>@keyframes b{50%{opacity:0}}</style><p>x<span style="display:inline-block;width:2px;height:16px;background:#000;animation:b 1s infinite"></span></p>`: false,
		`<style>@keyframes s{from{width:0}to{width:100px}}</style><div style="width:100px;height:4px;background:#333;animation:s 1s 1"></div>`:                        false,
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
