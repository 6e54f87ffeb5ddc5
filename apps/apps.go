// Package apps lists the applications whose guides guidewalk verifies.
// Each registers itself (steps.RegisterApplication) when imported, like a
// database/sql driver: adding an application is one folder and one line.
package apps

import (
	_ "github.com/guidewalk/guidewalk/apps/gatus"
	_ "github.com/guidewalk/guidewalk/apps/sftpgo"
)
