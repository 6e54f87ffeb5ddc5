// Package gatus is Gatus's part of guidewalk: its Shape, all that is
// particular to it. The guide configures Gatus with a configuration file
// (security.oidc); Gatus shows a visitor who has not logged in only its
// login button, and a user back from Authelia its status page.
package gatus

import "github.com/guidewalk/guidewalk/steps"

const (
	// ConfigDir is where Gatus reads its configuration: every YAML file in
	// it, merged (GATUS_CONFIG_PATH names a directory). The guide's block
	// goes there as config.yaml, the name the guide says it generally has.
	ConfigDir = "/config"
	// EndpointName is the one endpoint the run adds, on the status page.
	EndpointName = "Gatus itself"
)

// Endpoints is the least a reader adds beside the guide's block: Gatus
// starts only with at least one endpoint to watch; this one is its own
// health.
const Endpoints = `endpoints:
  - name: "` + EndpointName + `"
    url: "http://127.0.0.1:8080/health"
    interval: 30s
    conditions:
      - "[STATUS] == 200"
`

func init() {
	steps.RegisterShape(steps.Shape{
		Product:  "Gatus",
		Image:    "twinproduction/gatus:v{version}",
		ImageVar: "GUIDEWALK_GATUS_IMAGE",
		Port:     "8080",
		Ready:    steps.Probe{Path: "health", Holds: "UP"},
		// Gatus has no version flag; its image's label says it.
		VersionLabel: "org.opencontainers.image.version",
		// Gatus fetches Authelia's discovery document when it starts.
		TrustVar:       "SSL_CERT_FILE",
		FetchesAtStart: true,
		Env:            []string{"GATUS_CONFIG_PATH=" + ConfigDir},
		File:           ConfigDir + "/config.yaml",
		Files:          map[string]string{ConfigDir + "/endpoints.yaml": Endpoints},
		SignIn:         steps.Control{Role: "link", Name: "Login with OIDC"},
		// The guide allows no subjects: any user Authelia lets through may
		// see the status page; one plays it.
		User: "maintainer",
		// Only a logged-in user sees the endpoints.
		LoggedIn: steps.Proof{Text: EndpointName},
		Unsaid: []steps.Unsaid{{What: "Gatus starts only with at least one endpoint to watch, which the guide's configuration does not have: " +
			"the run adds " + ConfigDir + "/endpoints.yaml beside it, one endpoint \"" + EndpointName + "\" (Gatus's own /health)"}},
	})
}
