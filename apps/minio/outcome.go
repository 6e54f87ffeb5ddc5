package minio

import (
	"fmt"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/apps/minio/pages"
)

// loggedInAs: the console is drawn for a session that is not the root
// user's: the Administrator entries (such as Identity) are not offered.
func (w scenario) loggedInAs(user string) error {
	if user != w.User() {
		return fmt.Errorf("this scenario signed in to Authelia as %q, not %q", w.User(), user)
	}
	console := pages.MinIOConsole{Page: w.Page()}
	login := pages.MinIOLogin{Page: w.Page()}
	if err := console.WaitRenderedOrMessage(login); err != nil || !console.Rendered() {
		return fmt.Errorf("not logged in to MinIO: the screen says %q (at %s) %v", login.Message(), w.Page().URL(), err)
	}
	entries := console.MenuEntries()
	if slices.Contains(entries, "Identity") {
		return fmt.Errorf("the console offers the root user's menu %q: this is not %q's session", entries, user)
	}
	w.Note("logged in to MinIO through Authelia as %q; the menu offers %q", user, entries)
	return nil
}

// policyLetsMeCreateBucket: something only the granted policy allows.
func (w scenario) policyLetsMeCreateBucket(policy string) error {
	name := "guidewalk-" + strings.ToLower(w.Env().RunID)
	access, err := (pages.Buckets{Page: w.Page()}).Create(name)
	if err != nil {
		return fmt.Errorf("with the policy %q: %w", policy, err)
	}
	if access != "R/W" {
		return fmt.Errorf("with the policy %q the Object Browser shows the access %q to the new bucket, not R/W", policy, access)
	}
	w.Note("created the bucket %q; the Object Browser shows it with access %s", name, access)
	return nil
}

// minioRefuses: MinIO refuses the user and says why, naming the groups
// that match none of its policies.
func (w scenario) minioRefuses() error {
	login := pages.MinIOLogin{Page: w.Page()}
	msg, err := login.WaitMessage()
	if err != nil {
		return fmt.Errorf("MinIO did not refuse %q with a message (at %s): %w", w.User(), w.Page().URL(), err)
	}
	if (pages.MinIOConsole{Page: w.Page()}).Rendered() {
		return fmt.Errorf("MinIO let %q in", w.User())
	}
	u, _ := w.TestUser(w.User())
	for _, g := range u.Groups {
		if !strings.Contains(msg, g) {
			return fmt.Errorf("MinIO refused %q but its message does not name the group %q: %q", w.User(), g, msg)
		}
	}
	w.Note("MinIO says: %s", msg)
	return nil
}
