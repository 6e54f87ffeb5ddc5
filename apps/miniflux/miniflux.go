// Package miniflux is Miniflux's part of guidewalk: its Shape, all that is
// particular to it. The guide configures Miniflux by environment variables
// (a .env block, a Docker Compose block); Miniflux keeps its users in
// PostgreSQL, which the guide takes for granted, and creates the user at
// the first sign-in (OAUTH2_USER_CREATION).
package miniflux

import (
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/steps"
)

// The database the run gives each Miniflux: Miniflux's own documentation's
// example (postgres:15, user and database "miniflux").
const (
	postgresImage = "postgres:15"
	databaseURL   = "postgres://miniflux:secret@{db}/miniflux?sslmode=disable"
)

func init() {
	steps.RegisterShape(steps.Shape{
		Product:  "Miniflux",
		Image:    "miniflux/miniflux:{version}",
		ImageVar: "GUIDEWALK_MINIFLUX_IMAGE",
		Port:     "8080",
		Ready:    steps.Probe{Path: "healthcheck", Holds: "OK"},
		Version:  []string{"/usr/bin/miniflux", "-version"},
		// Miniflux reads Authelia's discovery document when it starts.
		TrustVar:       "SSL_CERT_FILE",
		FetchesAtStart: true,
		Needs: []env.Service{{
			Name: "db", Image: postgresImage, ImageVar: "GUIDEWALK_POSTGRES_IMAGE",
			Env:   []string{"POSTGRES_USER=miniflux", "POSTGRES_PASSWORD=secret", "POSTGRES_DB=miniflux"},
			Ready: []string{"pg_isready", "-h", "127.0.0.1", "-U", "miniflux"},
		}},
		Env:    []string{"DATABASE_URL=" + databaseURL, "RUN_MIGRATIONS=1"},
		SignIn: steps.Control{Role: "link", Name: "Sign in with {provider name}"},
		// Miniflux names the user it creates by the email claim, and says
		// who is logged in in its Logout link's title.
		LoggedIn: steps.Proof{Email: true},
		Unsaid: []steps.Unsaid{{What: "the {block} block configures the sign-in only: Miniflux needs a PostgreSQL database too (DATABASE_URL, " +
			"RUN_MIGRATIONS=1), which the guide takes for granted; the run starts " + postgresImage + " beside each Miniflux, as Miniflux's documentation does"}},
	})
}
