package env

import "testing"

// GUIDEWALK_CHROMIUM wins; a headed run never gets the headless shell.
func TestBrowserFor(t *testing.T) {
	t.Setenv(BrowserVar, "")
	if got := browserFor(true); got == systemHeadlessShell {
		t.Errorf("headed run: %s, which cannot show a window", got)
	}
	t.Setenv(BrowserVar, "/opt/my-chromium")
	for _, headed := range []bool{false, true} {
		if got := browserFor(headed); got != "/opt/my-chromium" {
			t.Errorf("headed=%v with %s set: %s", headed, BrowserVar, got)
		}
	}
}
