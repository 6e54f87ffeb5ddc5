package steps

import (
	"context"
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps/pages"
)

// beszelProviderForm is the form of the provider step 8 selects.
func (w *World) beszelProviderForm() (pages.BeszelProviderForm, error) {
	_, names, err := w.guideCodes(bzProvider, 1)
	if err != nil {
		return pages.BeszelProviderForm{}, err
	}
	return pages.BeszelProviderForm{Page: w.page, Provider: names[0]}, nil
}

// configureBeszelProvider is step 9: every sub-item "Label: `value`" is a
// field of the provider's form found by its label. A text field is typed
// into; a select ("Fetch user info from") gets the option of that name.
func (w *World) configureBeszelProvider() error {
	st, err := w.guideStep(bzForm)
	if err != nil {
		return err
	}
	form, err := w.beszelProviderForm()
	if err != nil {
		return err
	}
	if err := form.WaitRendered(); err != nil {
		return w.deviates(st, err)
	}
	if it, ok := st.Item("Client secret"); ok {
		w.s.Log.Hide(it.Value)
	}
	for _, it := range st.Items {
		if err := w.enterBeszelItem(form, st, it); err != nil {
			return err
		}
	}
	// Read everything back: what the form holds is what it will keep.
	for _, it := range st.Items {
		got, err := form.Value(it.Label)
		if err != nil {
			return w.itemError(st, it, err.Error())
		}
		if got != it.Value {
			return w.itemError(st, it, fmt.Sprintf("the field holds %q", got))
		}
	}
	return nil
}

func (w *World) enterBeszelItem(form pages.BeszelProviderForm, st guide.Step, it guide.Item) error {
	if it.Label == "" {
		return w.itemError(st, it, "the suite reads each entry as `Label: value` and this one has no label")
	}
	if !it.Literal {
		return w.itemError(st, it, fmt.Sprintf("the suite does not know how to do %q in a form (it knows `a value`)", it.Value))
	}
	isSelect, err := form.IsSelect(it.Label)
	if err != nil {
		return w.itemError(st, it, err.Error())
	}
	if isSelect {
		err = form.Choose(it.Label, it.Value)
		w.note("%s: chose %q", it.Label, it.Value)
	} else {
		err = form.Fill(it.Label, it.Value)
		w.note("%s: typed %q", it.Label, it.Value)
	}
	if err != nil {
		return w.itemError(st, it, err.Error())
	}
	return nil
}

// saveBeszelCollection is step 10: "Press `Save` at the bottom". At the
// bottom of the provider's form is "Set provider config", which only closes
// the form (not in the guide); at the bottom of "Edit collection" is the
// button that saves.
func (w *World) saveBeszelCollection(button string) error {
	st, names, err := w.guideCodes(bzSave, 1, button)
	if err != nil {
		return err
	}
	name := names[0]
	form, err := w.beszelProviderForm()
	if err != nil {
		return err
	}
	editor := pages.BeszelCollectionEditor{Page: w.page}
	display := w.beszelDisplayName()
	if v, _ := form.Visible(); v {
		pressed, err := form.SetConfig()
		if err != nil {
			return w.deviates(st, fmt.Errorf("closing the provider's form: %w", err))
		}
		w.notInGuide(bzForm, "the provider's form has no %q at its bottom: pressed %q there, which closes the form and lists %q under %s (%v), saving nothing yet", name, pressed, display, bzSection, editor.Providers(bzSection))
	}
	really, err := editor.Save(name)
	if err != nil {
		return w.deviates(st, err)
	}
	if really != name {
		w.note("the button at the bottom reads %q (the guide writes %q)", really, name)
	}
	if err := editor.WaitSaved(); err != nil {
		return &GuideError{Step: st.Number, Where: w.s.Guide.Where(st.Line), Says: st.Text, Saw: "PocketBase did not save the collection: " + err.Error()}
	}
	m, err := w.beszel().AuthMethods(context.Background())
	if err != nil {
		return fmt.Errorf("ask Beszel how it lets users sign in: %w", err)
	}
	var offered []string
	for _, p := range m.OAuth2.Providers {
		offered = append(offered, p.DisplayName+" ("+p.Name+")")
	}
	if !m.OAuth2.Enabled || !strings.Contains(strings.Join(offered, "\n"), display+" (") {
		return &GuideError{Step: st.Number, Where: w.s.Guide.Where(st.Line), Says: st.Text,
			Saw: fmt.Sprintf("after saving, Beszel's sign-in methods have OAuth2 enabled=%v with the providers %q, not %q", m.OAuth2.Enabled, offered, display)}
	}
	w.target.markConfigured()
	w.note("PocketBase saved the collection; Beszel now offers %q", offered)
	return nil
}

// beszelDisplayName is step 9's "Display name": the name of the button
// Beszel's login page shows for the provider.
func (w *World) beszelDisplayName() string {
	st, err := w.guideStep(bzForm)
	if err != nil {
		return ""
	}
	it, _ := st.Item("Display name")
	return it.Value
}

// beszelOffersProvider: a visitor's login page shows the provider's button.
func (w *World) beszelOffersProvider() error {
	if err := w.openContext(); err != nil {
		return err
	}
	if err := w.beszelLoginPage(); err != nil {
		return err
	}
	display := w.beszelDisplayName()
	login := pages.BeszelLogin{Page: w.page, Base: w.appURL()}
	if v, _ := login.Provider(display).IsVisible(); !v {
		return fmt.Errorf("Beszel's login page offers %q and no %q", login.Buttons(), display)
	}
	w.note("Beszel's login page offers %q", login.Buttons())
	return nil
}
