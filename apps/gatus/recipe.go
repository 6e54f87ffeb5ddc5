package gatus

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/guidewalk/guidewalk/env"
)

// Gatus serves plain HTTP on 8080; the run serves TLS for the guide's
// hostname in front of it.
const (
	Port     = "8080"
	ImageVar = "GUIDEWALK_GATUS_IMAGE"
	// ConfigDir is where Gatus reads its configuration: every YAML file in
	// it, merged (GATUS_CONFIG_PATH names a directory).
	ConfigDir = "/config"
	// GuideFile is the guide's block as written; the guide says the file
	// is "generally named config.yaml".
	GuideFile = ConfigDir + "/config.yaml"
	// EndpointsFile is what Gatus needs beyond the guide's block to start:
	// at least one endpoint to watch.
	EndpointsFile = ConfigDir + "/endpoints.yaml"
	// EndpointName is the endpoint's name on the status page.
	EndpointName = "Gatus itself"
)

// Endpoints is the least a reader adds: Gatus watching its own health.
const Endpoints = `endpoints:
  - name: "` + EndpointName + `"
    url: "http://127.0.0.1:` + Port + `/health"
    interval: 30s
    conditions:
      - "[STATUS] == 200"
`

// Image is the official image of a Gatus release as the guide's Tested
// Versions write it ("v5.17.0" -> "twinproduction/gatus:v5.17.0").
func Image(version string) string {
	return "twinproduction/gatus:v" + strings.TrimPrefix(strings.TrimSpace(version), "v")
}

// Instance is one Gatus of the run.
type Instance struct{ env.Instance }

// New is the recipe: a Gatus at the guide's Application Root URL whose
// configuration directory holds the guide's block, verbatim, beside the
// endpoint a reader adds. It trusts the run's CA (it fetches Authelia's
// discovery document at start-up and calls its token endpoint) and so
// starts once Authelia is healthy.
func New(name string, appURL *url.URL, image, guideBlock string) *Instance {
	return &Instance{env.NewInstance(env.AppSpec{
		Name: name, URL: appURL, Image: image, ImageVar: ImageVar,
		Env:           []string{"GATUS_CONFIG_PATH=" + ConfigDir, "SSL_CERT_FILE=/certs/ca.crt"},
		Ports:         []string{Port},
		URLPort:       Port,
		TLS:           env.TLSFiles{Terminate: true, Mount: "/certs", CA: "ca.crt"},
		Files:         map[string]string{GuideFile: guideBlock, EndpointsFile: Endpoints},
		AfterAuthelia: true,
		Ready:         ready,
		// Gatus has no version flag; its image's label says it.
		VersionLabel: "org.opencontainers.image.version",
	})}
}

// ready: Gatus's health endpoint answers through the run's TLS.
func ready(ctx context.Context, a *env.App) error {
	code, body, err := a.Get(ctx, a.At("health"))
	if err != nil || code != http.StatusOK {
		return fmt.Errorf("/health: %d %v", code, err)
	}
	if !strings.Contains(body, "UP") {
		return fmt.Errorf("/health does not look like Gatus's: %.80q", body)
	}
	return nil
}

// Config is what Gatus's web app asks before it draws anything: whether
// visitors must sign in with OpenID Connect, and whether this one has.
type Config struct {
	OIDC          bool `json:"oidc"`
	Authenticated bool `json:"authenticated"`
}

// UIConfig asks Gatus, as a visitor who has not signed in, what its web
// app will do.
func (in *Instance) UIConfig(ctx context.Context) (Config, error) {
	var c Config
	code, body, err := in.App().Get(ctx, in.App().At("api/v1/config"))
	if err != nil {
		return c, err
	}
	if code != http.StatusOK {
		return c, fmt.Errorf("/api/v1/config: %d %.200s", code, body)
	}
	return c, json.Unmarshal([]byte(body), &c)
}
