package beszel

import (
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	pbsteps "github.com/guidewalk/guidewalk/steps/pocketbase"
)

// Steps 4 to 10 are done in PocketBase's admin UI, whose tasks Beszel
// shares with PocketBase (steps/pocketbase); step 9 is one of them whole
// (the provider's form, by label).

// editBeszelCollection is step 4: "Edit the `users` collection by clicking
// the cog and selecting `Options`". From the settings, the collection is
// under Collections in the left hand menu; the cog beside its name opens
// "Edit collection", whose tabs include Options.
func (w scenario) editBeszelCollection(collection, option string) error {
	st, names, err := w.GuideCodes(bzCollection, 2, collection, option)
	if err != nil {
		return err
	}
	return w.gui().EditCollection(st, names[0], names[1])
}

// namesWord checks that a step the suite acts on by a word the guide does
// not mark as `code` still says it.
func (w scenario) namesWord(n int, word string) (guide.Step, error) {
	st, err := w.GuideStep(n)
	if err == nil && !strings.Contains(st.Text, word) {
		err = fmt.Errorf("guide step %d (%s) %q no longer says %q, which the suite acts on: the feature needs updating", st.Number, w.Guide().Where(st.Line), st.Text, word)
	}
	return st, err
}

// expandBeszelOAuth2 is step 5: "Expand OAuth2."
func (w scenario) expandBeszelOAuth2() error {
	st, err := w.namesWord(bzExpand, pbsteps.OAuth2)
	if err != nil {
		return err
	}
	return w.gui().Expand(st)
}

// enableBeszelOAuth2 is step 6: "Toggle Enable to the on position."
func (w scenario) enableBeszelOAuth2() error {
	st, err := w.namesWord(bzEnable, pbsteps.Enable)
	if err != nil {
		return err
	}
	return w.gui().Enable(st)
}

// addBeszelProvider is step 7: "Click `Add Provider`".
func (w scenario) addBeszelProvider(name string) error {
	st, names, err := w.GuideCodes(bzAdd, 1, name)
	if err != nil {
		return err
	}
	return w.gui().AddProvider(st, names[0])
}

// selectBeszelProvider is step 8: "Select `OpenID Connect`".
func (w scenario) selectBeszelProvider(name string) error {
	st, names, err := w.GuideCodes(bzProvider, 1, name)
	if err != nil {
		return err
	}
	return w.gui().ChooseProvider(st, names[0])
}

// saveBeszelCollection is step 10: "Press `Save` at the bottom". At the
// bottom of the provider's form is "Set provider config", which only closes
// the form (not in the guide); at the bottom of "Edit collection" is the
// button that saves.
func (w scenario) saveBeszelCollection(button string) error {
	_, names, err := w.GuideCodes(bzSave, 1, button)
	if err != nil {
		return err
	}
	return w.gui().Save(bzSave, names[0])
}
