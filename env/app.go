package env

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ory/dockertest/v3"
)

// AppSpec is how to run one instance of the guide's application: a recipe
// the guide's own package writes from what a configuration method says.
// Env knows nothing of any particular application.
type AppSpec struct {
	Name     string   // unique in the run, e.g. "web-gui": names the container
	URL      *url.URL // the guide's Application Root URL: the browser's way in
	Image    string
	ImageVar string // the variable that overrides Image, for error messages
	Entry    []string
	Cmd      []string
	Env      []string
	// Ports the container listens on; URLPort serves URL (default "443").
	Ports   []string
	URLPort string
	TLS     TLSFiles
	// AfterAuthelia: the application reads Authelia's discovery document
	// when it starts, so it starts once Authelia is healthy.
	AfterAuthelia bool
	// Ready says whether the instance really answers; it may use App.Get.
	Ready func(ctx context.Context, a *App) error
	// Version is the command, run inside the container, that prints the
	// application's version; VersionLabel, for an application with no such
	// command, the image label that says it.
	Version      []string
	VersionLabel string
	// Files are written for the instance before it starts and mounted
	// read-only: path inside the container -> content (a configuration file).
	Files   map[string]string
	Secrets []string // masked in every log and artifact
	// Needs are the containers it needs beside it, started before it.
	Needs []Service
	// Splices are files of the image with the guide's piece put in, written
	// and mounted as Files are.
	Splices []Splice
	// Prepare, when set, makes on the host what the container runs (an
	// application the guide writes: its commands and its program) in dir,
	// before the container starts; it returns folders to mount read-only
	// (path inside the container -> folder on the host).
	Prepare func(ctx context.Context, dir string, log *Logger) (map[string]string, error)
	WorkDir string // the container's working directory ("" for the image's)
	// AfterReady are commands run inside the container once it answers,
	// each to exit 0 (PocketBase's first superuser, say).
	AfterReady [][]string
}

// TLSFiles says where the application finds its certificate for the guide's
// hostname and the run's CA.
type TLSFiles struct {
	// Terminate: the application serves plain HTTP on URLPort and the run
	// serves TLS in front of it; Cert and Key are then not written.
	Terminate bool
	Mount     string   // directory inside the container
	Cert      string   // leaf certificate file name, relative to Mount
	Key       string   // its key
	CA        string   // the run's CA, relative to Mount ("" for none)
	AltNames  []string // more names in the leaf certificate, e.g. "localhost"
}

// App is one running instance of the application.
type App struct {
	Spec      AppSpec
	URL       *url.URL
	HostPorts map[string]string // "host:port" the guide uses -> "127.0.0.1:port"
	Version   string            // what the running instance says it is
	env       *Environment
	c         *container
	leaf      Leaf        // the certificate the run serves for it (Terminate)
	proxy     *terminator // TLS in front of it (Terminate)
	services  []*container
}

// Host is the guide's hostname of the application.
func (a *App) Host() string { return a.URL.Hostname() }

// At is the address of path under the Application Root URL ("api/health"
// -> "https://app.example.com/api/health").
func (a *App) At(path string) string {
	return strings.TrimSuffix(a.URL.String(), "/") + "/" + strings.TrimPrefix(path, "/")
}

// Addr is "host:port" of a container port by the guide's hostname.
func (a *App) Addr(port string) string { return a.Host() + ":" + port }

