// Package expressjs is Express.js's part of guidewalk: its Shape, all that
// is particular to it. The guide writes the application itself: its project
// initialisation commands and its server.js (express-openid-connect), which
// reads the method's environment variables; Node.js runs it behind the
// run's TLS proxy. Every page needs a login, so opening the application
// sends a visitor to Authelia, and the page a user lands on shows their
// claims.
package expressjs

import "github.com/guidewalk/guidewalk/steps"

func init() {
	steps.RegisterShape(steps.Shape{
		Product: "Express.js",
		// The guide names no image: its program runs in Node.js's.
		Image:    "node:20",
		ImageVar: "GUIDEWALK_EXPRESS_JS_IMAGE",
		Port:     "3000",
		// server.js listens on 3000 and sends every page but its own to
		// Authelia; a path it has no route for proves Express answers.
		Ready:   steps.Probe{Path: "guidewalk-ready", Holds: "Cannot GET /guidewalk-ready", Status: 404},
		Version: []string{"node", "-p", `"express " + require("express/package.json").version + ", express-openid-connect " + require("express-openid-connect/package.json").version + ", node " + process.version`},
		// express-openid-connect reads the discovery document at the first
		// page; Node trusts the run's CA by NODE_EXTRA_CA_CERTS.
		TrustVar: "NODE_EXTRA_CA_CERTS",
		Written:  &steps.Written{Program: "server.js", Run: []string{"node", "server.js"}},
		// The claims page shows the groups claim: the user is in one.
		Users:    []string{"admin"},
		LoggedIn: steps.Proof{Claims: true},
		Unsaid: []steps.Unsaid{{What: "the guide writes the application but not where it runs: the run runs its commands in a fresh folder on the host, " +
			"puts server.js where they end, and runs `node server.js` there in node:20, behind a TLS proxy for the Application Root URL, as the guide assumes"}},
	})
}
