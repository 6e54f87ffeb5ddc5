package beszel

import (
	"context"
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/apps/beszel/pages"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	"github.com/guidewalk/guidewalk/steps/pages/pocketbase"
)

// beszelProviderForm is the form of the provider step 8 selects.
func (w scenario) beszelProviderForm() (pocketbase.ProviderForm, error) {
	_, names, err := w.GuideCodes(bzProvider, 1)
	if err != nil {
		return pocketbase.ProviderForm{}, err
	}
	return pocketbase.ProviderForm{Page: w.Page(), Provider: names[0]}, nil
}

// configureBeszelProvider is step 9: every sub-item "Label: `value`" is a
// field of the provider's form found by its label. A text field is typed
// into; a select ("Fetch user info from") gets the option of that name.
func (w scenario) configureBeszelProvider() error {
	st, err := w.GuideStep(bzForm)
	if err != nil {
		return err
	}
	form, err := w.beszelProviderForm()
	if err != nil {
		return err
	}
	if err := form.WaitRendered(); err != nil {
		return w.Deviates(st, err)
	}
	if it, ok := st.Item("Client secret"); ok {
		w.Hide(it.Value)
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
			return w.ItemError(st, it, err.Error())
		}
		if got != it.Value {
			return w.ItemError(st, it, fmt.Sprintf("the field holds %q", got))
		}
	}
	return nil
}

func (w scenario) enterBeszelItem(form pocketbase.ProviderForm, st guide.Step, it guide.Item) error {
	if it.Label == "" {
		return w.ItemError(st, it, "the suite reads each entry as `Label: value` and this one has no label")
	}
	if !it.Literal {
		return w.ItemError(st, it, fmt.Sprintf("the suite does not know how to do %q in a form (it knows `a value`)", it.Value))
	}
	isSelect, err := form.IsSelect(it.Label)
	if err != nil {
		return w.ItemError(st, it, err.Error())
	}
	if isSelect {
		err = form.Choose(it.Label, it.Value)
		w.Note("%s: chose %q", it.Label, it.Value)
	} else {
		err = form.Fill(it.Label, it.Value)
		w.Note("%s: typed %q", it.Label, it.Value)
	}
	if err != nil {
		return w.ItemError(st, it, err.Error())
	}
	return nil
}

// saveBeszelCollection is step 10: "Press `Save` at the bottom". At the
// bottom of the provider's form is "Set provider config", which only closes
// the form (not in the guide); at the bottom of "Edit collection" is the
// button that saves.
func (w scenario) saveBeszelCollection(button string) error {
	st, names, err := w.GuideCodes(bzSave, 1, button)
	if err != nil {
		return err
	}
	name := names[0]
	form, err := w.beszelProviderForm()
	if err != nil {
		return err
	}
	editor := pocketbase.CollectionEditor{Page: w.Page()}
	display := w.beszelDisplayName()
	if v, _ := form.Visible(); v {
		pressed, err := form.SetConfig()
		if err != nil {
			return w.Deviates(st, fmt.Errorf("closing the provider's form: %w", err))
		}
		w.NotInGuide(bzForm, "the provider's form has no %q at its bottom: pressed %q there, which closes the form and lists %q under %s (%v), saving nothing yet", name, pressed, display, bzSection, editor.Providers(bzSection))
	}
	really, err := editor.Save(name)
	if err != nil {
		return w.Deviates(st, err)
	}
	if really != name {
		w.Note("the button at the bottom reads %q (the guide writes %q)", really, name)
	}
	if err := editor.WaitSaved(); err != nil {
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text, Saw: "PocketBase did not save the collection: " + err.Error()}
	}
	m, err := w.instance().AuthMethods(context.Background())
	if err != nil {
		return fmt.Errorf("ask Beszel how it lets users sign in: %w", err)
	}
	var offered []string
	for _, p := range m.OAuth2.Providers {
		offered = append(offered, p.DisplayName+" ("+p.Name+")")
	}
	if !m.OAuth2.Enabled || !strings.Contains(strings.Join(offered, "\n"), display+" (") {
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text,
			Saw: fmt.Sprintf("after saving, Beszel's sign-in methods have OAuth2 enabled=%v with the providers %q, not %q", m.OAuth2.Enabled, offered, display)}
	}
	w.MarkConfigured()
	w.Note("PocketBase saved the collection; Beszel now offers %q", offered)
	return nil
}

// beszelDisplayName is step 9's "Display name": the name of the button
// Beszel's login page shows for the provider.
func (w scenario) beszelDisplayName() string {
	st, err := w.GuideStep(bzForm)
	if err != nil {
		return ""
	}
	it, _ := st.Item("Display name")
	return it.Value
}

// beszelOffersProvider: a visitor's login page shows the provider's button.
func (w scenario) beszelOffersProvider() error {
	if err := w.FreshContext(); err != nil {
		return err
	}
	if err := w.loginPage(); err != nil {
		return err
	}
	display := w.beszelDisplayName()
	login := pages.BeszelLogin{Page: w.Page(), Base: w.AppURL()}
	if v, _ := login.Provider(display).IsVisible(); !v {
		return fmt.Errorf("Beszel's login page offers %q and no %q", login.Buttons(), display)
	}
	w.Note("Beszel's login page offers %q", login.Buttons())
	return nil
}
