package steps

import (
	"github.com/guidewalk/guidewalk/apps/minio"
	"github.com/guidewalk/guidewalk/steps/pages"
)

// loginToMinIO is step 1: "Login to MinIO", as the root user the server was
// started with.
func (w *World) loginToMinIO() error {
	st, err := w.guideStep(1)
	if err != nil {
		return err
	}
	login := pages.MinIOLogin{Page: w.page, Base: w.appURL()}
	if err := login.Open(); err != nil {
		return w.deviates(st, err)
	}
	if err := login.SignIn(minio.RootUser, w.minio().RootPassword); err != nil {
		return w.deviates(st, err)
	}
	w.note("logged in as MinIO's root user %q", minio.RootUser)
	return nil
}
