// Package env stands up the guide's world: Authelia and any number of
// instances of the guide's application in containers on a private network,
// reached by the guide's own hostnames over TLS that is verified with a CA
// made for the run.
package env

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	dc "github.com/ory/dockertest/v3/docker"

	"github.com/ory/dockertest/v3"
)

// The default Authelia is the version the guide was tested with; the
// variable overrides it.
const (
	AutheliaImageVar = "GUIDEWALK_AUTHELIA_IMAGE"
	autheliaPort     = "443"
)

// AutheliaImage is the official image of an Authelia version as the guide's
// Tested Versions write it ("v4.39.20" -> "authelia/authelia:4.39.20").
func AutheliaImage(version string) string {
	return "authelia/authelia:" + strings.TrimPrefix(strings.TrimSpace(version), "v")
}

// Config is what a run needs to know; the suite fills it from the guide.
type Config struct {
	AutheliaURL   *url.URL // the guide's Authelia Root URL
	ClientYAML    string   // the guide's Authelia YAML block
	Users         []User
	AutheliaImage string    // the image to run (the suite derives it from the guide)
	Apps          []AppSpec // the application instances, one per configuration method
	Log           *Logger
	ReadyTimeout  time.Duration // default 90s
}

// Environment is a running world. Stop removes all of it.
type Environment struct {
	RunID           string
	AutheliaURL     *url.URL
	AutheliaImage   string
	AutheliaVersion string // what the running Authelia says it is
	Apps            []*App
	Secrets         *Secrets
	Users           []User
	PKI             *PKI
	Dir             string            // temp dir holding configs and certs
	HostPorts       map[string]string // Authelia's "host:port" -> "127.0.0.1:port"
	Phases          map[string]time.Duration
	Log             *Logger
	AutheliaYAML    []byte // configuration.yml as given to Authelia (holds secrets: never print)

	pool         *dockertest.Pool
	network      *dockertest.Network
	authelia     *container
	readyTimeout time.Duration
	stopOnce     sync.Once
	mu           sync.Mutex
}

// Start brings the world up and returns once Authelia and every application
// instance are healthy. On failure nothing is left behind.
func Start(ctx context.Context, cfg Config) (*Environment, error) {
	if cfg.Log == nil {
		cfg.Log = NewLogger(nil)
	}
	if v := os.Getenv(AutheliaImageVar); v != "" {
		cfg.AutheliaImage = v
	}
	if cfg.AutheliaImage == "" {
		return nil, errors.New("env: no Authelia image: the guide's Tested Versions name none and " + AutheliaImageVar + " is unset")
	}
	if cfg.ReadyTimeout == 0 {
		cfg.ReadyTimeout = 90 * time.Second
	}
	if cfg.AutheliaURL == nil {
		return nil, errors.New("env: the Authelia root URL is required")
	}
	e := &Environment{
		RunID:         strconv.FormatInt(time.Now().UnixNano()%1e10, 36),
		AutheliaURL:   cfg.AutheliaURL,
		AutheliaImage: cfg.AutheliaImage,
		Users:         cfg.Users,
		HostPorts:     map[string]string{},
		Phases:        map[string]time.Duration{},
		Log:           cfg.Log,
		readyTimeout:  cfg.ReadyTimeout,
	}
	var early, late []stepFunc
	err := e.steps(ctx,
		e.phase("docker", e.connect),
		e.phase("images", func(context.Context) error { return e.images(cfg) }),
		e.phase("pki", e.makePKI),
		e.phase("config", func(context.Context) error { return e.writeConfigs(cfg) }),
		e.phase("network", e.createNetwork),
		func(context.Context) error {
			for _, s := range cfg.Apps {
				a, err := e.prepareApp(s)
				if err != nil {
					return err
				}
				e.Apps = append(e.Apps, a)
				start := e.phase("app "+s.Name, func(ctx context.Context) error { return e.startApp(ctx, a) })
				if s.AfterAuthelia {
					late = append(late, start)
				} else {
					early = append(early, start)
				}
			}
			return nil
		},
		// Applications that read Authelia's discovery document at start-up
		// start once it is healthy; the others start beside it. The users'
		// TOTP devices are registered while those applications start.
		func(ctx context.Context) error {
			return e.parallel(append(early,
				e.sequence(e.phase("authelia", func(ctx context.Context) error { return e.startAuthelia(ctx, cfg) }),
					e.parallel(append(late, e.phase("totp", e.seedTOTP), e.phase("validate-config", e.validateAuthelia))...)))...)(ctx)
		},
		e.phase("network-settled", e.waitNetworkSettled),
	)
	if err != nil {
		e.Stop()
		return nil, err
	}
	var names []string
	for _, a := range e.Apps {
		names = append(names, a.Spec.Name)
	}
	e.Log.Printf("environment %s ready: %s and %s at %s", e.RunID, e.AutheliaURL, strings.Join(names, ", "), e.appURLs())
	return e, nil
}

