// Package apps is the list of applications whose guides the suite verifies.
// Each application's folder (apps/<app>) registers itself with steps when
// imported, as database/sql drivers do; a program or test that needs
// steps.ApplicationFor imports this package for its side effect:
//
//	import _ "github.com/guidewalk/guidewalk/apps"
//
// A new application is one folder here and one import line below.
package apps

import (
	_ "github.com/guidewalk/guidewalk/apps/beszel"
	_ "github.com/guidewalk/guidewalk/apps/express.js"
	_ "github.com/guidewalk/guidewalk/apps/gatus"
	_ "github.com/guidewalk/guidewalk/apps/miniflux"
	_ "github.com/guidewalk/guidewalk/apps/minio"
	_ "github.com/guidewalk/guidewalk/apps/node-red"
	_ "github.com/guidewalk/guidewalk/apps/opengist"
	_ "github.com/guidewalk/guidewalk/apps/pocketbase"
	_ "github.com/guidewalk/guidewalk/apps/sftpgo"
)
