package steps

import (
	"fmt"
	"slices"

	"github.com/guidewalk/guidewalk/steps/pages"
)

// selectFromOtherMethods is step 8 as written: "When the login screen
// appears again, click the `Other Authentication Methods` open, then select
// `Authelia` from the list."
func (w *World) selectFromOtherMethods(label, option string) error {
	st, names, err := w.guideCodes(8, 2, label, option)
	if err != nil {
		return err
	}
	label, option = names[0], names[1]
	login := pages.MinIOLogin{Page: w.page, Base: w.appURL()}
	if err := login.WaitRendered(); err != nil {
		return w.deviates(st, err)
	}
	options, err := login.OpenList(label)
	if err != nil {
		return w.deviates(st, err)
	}
	w.note("%q lists %q", label, options)
	if !slices.Contains(options, option) {
		saw := fmt.Sprintf("the list %q offers %q and no %q", label, options, option)
		if b := login.SSOButtons(); len(b) > 0 {
			saw += fmt.Sprintf("; the login screen shows %q as a button above the form", b)
		}
		return &GuideError{Step: st.Number, Where: w.s.Guide.Where(st.Line), Says: st.Text, Saw: saw}
	}
	if err := login.ChooseFromList(option); err != nil {
		return w.deviates(st, err)
	}
	return w.autheliaAppears(st.Number)
}

// clickProviderButton chooses the provider step 8 names (`Authelia`) the way
// the console offers it: a button. Features use it openly where step 8 as
// written is a recorded deviation.
func (w *World) clickProviderButton(name string) error {
	st, err := w.guideStep(8)
	if err != nil {
		return err
	}
	provider, err := w.code(st, 1)
	if err != nil {
		return err
	}
	if provider != name {
		w.note("the feature names %q, guide step 8 (%s) names %q: following the guide", name, w.s.Guide.Where(st.Line), provider)
	}
	login := pages.MinIOLogin{Page: w.page, Base: w.appURL()}
	if err := login.WaitRendered(); err != nil {
		return w.deviates(st, err)
	}
	if err := login.ChooseSSO(provider); err != nil {
		return w.deviates(st, err)
	}
	return w.autheliaAppears(st.Number)
}

// autheliaAppears waits for Authelia's sign-in screen.
func (w *World) autheliaAppears(step int) error {
	if err := (pages.AutheliaLogin{Page: w.page}).WaitRendered(); err != nil {
		return fmt.Errorf("after guide step %d Authelia's sign-in did not appear (at %s): %w", step, w.page.URL(), err)
	}
	return nil
}
