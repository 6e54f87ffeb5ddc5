package steps

import (
	"context"
	"fmt"
	"time"

	"github.com/guidewalk/guidewalk/steps/pages"
)

// acceptRestart is step 6: "Accept the offer of a server restart at the
// top", then waits until MinIO really restarted and answers again.
func (w *World) acceptRestart() error {
	st, err := w.guideStep(6)
	if err != nil {
		return err
	}
	console := pages.MinIOConsole{Page: w.page}
	asked := time.Now()
	if err := console.Restart(); err != nil {
		return w.deviates(st, err)
	}
	if err := w.minio().WaitRestarted(context.Background(), asked, 90*time.Second); err != nil {
		return err
	}
	w.target.markConfigured()
	w.note("MinIO restarted and answered again %.1fs after Restart was pressed", time.Since(asked).Seconds())
	return nil
}

// refreshAndSignOut is step 6's sub-item: "Refresh the page and sign out if
// not done so automatically". The console keeps its session across the
// restart, so signing out is usually needed.
func (w *World) refreshAndSignOut() error {
	st, err := w.guideStep(6)
	if err != nil {
		return err
	}
	if len(st.Items) == 0 {
		return &GuideError{Step: 6, Where: w.s.Guide.Where(st.Line), Says: st.Text, Saw: "the suite transcribes a sub-item about refreshing and signing out that the guide no longer has"}
	}
	if _, err := w.page.Reload(); err != nil {
		return err
	}
	login := pages.MinIOLogin{Page: w.page}
	console := pages.MinIOConsole{Page: w.page}
	if err := console.WaitRenderedOr(login); err != nil {
		return w.deviates(st, err)
	}
	if login.Rendered() {
		w.note("the console had signed out by itself")
		return nil
	}
	if err := console.SignOut(); err != nil {
		return w.deviates(st, fmt.Errorf("signing out: %w", err))
	}
	w.note("still signed in after the refresh: signed out")
	return nil
}

// loginScreenAppears: the login screen is back, now offering Authelia.
func (w *World) loginScreenAppears() error {
	login := pages.MinIOLogin{Page: w.page, Base: w.appURL()}
	if !login.Rendered() {
		if err := login.Open(); err != nil {
			return err
		}
	}
	if err := login.WaitRendered(); err != nil {
		return err
	}
	w.note("MinIO's login screen at %s", w.page.URL())
	return nil
}
