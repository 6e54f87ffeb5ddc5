package steps

import "github.com/guidewalk/guidewalk/steps/pages"

// loginToMinIO is step 1: "Login to MinIO", as the root user the server was
// started with.
func (w *World) loginToMinIO() error {
	st, err := w.guideStep(1)
	if err != nil {
		return err
	}
	login := pages.MinIOLogin{Page: w.page, Base: w.s.Env.MinIOURL.String()}
	if err := login.Open(); err != nil {
		return w.deviates(st, err)
	}
	if err := login.SignIn(w.s.Env.RootUser, w.s.Env.Secrets.RootPassword); err != nil {
		return w.deviates(st, err)
	}
	w.note("logged in as MinIO's root user %q", w.s.Env.RootUser)
	return nil
}
