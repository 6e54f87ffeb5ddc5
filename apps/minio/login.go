package minio

import (
	"github.com/guidewalk/guidewalk/apps/minio/pages"
)

// loginToMinIO is step 1: "Login to MinIO", as the root user the server was
// started with.
func (w scenario) loginToMinIO() error {
	st, err := w.GuideStep(1)
	if err != nil {
		return err
	}
	login := pages.MinIOLogin{Page: w.Page(), Base: w.AppURL()}
	if err := login.Open(); err != nil {
		return w.Deviates(st, err)
	}
	if err := login.SignIn(RootUser, w.instance().RootPassword); err != nil {
		return w.Deviates(st, err)
	}
	w.Note("logged in as MinIO's root user %q", RootUser)
	return nil
}
