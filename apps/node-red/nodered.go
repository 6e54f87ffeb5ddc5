// Package nodered is Node-RED's part of guidewalk: its Shape, all that is
// particular to it. The guide configures Node-RED with a piece of its
// settings file (settings.js, an adminAuth strategy of the
// passport-openidconnect package, which it assumes installed); Node-RED
// asks who is there before it opens its editor.
package nodered

import (
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
)

const (
	// Settings is the settings file of Node-RED's user directory (/data in
	// its image), which Node-RED reads when it starts.
	Settings = "/data/settings.js"
	// DefaultSettings is the image's own settings file, the one Node-RED
	// copies to its user directory when that has none: a reader adds the
	// guide's piece to it.
	DefaultSettings = "/usr/src/node-red/node_modules/node-red/settings.js"
	exported        = "module.exports = {"
)

func init() {
	steps.RegisterShape(steps.Shape{
		Product:  "Node-RED",
		Image:    "nodered/node-red:{version}",
		ImageVar: "GUIDEWALK_NODE_RED_IMAGE",
		Port:     "1880",
		Ready:    steps.Probe{Path: "", Holds: "Node-RED"},
		Version:  []string{"node", "-p", "require('node-red/package.json').version"},
		// Node's own trust store does not read the system's: the run's CA
		// for Authelia's TLS goes in by NODE_EXTRA_CA_CERTS.
		TrustVar: "NODE_EXTRA_CA_CERTS",
		File:     Settings,
		Into:     &steps.Into{From: DefaultSettings, After: exported},
		SignIn:   steps.Control{Role: "button", Name: "{label}"},
		Users:    []string{"admin", "user"},
		// The editor, with its Deploy control; the header's avatar (the user's
		// initials) opens a menu with the user's name.
		LoggedIn: steps.Proof{Control: steps.Control{Role: "link", Name: "Deploy"}, UserName: true, Avatar: "link",
			// Node-RED's tour of what is new, whose close button is an icon.
			Welcome: &steps.Welcome{Heading: "Welcome to Node-RED", Close: steps.Control{Role: "button", Name: ""}}},
		Unsaid: []steps.Unsaid{
			{Kinds: []guide.MethodKind{guide.MethodFile}, What: "the {block} block is a piece of Node-RED's settings file: the run puts it " +
				"in the image's own settings.js (" + DefaultSettings + "), on the line after `" + exported + "`, and mounts the result as " + Settings},
			{What: "the guide's users function ({line of users}) gives every user Authelia lets through all permissions (\"*\"): " +
				"a member of no group is as much Node-RED's admin as a member of admins"},
		},
	})
}
