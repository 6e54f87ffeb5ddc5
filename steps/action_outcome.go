package steps

import (
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/steps/pages"
)

// loggedInAs: the console is drawn and names the Authelia user.
func (w *World) loggedInAs(user string) error {
	console := pages.MinIOConsole{Page: w.page}
	if err := console.WaitRendered(); err != nil {
		login := pages.MinIOLogin{Page: w.page}
		return fmt.Errorf("not logged in to MinIO (at %s; the screen says %q): %w", w.page.URL(), login.Message(), err)
	}
	shown := console.UserName()
	if !strings.Contains(shown, user) {
		return fmt.Errorf("the console shows the user %q, not %q", shown, user)
	}
	w.note("the console shows the user %q", shown)
	return nil
}

// policyLetsMeCreateBucket: something only the granted policy allows.
func (w *World) policyLetsMeCreateBucket(policy string) error {
	name := "guidewalk-" + strings.ToLower(w.s.Env.RunID)
	if err := (pages.Buckets{Page: w.page}).Create(name); err != nil {
		return fmt.Errorf("with the policy %q: %w", policy, err)
	}
	w.note("created the bucket %q", name)
	return nil
}

// minioRefuses: back at MinIO's login screen with MinIO's reason shown.
func (w *World) minioRefuses() error {
	login := pages.MinIOLogin{Page: w.page}
	msg, err := login.WaitMessage()
	if err != nil {
		return fmt.Errorf("MinIO did not refuse %q with a message (at %s): %w", w.user, w.page.URL(), err)
	}
	if (pages.MinIOConsole{Page: w.page}).Rendered() {
		return fmt.Errorf("MinIO let %q in", w.user)
	}
	w.note("MinIO says: %s", msg)
	return nil
}
