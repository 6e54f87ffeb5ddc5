package env_test

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	dc "github.com/ory/dockertest/v3/docker"

	"github.com/guidewalk/guidewalk/apps/minio"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/mxschmitt/playwright-go"
	"github.com/ory/dockertest/v3"
)

// TestEnvironment stands the guide's world up, looks at it from the browser
// side and from inside the network, and checks teardown leaves nothing.
func TestEnvironment(t *testing.T) {
	path := os.Getenv("GUIDEWALK_GUIDE")
	if path == "" {
		path = "../features/minio/guide.md"
	}
	g, err := guide.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	authURL, _, err := g.AutheliaRootURL()
	if err != nil {
		t.Fatal(err)
	}
	appURL, _, err := g.ApplicationRootURL()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	av, err := g.Version("Authelia")
	if err != nil {
		t.Fatal(err)
	}
	mv, err := g.Version("MinIO")
	if err != nil {
		t.Fatal(err)
	}
	image := minio.Image(mv.Version)
	if v := os.Getenv(minio.ImageVar); v != "" {
		image = v
	}
	in := minio.New("minio", appURL, image, nil)

	start := time.Now()
	e, err := env.Start(ctx, env.Config{
		AutheliaURL: authURL, ClientYAML: g.ClientYAML, AutheliaImage: env.AutheliaImage(av.Version),
		Apps:  []env.AppSpec{in.Spec()},
		Users: []env.User{{Name: "probe", DisplayName: "Probe", Email: "probe@example.com", Groups: []string{"readonly"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	in.Bind(e.Apps[0])
	t.Logf("authelia %q, minio %q", e.AutheliaVersion, in.App().Version)
	t.Logf("start to both healthy: %.1fs (phases %v)", time.Since(start).Seconds(), e.Phases)
	stopped := false
	defer func() {
		if !stopped {
			e.Stop()
		}
	}()

	pw, err := env.StartPlaywright()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Stop() //nolint:errcheck
	b, err := e.LaunchBrowser(pw, in.App(), env.BrowserOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	page, err := b.Browser.NewPage()
	if err != nil {
		t.Fatal(err)
	}

	t.Run("browser sees Authelia's discovery document with the guide's issuer", func(t *testing.T) {
		resp, err := page.Goto(authURL.String() + ".well-known/openid-configuration")
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		body, _ := resp.Body()
		if err := json.Unmarshal(body, &doc); err != nil {
			t.Fatalf("not JSON: %v: %s", err, body)
		}
		if want := strings.TrimSuffix(authURL.String(), "/"); doc["issuer"] != want {
			t.Fatalf("issuer %v, want %s", doc["issuer"], want)
		}
	})

	t.Run("browser sees the MinIO console at the guide's application URL", func(t *testing.T) {
		if _, err := page.Goto(appURL.String() + "login"); err != nil {
			t.Fatal(err)
		}
		if err := page.Locator("#accessKey").WaitFor(playwright.LocatorWaitForOptions{Timeout: playwright.Float(20000)}); err != nil {
			html, _ := page.Content()
			t.Fatalf("no MinIO login form: %v\n%.2000s", err, html)
		}
	})

	t.Run("TLS without the run's CA is refused", func(t *testing.T) {
		// The suite's trust is the run's CA and nothing else: a client with
		// the system roots must not get through.
		conn, err := tls.Dial("tcp", e.HostPorts[authURL.Hostname()+":443"], &tls.Config{ServerName: authURL.Hostname()})
		if err == nil {
			conn.Close()
			t.Fatal("a client without the run's CA completed a TLS handshake with Authelia")
		}
	})

	t.Run("MinIO reaches the discovery document from inside the network over verified TLS", func(t *testing.T) {
		client, _ := g.Client("minio")
		secret, _ := g.Assumption("Client Secret")
		err := in.ReachesDiscovery(ctx, authURL.String()+".well-known/openid-configuration", client["client_id"].(string), secret.Value)
		if err != nil {
			t.Fatal(err)
		}
	})

	runID := e.RunID
	t0 := time.Now()
	e.Stop()
	stopped = true
	t.Logf("teardown: %.1fs", time.Since(t0).Seconds())
	pool, err := dockertest.NewPool("")
	if err != nil {
		t.Fatal(err)
	}
	left, _ := pool.Client.ListContainers(dc.ListContainersOptions{All: true, Filters: map[string][]string{"label": {"guidewalk.run=" + runID}}})
	nets, _ := pool.Client.FilteredListNetworks(dc.NetworkFilterOpts{"label": {"guidewalk.run=" + runID: true}})
	if len(left) != 0 || len(nets) != 0 {
		t.Fatalf("teardown left %d containers and %d networks", len(left), len(nets))
	}
	if _, err := os.Stat(e.Dir); !os.IsNotExist(err) {
		t.Fatalf("teardown left %s", e.Dir)
	}
}
