package minio

import (
	"fmt"
	"slices"

	"github.com/guidewalk/guidewalk/apps/minio/pages"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
)

// selectFromOtherMethods is step 8 as written: "When the login screen
// appears again, click the `Other Authentication Methods` open, then select
// `Authelia` from the list."
func (w scenario) selectFromOtherMethods(label, option string) error {
	st, names, err := w.GuideCodes(8, 2, label, option)
	if err != nil {
		return err
	}
	label, option = names[0], names[1]
	login := pages.MinIOLogin{Page: w.Page(), Base: w.AppURL()}
	if err := login.WaitRendered(); err != nil {
		return w.Deviates(st, err)
	}
	options, err := login.OpenList(label)
	if err != nil {
		return w.Deviates(st, err)
	}
	w.Note("%q lists %q", label, options)
	if !slices.Contains(options, option) {
		saw := fmt.Sprintf("the list %q offers %q and no %q", label, options, option)
		if b := login.SSOButtons(); len(b) > 0 {
			saw += fmt.Sprintf("; the login screen shows %q as a button above the form", b)
		}
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text, Saw: saw}
	}
	if err := login.ChooseFromList(option); err != nil {
		return w.Deviates(st, err)
	}
	return w.autheliaAppears(st.Number)
}

// clickProviderButton chooses the provider step 8 names (`Authelia`) the way
// the console offers it: a button. Features use it openly where step 8 as
// written is a recorded deviation.
func (w scenario) clickProviderButton(name string) error {
	st, err := w.GuideStep(8)
	if err != nil {
		return err
	}
	provider, err := w.Code(st, 1)
	if err != nil {
		return err
	}
	if provider != name {
		w.Note("the feature names %q, guide step 8 (%s) names %q: following the guide", name, w.Guide().Where(st.Line), provider)
	}
	login := pages.MinIOLogin{Page: w.Page(), Base: w.AppURL()}
	if err := login.WaitRendered(); err != nil {
		return w.Deviates(st, err)
	}
	if err := login.ChooseSSO(provider); err != nil {
		return w.Deviates(st, err)
	}
	return w.autheliaAppears(st.Number)
}

// autheliaAppears waits for Authelia's sign-in screen.
func (w scenario) autheliaAppears(step int) error {
	if err := (ui.AutheliaLogin{Page: w.Page()}).WaitRendered(); err != nil {
		return fmt.Errorf("after guide step %d Authelia's sign-in did not appear (at %s): %w", step, w.Page().URL(), err)
	}
	return nil
}
