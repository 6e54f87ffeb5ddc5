// Package pocketbase is PocketBase's part of guidewalk: its Shape and the
// guide's Web GUI steps, done in PocketBase's admin UI (whose screens,
// shared with Beszel, are steps/pages/pocketbase). PocketBase's own admin
// does not sign in with OAuth2: its users do, from an application of
// theirs using PocketBase's JavaScript SDK, which the run serves from
// pb_public (page.go).
package pocketbase

import (
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/steps"
)

const (
	// AdminEmail is the superuser the run makes: the guide's step 1
	// assumes one.
	AdminEmail = "admin@example.com"
	pocketbase = "/usr/local/bin/pocketbase"
)

var password = env.NewPassword()

func init() {
	steps.RegisterShape(steps.Shape{
		Product:  "PocketBase",
		Image:    "ghcr.io/muchobien/pocketbase:{version}",
		ImageVar: "GUIDEWALK_POCKETBASE_IMAGE",
		Port:     "8090",
		Ready:    steps.Probe{Path: "api/health", Holds: "healthy"},
		Version:  []string{pocketbase, "--version"},
		// PocketBase calls Authelia's token and userinfo endpoints itself.
		TrustVar:   "SSL_CERT_FILE",
		AfterReady: [][]string{{pocketbase, "superuser", "upsert", AdminEmail, password, "--dir=/pb_data"}},
		Secrets:    []string{password},
		Prepare:    servePage,
		SignIn:     steps.Control{Role: "button", Name: "Sign in with {display name}"},
		Popup:      true,
		// The page shows the auth record PocketBase made and Authelia's claims.
		LoggedIn:    steps.Proof{Claims: true},
		Configuring: configuring,
		Configure:   configure,
		Steps:       webGUI,
		Unsaid: []steps.Unsaid{
			{What: "the guide's step 1 assumes PocketBase has a superuser: the run made " + AdminEmail + " with `pocketbase superuser upsert` when PocketBase started"},
			{What: "PocketBase's admin does not sign in with OAuth2, its application's users do, and the guide gives no application: the run serves " +
				"a minimal one from pb_public (" + page + "), a button per provider calling the JavaScript SDK's authWithOAuth2 (npm " + sdk + "), " +
				"which opens Authelia in a window of its own and comes back to /api/oauth2-redirect"},
		},
	})
}
