package minio

import (
	"context"
	"fmt"
	"time"

	"github.com/guidewalk/guidewalk/apps/minio/pages"
	"github.com/guidewalk/guidewalk/steps"
)

// acceptRestart is step 6: "Accept the offer of a server restart at the
// top", then waits until MinIO really restarted and answers again.
func (w scenario) acceptRestart() error {
	st, err := w.GuideStep(6)
	if err != nil {
		return err
	}
	console := pages.MinIOConsole{Page: w.Page()}
	asked := time.Now()
	if err := console.Restart(); err != nil {
		return w.Deviates(st, err)
	}
	if err := w.instance().WaitRestarted(context.Background(), asked, 90*time.Second); err != nil {
		return err
	}
	w.MarkConfigured()
	w.Note("MinIO restarted and answered again %.1fs after Restart was pressed", time.Since(asked).Seconds())
	w.ShowsProgress("the console's banner \"The server is restarting.\" and its bar, which stay until the page is refreshed (the step's next words)")
	return nil
}

// refreshAndSignOut is step 6's sub-item: "Refresh the page and sign out if
// not done so automatically". The console keeps its session across the
// restart, so signing out is usually needed.
func (w scenario) refreshAndSignOut() error {
	st, err := w.GuideStep(6)
	if err != nil {
		return err
	}
	if len(st.Items) == 0 {
		return &steps.GuideError{Step: 6, Where: w.Guide().Where(st.Line), Says: st.Text, Saw: "the suite transcribes a sub-item about refreshing and signing out that the guide no longer has"}
	}
	if _, err := w.Page().Reload(); err != nil {
		return err
	}
	login := pages.MinIOLogin{Page: w.Page()}
	console := pages.MinIOConsole{Page: w.Page()}
	if err := console.WaitRenderedOr(login); err != nil {
		return w.Deviates(st, err)
	}
	if login.Rendered() {
		w.Note("the console had signed out by itself")
		return nil
	}
	if err := console.SignOut(); err != nil {
		return w.Deviates(st, fmt.Errorf("signing out: %w", err))
	}
	w.Note("still signed in after the refresh: signed out")
	return nil
}

// loginScreenAppears: the login screen is back, now offering Authelia.
func (w scenario) loginScreenAppears() error {
	login := pages.MinIOLogin{Page: w.Page(), Base: w.AppURL()}
	if !login.Rendered() {
		if err := login.Open(); err != nil {
			return err
		}
	}
	if err := login.WaitRendered(); err != nil {
		return err
	}
	w.Note("MinIO's login screen at %s", w.Page().URL())
	return nil
}
