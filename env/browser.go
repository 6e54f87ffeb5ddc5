package env

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mxschmitt/playwright-go"
)

// Browser choice: Debian's Chromium when present (offline machines), or the
// browser of Playwright's own install (machines that can download it).
const (
	BrowserVar     = "GUIDEWALK_CHROMIUM" // path to a Chromium, or "playwright" for Playwright's own
	systemChromium = "/usr/bin/chromium"
	// Debian's chromium-headless-shell: the same engine without the browser's
	// UI and GPU process, what Playwright itself runs headless. On 2 cores it
	// takes about a third less CPU than chromium --headless.
	systemHeadlessShell = "/usr/lib/chromium/chromium-headless-shell"
)

// BrowserOptions tune the launch for humans watching (walkthrough mode).
type BrowserOptions struct {
	Headed bool
	SlowMo float64 // milliseconds between actions
}

// Browser is one Chromium for the run. Scenarios open their own contexts.
type Browser struct {
	PW         *playwright.Playwright
	Browser    playwright.Browser
	Executable string // the binary launched, or "playwright"
	home       string
}

// StartPlaywright starts the driver. A driver directory built by `make
// bootstrap` (npm playwright-core + the system node) is used as is; without
// one, playwright-go's own install fetches it when the machine is online.
func StartPlaywright() (*playwright.Playwright, error) {
	opts := &playwright.RunOptions{SkipInstallBrowsers: true, Verbose: false}
	if browserFor(false) == "playwright" {
		opts.SkipInstallBrowsers = false
		opts.Browsers = []string{"chromium"}
	}
	if err := playwright.Install(opts); err != nil {
		return nil, fmt.Errorf("the Playwright driver is not installed and could not be fetched (%v): run `make bootstrap`, "+
			"which builds it from npm playwright-core with the system node", err)
	}
	pw, err := playwright.Run(&playwright.RunOptions{Verbose: false})
	if err != nil {
		return nil, fmt.Errorf("start the Playwright driver: %w", err)
	}
	return pw, nil
}

// browserFor is the browser to launch: GUIDEWALK_CHROMIUM when set, else
// Debian's headless shell for headless runs, Debian's chromium, or
// Playwright's own.
func browserFor(headed bool) string {
	if v := os.Getenv(BrowserVar); v != "" {
		return v
	}
	if !headed {
		if _, err := os.Stat(systemHeadlessShell); err == nil {
			return systemHeadlessShell
		}
	}
	if _, err := os.Stat(systemChromium); err == nil {
		return systemChromium
	}
	return "playwright"
}

// LaunchBrowser starts Chromium so that the guide's hostnames lead to this
// run's Authelia and to the application instance app (nil: Authelia only),
// and the run's CA is trusted, through Chromium's own NSS store in a
// temporary HOME: certificate errors stay errors. Instances share the guide's
// hostname, so each has a browser of its own.
func (e *Environment) LaunchBrowser(pw *playwright.Playwright, app *App, o BrowserOptions) (*Browser, error) {
	home, err := os.MkdirTemp("", "guidewalk-"+e.RunID+"-home-")
	if err != nil {
		return nil, err
	}
	if err := trustCA(home, e.PKI.CertPEM); err != nil {
		os.RemoveAll(home)
		return nil, err
	}
	envv := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			envv[k] = v
		}
	}
	envv["HOME"] = home
	launch := playwright.BrowserTypeLaunchOptions{
		Headless: playwright.Bool(!o.Headed),
		Env:      envv,
		Args: []string{
			"--host-resolver-rules=" + e.ResolverRules(app),
			// MinIO's console closes each TLS connection after one request; over
			// HTTP/2 Chromium then fails bundles with ERR_CONNECTION_CLOSED.
			"--disable-http2",
			"--disable-quic",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--no-sandbox",
		},
	}
	if o.SlowMo > 0 {
		launch.SlowMo = playwright.Float(o.SlowMo)
	}
	if c := browserFor(o.Headed); c != "playwright" {
		launch.ExecutablePath = playwright.String(c)
	}
	b, err := pw.Chromium.Launch(launch)
	if err != nil {
		os.RemoveAll(home)
		return nil, fmt.Errorf("launch Chromium (%s): %w", browserFor(o.Headed), err)
	}
	return &Browser{PW: pw, Browser: b, Executable: browserFor(o.Headed), home: home}, nil
}

// ResolverRules maps each guide hostname to its published port (Authelia's
// and app's); every other name fails to resolve, so the browser talks to
// nothing else.
func (e *Environment) ResolverRules(app *App) string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var rules []string
	for name, addr := range e.HostPorts {
		host, port, _ := strings.Cut(name, ":")
		if port == "443" {
			rules = append(rules, "MAP "+host+" "+addr)
		}
	}
	if app != nil {
		if addr, ok := app.HostPorts[app.Addr(app.Spec.URLPort)]; ok {
			rules = append(rules, "MAP "+app.Host()+" "+addr)
		}
	}
	sort.Strings(rules)
	return strings.Join(append(rules, "MAP * ~NOTFOUND"), ", ")
}

// Close stops Chromium and removes its temporary HOME.
func (b *Browser) Close() {
	if b == nil {
		return
	}
	_ = b.Browser.Close()
	_ = os.RemoveAll(b.home)
}

// trustCA creates $HOME/.pki/nssdb with the run's CA as a trusted root.
func trustCA(home string, caPEM []byte) error {
	certutil, err := exec.LookPath("certutil")
	if err != nil {
		return fmt.Errorf("certutil not found: install libnss3-tools (`make bootstrap` does) so Chromium can trust the run's CA")
	}
	db := filepath.Join(home, ".pki", "nssdb")
	if err := os.MkdirAll(db, 0o700); err != nil {
		return err
	}
	ca := filepath.Join(home, "guidewalk-ca.crt")
	if err := os.WriteFile(ca, caPEM, 0o644); err != nil {
		return err
	}
	for _, args := range [][]string{
		{"-N", "-d", "sql:" + db, "--empty-password"},
		{"-A", "-d", "sql:" + db, "-n", "guidewalk test CA", "-t", "C,,", "-i", ca},
	} {
		if out, err := exec.Command(certutil, args...).CombinedOutput(); err != nil {
			return fmt.Errorf("certutil %s: %v: %s", args[0], err, out)
		}
	}
	return nil
}
