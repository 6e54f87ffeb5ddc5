package pocketbase

import (
	"fmt"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
	pb "github.com/guidewalk/guidewalk/steps/pages/pocketbase"
)

// renamed are the provider form's labels a guide writes as PocketBase 0.22
// and earlier named them.
var renamed = map[string]string{"ClientID": "Client ID", "User API URL": "User info URL"}

// Configure is step Form: each "Label: value" item goes into the provider
// form's field of that label, typed, or chosen in a select ("Fetch user
// info from"); an item with no label that names a field leaves it as it
// is. Then every field is read back: what the form holds is what it keeps.
func (g WebGUI) Configure() error {
	st, err := g.GuideStep(g.Form)
	if err != nil {
		return err
	}
	form, err := g.form()
	if err != nil {
		return err
	}
	if err := form.WaitRendered(); err != nil {
		return g.Deviates(st, err)
	}
	labels := make([]string, len(st.Items))
	for i, it := range st.Items {
		if labels[i], err = g.enter(form, st, it); err != nil {
			return err
		}
	}
	for i, it := range st.Items {
		if labels[i] == "" {
			continue
		}
		got, err := form.Value(labels[i])
		if err != nil {
			return g.ItemError(st, it, err.Error())
		}
		if got != steps.ItemValue(it) {
			return g.ItemError(st, it, fmt.Sprintf("the field holds %q", got))
		}
	}
	return nil
}

// enter puts an item into the form and returns the field's label ("" for
// an item that leaves the form as it is). A label PocketBase no longer has
// goes to the field that took its place, said at the item's line.
func (g WebGUI) enter(form pb.ProviderForm, st guide.Step, it guide.Item) (string, error) {
	label, value := it.Label, steps.ItemValue(it)
	if label == "" {
		named := false
		for _, l := range form.Labels() {
			if l = strings.TrimSpace(l); l != "" && strings.Contains(it.Text, l) {
				g.Note("%q: left as it is (%s)", l, it.Text)
				named = true
			}
		}
		if !named {
			return "", g.ItemError(st, it, "the suite reads each entry as `Label: value`, or as a sentence naming a field it leaves as it is, and this one names none of "+ui.QuoteAll(form.Labels()))
		}
		return "", nil
	}
	if to, ok := renamed[label]; ok {
		if _, err := form.Value(label); err != nil {
			g.NotInGuideAt(it.Line, "the form has no field %q: it has %q, which takes the guide's value", label, to)
			label = to
		}
	}
	if label == "Client secret" {
		g.Hide(value)
	}
	isSelect, err := form.IsSelect(label)
	if err != nil {
		return "", g.ItemError(st, it, err.Error())
	}
	did := "typed"
	if isSelect {
		did, err = "chose", form.Choose(label, value)
	} else {
		err = form.Fill(label, value)
	}
	if err != nil {
		return "", g.ItemError(st, it, err.Error())
	}
	g.Note("%s: %s %q", label, did, value)
	return label, nil
}

// DisplayName is step Form's "Display name": the name an application's
// login shows the provider by.
func (g WebGUI) DisplayName() string {
	st, err := g.GuideStep(g.Form)
	if err != nil {
		return ""
	}
	it, _ := st.Item("Display name")
	return steps.ItemValue(it)
}

// Save is step n, which saves, naming the button: at the bottom of the
// provider's form is "Set provider config", which only closes the form
// (said after step Form); at the bottom of "Edit collection" is the button
// that saves. Then the collection offers the provider by its display name.
func (g WebGUI) Save(n int, button string) error {
	st, err := g.GuideStep(n)
	if err != nil {
		return err
	}
	form, err := g.form()
	if err != nil {
		return err
	}
	display := g.DisplayName()
	if v, _ := form.Visible(); v {
		pressed, err := form.SetConfig()
		if err != nil {
			return g.Deviates(st, fmt.Errorf("closing the provider's form: %w", err))
		}
		g.NotInGuide(g.Form, "the provider's form has no %q at its bottom: pressed %q there, which closes the form and lists %q under %s (%v), saving nothing yet",
			button, pressed, display, OAuth2, g.editor().Providers(OAuth2))
	}
	really, err := g.editor().Save(button)
	if err != nil {
		return g.Deviates(st, err)
	}
	if really != button {
		g.Note("the button at the bottom reads %q (the guide writes %q)", really, button)
	}
	if err := g.editor().WaitSaved(); err != nil {
		return &steps.GuideError{Step: st.Number, Where: g.Guide().Where(st.Line), Says: st.Text, Saw: "PocketBase did not save the collection: " + err.Error()}
	}
	m, err := g.AuthMethods()
	if err != nil {
		return err
	}
	if !m.OAuth2.Enabled || !slices.ContainsFunc(m.OAuth2.Providers, func(p Provider) bool { return p.DisplayName == display }) {
		return &steps.GuideError{Step: st.Number, Where: g.Guide().Where(st.Line), Says: st.Text,
			Saw: fmt.Sprintf("after saving, %s's %s have OAuth2 enabled=%v with the providers %q, not %q", g.Product, g.Collection, m.OAuth2.Enabled, m.Offered(), display)}
	}
	g.MarkConfigured()
	g.Note("PocketBase saved the collection; %s now offers %q", g.Product, m.Offered())
	return nil
}