func (e *Environment) appURLs() string {
	seen := map[string]bool{}
	var out []string
	for _, a := range e.Apps {
		if u := a.URL.String(); !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return strings.Join(out, ", ")
}

// App returns the instance named name.
func (e *Environment) App(name string) (*App, error) {
	var names []string
	for _, a := range e.Apps {
		if a.Spec.Name == name {
			return a, nil
		}
		names = append(names, a.Spec.Name)
	}
	return nil, fmt.Errorf("the run has no application instance %q; it has %q", name, names)
}

type stepFunc func(context.Context) error

func (e *Environment) steps(ctx context.Context, fs ...stepFunc) error {
	for _, f := range fs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := f(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (e *Environment) sequence(fs ...stepFunc) stepFunc {
	return func(ctx context.Context) error { return e.steps(ctx, fs...) }
}

func (e *Environment) phase(name string, f stepFunc) stepFunc {
	return func(ctx context.Context) error {
		t := time.Now()
		err := f(ctx)
		e.mu.Lock()
		e.Phases[name] = time.Since(t)
		e.mu.Unlock()
		return err
	}
}

func (e *Environment) parallel(fs ...stepFunc) stepFunc {
	return func(ctx context.Context) error {
		errs := make([]error, len(fs))
		var wg sync.WaitGroup
		for i, f := range fs {
			wg.Add(1)
			go func() { defer wg.Done(); errs[i] = f(ctx) }()
		}
		wg.Wait()
		return errors.Join(errs...)
	}
}

func (e *Environment) connect(context.Context) error {
	pool, err := connect()
	if err != nil {
		return err
	}
	e.pool = pool
	return removeLeftovers(pool, e.Log)
}

func (e *Environment) images(cfg Config) error {
	errs := []error{ensureImage(e.pool, cfg.AutheliaImage, AutheliaImageVar, e.Log)}
	seen := map[string]bool{cfg.AutheliaImage: true}
	for _, s := range cfg.Apps {
		if !seen[s.Image] {
			seen[s.Image] = true
			errs = append(errs, ensureImage(e.pool, s.Image, s.ImageVar, e.Log))
		}
		for _, d := range s.Needs {
			if !seen[d.Image] {
				seen[d.Image] = true
				errs = append(errs, ensureImage(e.pool, d.Image, d.ImageVar, e.Log))
			}
		}
	}
	return errors.Join(errs...)
}

func (e *Environment) makePKI(context.Context) error {
	dir, err := os.MkdirTemp("", "guidewalk-"+e.RunID+"-")
	if err != nil {
		return err
	}
	e.Dir = dir
	if e.PKI, err = NewPKI(e.RunID); err != nil {
		return err
	}
	auth, err := e.PKI.Issue(e.AutheliaURL.Hostname())
	if err != nil {
		return err
	}
	if err := auth.Write(filepath.Join(dir, "authelia", "tls"), "tls.crt", "tls.key"); err != nil {
		return err
	}
	return nil
}

func (e *Environment) writeConfigs(cfg Config) error {
	var err error
	if e.Secrets, err = NewSecrets(); err != nil {
		return err
	}
	e.Log.Hide(e.Secrets.HMAC, e.Secrets.Session, e.Secrets.Storage, e.Secrets.JWT)
	for i := range e.Users {
		if e.Users[i].Password == "" {
			e.Users[i].Password = NewPassword()
		}
		if e.Users[i].TOTPSecret == "" {
			e.Users[i].TOTPSecret = NewTOTPSecret()
		}
		e.Log.Hide(e.Users[i].Password, e.Users[i].TOTPSecret)
	}
	e.AutheliaYAML, err = AutheliaConfig{AutheliaURL: e.AutheliaURL, ClientYAML: cfg.ClientYAML, Secrets: e.Secrets}.Render()
	if err != nil {
		return err
	}
	users, err := UsersFile(e.Users)
	if err != nil {
		return err
	}
	dir := filepath.Join(e.Dir, "authelia")
	if err := os.WriteFile(filepath.Join(dir, "configuration.yml"), e.AutheliaYAML, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "users.yml"), users, 0o644)
}

func (e *Environment) labels() map[string]string {
	return map[string]string{labelSuite: "1", labelRun: e.RunID, labelOwner: owner()}
}

func (e *Environment) createNetwork(context.Context) error {
	n, err := e.pool.CreateNetwork("guidewalk-"+e.RunID, func(o *dc.CreateNetworkOptions) {
		o.Labels = e.labels()
		o.Driver = "bridge"
	})
	if err != nil {
		return fmt.Errorf("create the run's network: %w", err)
	}
	e.network = n
	return nil
}

// startAuthelia starts Authelia. When it does not come up, its own
// validate-config, run in a container of its own, says why: its words say
// more than a container that exits.
func (e *Environment) startAuthelia(ctx context.Context, cfg Config) error {
	bind := []string{filepath.Join(e.Dir, "authelia") + ":" + autheliaConfigDir}
	started := e.runAuthelia(ctx, cfg, bind)
	if started == nil {
		return nil
	}
	check := &container{
		Name: "guidewalk-" + e.RunID + "-authelia-validate", Image: cfg.AutheliaImage,
		Entry: []string{"authelia"}, Cmd: []string{"validate-config", "--config", autheliaConfigFile},
		Binds: bind, Labels: e.labels(), Network: e.network,
	}
	code, out, err := runToExit(ctx, e.pool, check)
	if err != nil {
		return errors.Join(started, fmt.Errorf("authelia validate-config: %w", err))
	}
	if err := e.judgeValidation(code, out); err != nil {
		return err
	}
	return started
}

// validateAuthelia runs validate-config inside the running Authelia, beside
// the rest of the set-up: a configuration Authelia loads "with errors" is a
// rejection even though the command exits 0, and warnings are said.
func (e *Environment) validateAuthelia(context.Context) error {
	var out strings.Builder
	code, err := e.authelia.Resource.Exec([]string{"authelia", "validate-config", "--config", autheliaConfigFile},
		dockertest.ExecOptions{StdOut: &out, StdErr: &out})
	if err != nil {
		return fmt.Errorf("authelia validate-config: %w", err)
	}
	return e.judgeValidation(code, out.String())
}

func (e *Environment) judgeValidation(code int, out string) error {
	// validate-config exits 0 even when it lists errors: read what it says.
	if code != 0 || !strings.Contains(out, "Configuration parsed and loaded") || strings.Contains(out, "loaded with errors") {
		return fmt.Errorf("Authelia rejects the configuration made of the guide's client block and the suite's provider parts (validate-config exit %d):\n%s",
			code, indent(e.Log.Redact(out)))
	}
	if strings.Contains(out, "with warnings") {
		e.Log.Printf("authelia validate-config: %s", strings.Join(strings.Fields(out), " "))
	}
	return nil
}

func (e *Environment) runAuthelia(ctx context.Context, cfg Config, bind []string) error {
	e.authelia = &container{
		Name: "guidewalk-" + e.RunID + "-authelia", Alias: e.AutheliaURL.Hostname(), Image: cfg.AutheliaImage,
		Entry: []string{"authelia"}, Cmd: []string{"--config", autheliaConfigFile},
		Binds: bind, Ports: []string{autheliaPort}, Labels: e.labels(), Network: e.network,
	}
	if err := run(e.pool, e.authelia); err != nil {
		return err
	}
	p, err := hostPort(e.pool, e.authelia, autheliaPort)
	if err != nil {
		return err
	}
	e.mu.Lock()
	e.HostPorts[hostport(e.AutheliaURL)] = "127.0.0.1:" + p
	e.mu.Unlock()
	e.Log.Printf("authelia: started, waiting for %s/api/health", trimSlash(e.AutheliaURL.String()))
	if err := e.waitHealthy(ctx, e.authelia, cfg.ReadyTimeout, e.autheliaReady); err != nil {
		return err
	}
	e.AutheliaVersion = e.execVersion(e.authelia, []string{"authelia", "--version"})
	return nil
}

func (e *Environment) seedTOTP(ctx context.Context) error {
	for _, u := range e.Users {
		var out strings.Builder
		code, err := e.authelia.Resource.Exec([]string{"authelia", "storage", "user", "totp", "generate", u.Name,
			"--secret", u.TOTPSecret, "--force", "--config", autheliaConfigFile}, dockertest.ExecOptions{StdOut: &out, StdErr: &out})
		if err != nil || code != 0 {
			return fmt.Errorf("register a TOTP device for %s with Authelia's CLI (exit %d, %v):\n%s", u.Name, code, err, indent(e.Log.Redact(out.String())))
		}
	}
	return nil
}

// Stop removes the containers, the network and the temp dir. Safe to call
// more than once and from a signal handler.
func (e *Environment) Stop() {
	e.stopOnce.Do(func() {
		t := time.Now()
		if e.pool != nil {
			var wg sync.WaitGroup
			for _, c := range e.containers() {
				if c == nil || c.Resource == nil {
					continue
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := e.pool.Client.RemoveContainer(dc.RemoveContainerOptions{ID: c.Resource.Container.ID, Force: true, RemoveVolumes: true}); err != nil {
						e.Log.Printf("teardown: remove %s: %v", c.Name, err)
					}
				}()
			}
			wg.Wait()
			for _, a := range e.Apps {
				a.proxy.Close()
			}
			if e.network != nil {
				if err := e.pool.Client.RemoveNetwork(e.network.Network.ID); err != nil {
					e.Log.Printf("teardown: remove network: %v", err)
				}
			}
		}
		if e.Dir != "" {
			_ = os.RemoveAll(e.Dir)
		}
		e.mu.Lock()
		e.Phases["teardown"] = time.Since(t)
		e.mu.Unlock()
		e.Log.Printf("environment %s removed in %.1fs", e.RunID, time.Since(t).Seconds())
	})
}

func (e *Environment) containers() []*container {
	out := []*container{e.authelia}
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, a := range e.Apps {
		out = append(out, a.services...)
		out = append(out, a.c)
	}
	return out
}

// shortName is the container's name without the run's prefix ("authelia", "web-gui").
func (e *Environment) shortName(c *container) string {
	return strings.TrimPrefix(c.Name, "guidewalk-"+e.RunID+"-")
}

// ContainerLogs returns the last lines of each container's log, secrets masked.
func (e *Environment) ContainerLogs(tail int) map[string]string {
	out := map[string]string{}
	for _, c := range e.containers() {
		if c != nil && c.Resource != nil && e.pool != nil {
			out[e.shortName(c)] = e.Log.Redact(logs(e.pool, c.Resource.Container.ID, strconv.Itoa(tail)))
		}
	}
	return out
}

// Down says which product's container stopped during the run, with its exit
// code and last log lines; nil while both run.
func (e *Environment) Down() error {
	for _, c := range e.containers() {
		if c == nil || c.Resource == nil {
			continue
		}
		if up, code := running(e.pool, c.Resource.Container.ID); !up {
			return fmt.Errorf("%s (%s) stopped during the run (exit code %d); its last log lines:\n%s",
				e.shortName(c)+" at "+c.Alias, c.Image, code, indent(e.Log.Redact(logs(e.pool, c.Resource.Container.ID, "20"))))
		}
	}
	return nil
}

// User returns the test user of that name.
func (e *Environment) User(name string) (User, bool) {
	for _, u := range e.Users {
		if u.Name == name {
			return u, true
		}
	}
	return User{}, false
}

func hostport(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "http" {
		return u.Hostname() + ":80"
	}
	return u.Hostname() + ":443"
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

func trimSlash(s string) string { return strings.TrimSuffix(s, "/") }
