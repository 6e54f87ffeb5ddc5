package beszel

import (
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	"github.com/guidewalk/guidewalk/steps/pages/pocketbase"
)

// The words steps 5 and 6 name without `code` marks: the section and its switch.
const (
	bzSection = "OAuth2"
	bzSwitch  = "Enable"
)

// editBeszelCollection is step 4: "Edit the `users` collection by clicking
// the cog and selecting `Options`". From the settings, the collection is
// under Collections in the left hand menu; the cog beside its name opens
// "Edit collection", whose tabs include Options.
func (w scenario) editBeszelCollection(collection, option string) error {
	st, names, err := w.GuideCodes(bzCollection, 2, collection, option)
	if err != nil {
		return err
	}
	collection, option = names[0], names[1]
	cols := pocketbase.Collections{Page: w.Page()}
	if err := (pocketbase.Admin{Page: w.Page()}).Go("Collections"); err != nil {
		return w.Deviates(st, err)
	}
	if err := cols.Open(collection); err != nil {
		return w.Deviates(st, err)
	}
	if err := cols.EditCollection(); err != nil {
		return w.Deviates(st, err)
	}
	if err := (pocketbase.CollectionEditor{Page: w.Page()}).Tab(option); err != nil {
		return w.Deviates(st, err)
	}
	w.Note("Collections > %s, the cog (a button named \"Edit collection\"), then the tab %q", collection, option)
	return nil
}

// namesWord checks that a step the suite acts on by a word the guide does
// not mark as `code` still says it.
func (w scenario) namesWord(st guide.Step, word string) error {
	if !strings.Contains(st.Text, word) {
		return fmt.Errorf("guide step %d (%s) %q no longer says %q, which the suite acts on: the feature needs updating", st.Number, w.Guide().Where(st.Line), st.Text, word)
	}
	return nil
}

// expandBeszelOAuth2 is step 5: "Expand OAuth2."
func (w scenario) expandBeszelOAuth2() error {
	st, err := w.GuideStep(bzExpand)
	if err != nil {
		return err
	}
	if err := w.namesWord(st, bzSection); err != nil {
		return err
	}
	editor := pocketbase.CollectionEditor{Page: w.Page()}
	if err := editor.Expand(bzSection); err != nil {
		return w.Deviates(st, err)
	}
	w.Note("%s expanded; its header says %q", bzSection, editor.State(bzSection))
	return nil
}

// enableBeszelOAuth2 is step 6: "Toggle Enable to the on position."
func (w scenario) enableBeszelOAuth2() error {
	st, err := w.GuideStep(bzEnable)
	if err != nil {
		return err
	}
	if err := w.namesWord(st, bzSwitch); err != nil {
		return err
	}
	editor := pocketbase.CollectionEditor{Page: w.Page()}
	if err := editor.SetSwitch(bzSection, bzSwitch, true); err != nil {
		return w.Deviates(st, err)
	}
	on, err := editor.Checked(bzSection, bzSwitch)
	if err != nil {
		return w.Deviates(st, err)
	}
	if !on {
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text, Saw: fmt.Sprintf("the switch %q stays off", bzSwitch)}
	}
	w.Note("%s > %s: on", bzSection, bzSwitch)
	return nil
}

// addBeszelProvider is step 7: "Click `Add Provider`".
func (w scenario) addBeszelProvider(name string) error {
	st, names, err := w.GuideCodes(bzAdd, 1, name)
	if err != nil {
		return err
	}
	name = names[0]
	editor := pocketbase.CollectionEditor{Page: w.Page()}
	b, really, err := editor.SectionButton(bzSection, name)
	if err != nil {
		return w.Deviates(st, err)
	}
	if really != name {
		w.Note("the button reads %q (the guide writes %q)", really, name)
	}
	if err := b.Click(); err != nil {
		return w.Deviates(st, err)
	}
	if err := (pocketbase.ProviderPicker{Page: w.Page()}).WaitRendered(); err != nil {
		return w.Deviates(st, fmt.Errorf("after %q no list of providers appeared: %w", really, err))
	}
	return nil
}

// selectBeszelProvider is step 8: "Select `OpenID Connect`".
func (w scenario) selectBeszelProvider(name string) error {
	st, names, err := w.GuideCodes(bzProvider, 1, name)
	if err != nil {
		return err
	}
	if _, err := (pocketbase.ProviderPicker{Page: w.Page()}).Choose(names[0]); err != nil {
		return w.Deviates(st, err)
	}
	w.Note("the provider %q: its form is open", names[0])
	return nil
}
