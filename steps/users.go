package steps

import (
	"fmt"

	"github.com/guidewalk/guidewalk/env"
)

// testUser is the Authelia user who plays name in this scenario: each
// configuration method has its own users, so that no two logins of one user
// fall in one 30 s window of one-time codes.
func (w *World) testUser(name string) (env.User, error) {
	real := name
	if len(w.s.Targets) > 1 {
		real = name + "-" + w.target.Name
	}
	u, ok := w.s.Env.User(real)
	if !ok {
		return u, fmt.Errorf("no Authelia test user %q (the suite has %v)", real, w.userNames())
	}
	return u, nil
}

func (w *World) userNames() []string {
	var out []string
	for _, u := range w.s.users {
		out = append(out, u.Name)
	}
	return out
}