func (e *Environment) prepareApp(s AppSpec) (*App, error) {
	if s.URLPort == "" {
		s.URLPort = "443"
	}
	e.Log.Hide(s.Secrets...)
	a := &App{Spec: s, URL: s.URL, HostPorts: map[string]string{}, env: e}
	var binds []string
	if s.TLS.Mount != "" {
		dir := filepath.Join(e.Dir, "app-"+s.Name)
		leaf, err := e.PKI.Issue(append([]string{s.URL.Hostname()}, s.TLS.AltNames...)...)
		if err != nil {
			return nil, err
		}
		a.leaf = leaf
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		if !s.TLS.Terminate {
			if err := leaf.Write(dir, s.TLS.Cert, s.TLS.Key); err != nil {
				return nil, err
			}
		}
		if s.TLS.CA != "" {
			ca := filepath.Join(dir, s.TLS.CA)
			if err := os.MkdirAll(filepath.Dir(ca), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(ca, e.PKI.CertPEM, 0o644); err != nil {
				return nil, err
			}
		}
		binds = append(binds, dir+":"+s.TLS.Mount+":ro")
	}
	files := map[string]string{}
	for p, c := range s.Files {
		files[p] = c
	}
	for _, sp := range s.Splices {
		c, err := spliced(e.pool, s.Image, sp)
		if err != nil {
			return nil, err
		}
		files[sp.Path] = c
	}
	if len(files) > 0 {
		dir := filepath.Join(e.Dir, "files-"+s.Name)
		for path, content := range files {
			host := filepath.Join(dir, filepath.FromSlash(path))
			if err := os.MkdirAll(filepath.Dir(host), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(host, []byte(content), 0o644); err != nil {
				return nil, err
			}
			binds = append(binds, host+":"+path+":ro")
		}
	}
	if s.Prepare != nil {
		dir := filepath.Join(e.Dir, "prepare-"+s.Name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		mounts, err := s.Prepare(context.Background(), dir, e.Log)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Name, err)
		}
		for in, host := range mounts {
			binds = append(binds, host+":"+in+":ro")
		}
	}
	a.c = &container{
		Name: "guidewalk-" + e.RunID + "-" + s.Name, WorkDir: s.WorkDir, Alias: s.URL.Hostname(), Image: s.Image,
		Entry: s.Entry, Cmd: s.Cmd, Env: withServices(s), Binds: binds, Ports: s.Ports,
		// Several instances answer to one hostname: each reaches itself by it.
		Hosts:  []string{s.URL.Hostname() + ":127.0.0.1"},
		Labels: e.labels(), Network: e.network,
	}
	return a, nil
}

func (e *Environment) startApp(ctx context.Context, a *App) error {
	a.c.Network = e.network
	if err := e.startServices(ctx, a); err != nil {
		return err
	}
	if err := run(e.pool, a.c); err != nil {
		return err
	}
	for _, p := range a.Spec.Ports {
		hp, err := hostPort(e.pool, a.c, p)
		if err != nil {
			return err
		}
		a.HostPorts[a.Addr(p)] = "127.0.0.1:" + hp
	}
	if a.Spec.TLS.Terminate {
		backend := a.HostPorts[a.Addr(a.Spec.URLPort)]
		t, err := terminate(a.leaf, backend)
		if err != nil {
			return err
		}
		a.proxy = t
		// The browser and the suite reach it by the guide's URL, over TLS.
		a.HostPorts[hostport(a.URL)] = t.Addr()
		a.Spec.URLPort = portOf(a.URL)
		e.Log.Printf("%s: TLS for %s served by the run in front of its port %s", a.Spec.Name, a.URL.Host, backend)
	}
	e.Log.Printf("%s: started (%s), waiting until it answers", a.Spec.Name, a.Spec.Image)
	if err := e.waitHealthy(ctx, a.c, e.readyTimeout, func(ctx context.Context) error { return a.Spec.Ready(ctx, a) }); err != nil {
		return err
	}
	for _, cmd := range a.Spec.AfterReady {
		if err := execReady(a.c, cmd); err != nil {
			return fmt.Errorf("%s: %s", a.Spec.Name, e.Log.Redact(err.Error()))
		}
	}
	switch {
	case len(a.Spec.Version) > 0:
		a.Version = e.execVersion(a.c, a.Spec.Version)
	case a.Spec.VersionLabel != "":
		a.Version = e.labelVersion(a.Spec.Image, a.Spec.VersionLabel)
	}
	return nil
}

// HTTPClient reaches the application and Authelia by the guide's hostnames
// from the host side, verifying TLS against the run's CA only.
func (a *App) HTTPClient() *http.Client { return a.env.client(a.HostPorts) }

// Get fetches url with HTTPClient and returns status and body.
func (a *App) Get(ctx context.Context, url string) (int, string, error) {
	return a.env.getWith(ctx, a.HTTPClient(), url)
}

// Redirect fetches url with HTTPClient (which follows no redirect) and
// returns the status and the Location it answers.
func (a *App) Redirect(ctx context.Context, url string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	resp, err := a.HTTPClient().Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), nil
}

// WaitReady waits, up to timeout, until ready and the spec's own Ready pass:
// used after the application was asked to restart.
func (a *App) WaitReady(ctx context.Context, timeout time.Duration, ready func(context.Context) error) error {
	return a.env.waitHealthy(ctx, a.c, timeout, func(ctx context.Context) error {
		if err := ready(ctx); err != nil {
			return err
		}
		return a.Spec.Ready(ctx, a)
	})
}

// Label is what progress lines and errors call the instance.
func (a *App) Label() string { return a.Spec.Name + " (" + a.Spec.Image + ")" }

func (e *Environment) execVersion(c *container, cmd []string) string {
	var out strings.Builder
	code, err := c.Resource.Exec(cmd, dockertest.ExecOptions{StdOut: &out, StdErr: &out})
	if err != nil || code != 0 {
		return fmt.Sprintf("unknown (%s: exit %d %v)", strings.Join(cmd, " "), code, err)
	}
	return strings.TrimSpace(firstLine(out.String()))
}

// labelVersion is the version an image's label says.
func (e *Environment) labelVersion(image, label string) string {
	img, err := e.pool.Client.InspectImage(image)
	if err != nil || img.Config == nil || img.Config.Labels[label] == "" {
		return fmt.Sprintf("unknown (image %s has no label %s: %v)", image, label, err)
	}
	return "label " + label + "=" + img.Config.Labels[label]
}

// portOf is the port of u, explicit or by its scheme.
func portOf(u *url.URL) string {
	_, p, _ := strings.Cut(hostport(u), ":")
	return p
}

// Instance is what an application's recipe embeds: the spec env runs and,
// once the environment runs, the instance env started from it.
type Instance struct {
	spec AppSpec
	app  *App
}

// NewInstance holds spec until env runs it.
func NewInstance(spec AppSpec) Instance { return Instance{spec: spec} }

// Spec is how env runs it.
func (i *Instance) Spec() AppSpec { return i.spec }

// Bind ties the instance to what env started from its spec.
func (i *Instance) Bind(a *App) { i.app = a }

// App is the running instance.
func (i *Instance) App() *App { return i.app }
