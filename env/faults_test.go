package env

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	dc "github.com/ory/dockertest/v3/docker"

	"github.com/ory/dockertest/v3"
)

// The faults a user can meet, each provoked for real: one clear error that
// says what failed and what to do, and nothing left behind.

func testConfig(t *testing.T) Config {
	t.Helper()
	b, err := os.ReadFile("../features/minio/guide.md")
	if err != nil {
		t.Fatal(err)
	}
	// The YAML block between the fences under "### Authelia".
	src := string(b)
	start := strings.Index(src, "```yaml\n") + len("```yaml\n")
	end := strings.Index(src[start:], "```")
	auth, _ := url.Parse("https://auth.example.com/")
	return Config{AutheliaURL: auth, AutheliaImage: testAutheliaImage, ClientYAML: src[start : start+end], Log: NewLogger(testWriter{t})}
}

// testAutheliaImage is the version the project's copy of the guide names.
const testAutheliaImage = "authelia/authelia:4.38.0"

type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// left counts what this test process, or the crashed run it fakes, left in
// the engine (other suites may run beside it).
func left(t *testing.T) (int, int) {
	t.Helper()
	pool, err := dockertest.NewPool("")
	if err != nil {
		t.Fatal(err)
	}
	c, n := 0, 0
	for _, label := range []string{labelOwner + "=" + owner(), labelRun + "=crashed"} {
		cs, _ := pool.Client.ListContainers(dc.ListContainersOptions{All: true, Filters: map[string][]string{"label": {label}}})
		ns, _ := pool.Client.FilteredListNetworks(dc.NetworkFilterOpts{"label": {label: true}})
		c, n = c+len(cs), n+len(ns)
	}
	return c, n
}

func startMustFail(t *testing.T, cfg Config, want ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	e, err := Start(ctx, cfg)
	if err == nil {
		e.Stop()
		t.Fatal("Start succeeded")
	}
	t.Logf("error: %v", err)
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error does not say %q", w)
		}
	}
	if c, n := left(t); c != 0 || n != 0 {
		t.Errorf("left %d containers and %d networks behind", c, n)
	}
}

func TestFaultDockerUnreachable(t *testing.T) {
	t.Setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
	ctx := context.Background()
	_, err := Start(ctx, testConfig(t))
	if err == nil || !strings.Contains(err.Error(), "Docker engine does not answer") || !strings.Contains(err.Error(), "make bootstrap") {
		t.Fatalf("want a clear error about the engine, got %v", err)
	}
}

func TestFaultImageMissing(t *testing.T) {
	cfg := testConfig(t)
	// A registry on a closed loopback port: the pull fails without leaving the machine.
	app, _ := url.Parse("https://app.example.com/")
	cfg.Apps = []AppSpec{{Name: "app", URL: app, Image: "127.0.0.1:9/guidewalk/no-such-app:none", ImageVar: "GUIDEWALK_APP_IMAGE"}}
	startMustFail(t, cfg, cfg.Apps[0].Image, "docker load", "GUIDEWALK_APP_IMAGE")
}

func TestFaultAutheliaRejectsConfiguration(t *testing.T) {
	cfg := testConfig(t)
	cfg.ClientYAML = strings.Replace(cfg.ClientYAML, "authorization_policy: 'two_factor'", "authorization_policy: 'three_factor'", 1)
	startMustFail(t, cfg, "Authelia rejects the configuration", "three_factor")
}

func TestFaultLeftoverFromCrashedRun(t *testing.T) {
	pool, err := connect()
	if err != nil {
		t.Fatal(err)
	}
	// What a killed run leaves: a labelled network and container whose owner is gone.
	dead := map[string]string{labelSuite: "1", labelRun: "crashed", labelOwner: "999999999@1"}
	n, err := pool.CreateNetwork("guidewalk-crashed", func(o *dc.CreateNetworkOptions) { o.Labels = dead })
	if err != nil {
		t.Fatal(err)
	}
	c := &container{Name: "guidewalk-crashed-app", Image: envOr(AutheliaImageVar, testAutheliaImage), Entry: []string{"authelia"},
		Cmd: []string{"--version"}, Labels: dead, Network: n}
	if err := run(pool, c); err != nil {
		t.Fatal(err)
	}
	if err := removeLeftovers(pool, NewLogger(testWriter{t})); err != nil {
		t.Fatal(err)
	}
	if c, n := left(t); c != 0 || n != 0 {
		t.Fatalf("left %d containers and %d networks of the crashed run", c, n)
	}
}

func TestOwnerLabel(t *testing.T) {
	if !alive(owner()) {
		t.Fatal("this process is not alive by its own label")
	}
	if alive("1@0") || alive("nonsense") || alive("") {
		t.Fatal("a label of another or no process counts as alive")
	}
}
