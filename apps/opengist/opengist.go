// Package opengist is Opengist's part of guidewalk: its Shape, all that is
// particular to it. The guide configures Opengist by environment variables
// (a .env block, a Docker Compose block) or by a configuration file of flat
// oidc.* keys, and names a group whose members Opengist makes admins.
package opengist

import (
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
)

// ConfigFile is where Opengist's image reads its configuration: its
// entrypoint starts `opengist --config /config.yml`.
const ConfigFile = "/config.yml"

func init() {
	steps.RegisterShape(steps.Shape{
		Product:  "Opengist",
		Image:    "ghcr.io/thomiceli/opengist:{version}",
		ImageVar: "GUIDEWALK_OPENGIST_IMAGE",
		Port:     "6157",
		Ready:    steps.Probe{Path: "healthcheck", Holds: `"opengist":"ok"`},
		Version:  []string{"/app/opengist/opengist", "version"},
		// Opengist fetches the discovery document at each click on its
		// button, and the token endpoint after: it trusts the run's CA.
		TrustVar: "SSL_CERT_FILE",
		File:     ConfigFile,
		Start:    "login",
		SignIn:   steps.Control{Role: "link", Name: "Connect with {provider name} account"},
		// Opengist's header shows the username (the preferred_username claim).
		LoggedIn: steps.Proof{UserName: true},
		Admin:    &steps.Admin{Group: "admin group", Path: "admin-panel", Heading: "Admin panel"},
		Unsaid: []steps.Unsaid{
			{Kinds: []guide.MethodKind{guide.MethodFile}, What: "the guide does not say where its configuration file goes (its block is titled " +
				"{block}, as Authelia's is): Opengist's image reads " + ConfigFile + " (its entrypoint's --config), where the run puts the block"},
			{Kinds: []guide.MethodKind{guide.MethodEnv, guide.MethodCompose}, What: "the {block} block sets no OG_EXTERNAL_URL, which the configuration file's " +
				"external-url ({line of external url}) says is required for the redirect_uri: without it Opengist builds the callback URL from the " +
				"request's Host and X-Forwarded-Proto, so the reverse proxy in front of it must send X-Forwarded-Proto: https (the run's TLS proxy does)"},
		},
	})
}
