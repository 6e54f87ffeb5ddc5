package pocketbase

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
	pb "github.com/guidewalk/guidewalk/steps/pages/pocketbase"
	"github.com/mxschmitt/playwright-go"
)

// configuring is the step that starts the Web GUI method: the scenario that
// has it configures PocketBase for the scenarios after it.
const configuring = "I connect to PocketBase admin view"

// The guide's Web GUI steps, as numbered; and where PocketBase 0.23 and
// later keep a provider: the users collection's options.
const (
	stConnect, stSettings, stSection, stGear, stForm, stSave = 1, 2, 3, 4, 5, 6
	collection, options, oauth2, enable, add                 = "users", "Options", "OAuth2", "Enable", "Add provider"
)

type scenario struct{ *steps.World }

func webGUI(sw *steps.World, sc *godog.ScenarioContext) {
	w := scenario{sw}
	sc.Step(`^PocketBase runs at the guide's Application Root URL( with no sign-in provider)?$`, w.X1(w.runs))
	sc.Step(`^`+configuring+`$`, w.X0(w.connect))
	sc.Step(`^on the left menu, I go to "([^"]*)"$`, w.X1(w.leftMenu))
	sc.Step(`^in the "([^"]*)" section, I go to "([^"]*)"$`, w.X2(w.section))
	sc.Step(`^I select the gear on "([^"]*)"$`, w.X1(w.gear))
	sc.Step(`^I open the OpenID Connect provider where this version of PocketBase has it$`, w.X0(w.openProvider))
	sc.Step(`^I configure the following options$`, w.X0(w.options))
	sc.Step(`^I save changes$`, w.X0(w.save))
}

// configure does the Web GUI method as this version allows, for a
// scenario that needs it done.
func configure(sw *steps.World) error {
	w := scenario{sw}
	for _, f := range []func() error{w.connect, w.openProvider, w.options, w.save} {
		if err := f(); err != nil {
			return fmt.Errorf("the Web GUI steps: %w", err)
		}
	}
	return nil
}

// providers are the display names of the OAuth2 providers the users
// collection offers, as PocketBase's API says.
func (w scenario) providers() ([]string, error) {
	code, body, err := w.Instance().App().Get(context.Background(), w.Instance().App().At("api/collections/"+collection+"/auth-methods"))
	var methods struct {
		OAuth2 struct {
			Providers []struct {
				DisplayName string `json:"displayName"`
			} `json:"providers"`
		} `json:"oauth2"`
	}
	if err == nil && code == 200 {
		err = json.Unmarshal([]byte(body), &methods)
	}
	if err != nil || code != 200 {
		return nil, fmt.Errorf("ask PocketBase how its %s sign in: %d %v", collection, code, err)
	}
	var out []string
	for _, p := range methods.OAuth2.Providers {
		out = append(out, p.DisplayName)
	}
	return out, nil
}

// provider is the provider step 4 names, as PocketBase titles it
// ("OpenID Connect" for "OpenID Connect (oidc)").
func (w scenario) provider() (string, error) {
	_, names, err := w.GuideCodes(stGear, 1)
	if err != nil {
		return "", err
	}
	name, _, _ := strings.Cut(names[0], " (")
	return name, nil
}

func (w scenario) runs(unconfigured string) error {
	w.UseStepsInstance()
	if err := w.FreshContext(); err != nil {
		return err
	}
	offered, err := w.providers()
	if err == nil && unconfigured != "" && len(offered) > 0 {
		err = fmt.Errorf("the PocketBase %q offers %q already", w.Instance().Spec().Name, offered)
	}
	if err != nil {
		return err
	}
	// The application's page, which offers a button per provider.
	if err := ui.Goto(w.Page(), w.AppURL(), ui.Heading(w.Page(), "Sign in")); err != nil {
		return err
	}
	w.Note("PocketBase answers at %s; its users collection offers the providers %q", w.AppURL(), offered)
	return nil
}

// connect is step 1, signing in as the superuser the run made.
func (w scenario) connect() error {
	st, err := w.GuideStep(stConnect)
	if err != nil {
		return err
	}
	su := pb.SuperuserLogin{Page: w.Page()}
	if err := ui.Goto(w.Page(), w.Instance().App().At("_/"), su.Heading()); err != nil {
		return w.Deviates(st, err)
	}
	if err := su.SignIn(AdminEmail, password); err != nil {
		return w.Deviates(st, err)
	}
	w.Note("PocketBase's admin view at %s, signed in as the superuser %s", w.Page().URL(), AdminEmail)
	return nil
}

func (w scenario) leftMenu(name string) error {
	st, names, err := w.GuideCodes(stSettings, 1, name)
	if err != nil {
		return err
	}
	if err := (pb.Admin{Page: w.Page()}).Go(names[0]); err != nil {
		return w.Deviates(st, err)
	}
	return nil
}

// section is step 3: a link of the settings' menu, under a section.
func (w scenario) section(section, link string) error {
	st, names, err := w.GuideCodes(stSection, 2, section, link)
	if err != nil {
		return err
	}
	return w.click(st, "link", fmt.Sprintf("section %q with a link", names[0]), names[1])
}

// gear is step 4: the gear beside a provider of the list step 3 opens.
func (w scenario) gear(name string) error {
	st, names, err := w.GuideCodes(stGear, 1, name)
	if err != nil {
		return err
	}
	return w.click(st, "button", "provider with a gear", names[0])
}

// click presses the control of that role and name, or says what the page
// offers instead at the step's line.
func (w scenario) click(st guide.Step, role, what, name string) error {
	c := w.Page().GetByRole(playwright.AriaRole(role), playwright.PageGetByRoleOptions{Name: ui.Named(name)})
	if ui.Visible(c) != nil {
		return w.Deviates(st, &ui.NotFound{What: fmt.Sprintf("%s %q", what, name), Offered: ui.Texts(w.Page().GetByRole(playwright.AriaRole(role)))})
	}
	if err := c.First().Click(); err != nil {
		return w.Deviates(st, err)
	}
	return nil
}

// openProvider is steps 2 to 4 where PocketBase 0.23 and later have them:
// the provider of step 4 is added in the users collection's options.
func (w scenario) openProvider() error {
	st, err := w.GuideStep(stGear)
	if err != nil {
		return err
	}
	name, err := w.provider()
	if err != nil {
		return err
	}
	cols, editor := pb.Collections{Page: w.Page()}, pb.CollectionEditor{Page: w.Page()}
	for _, f := range []func() error{
		func() error { return pb.Admin{Page: w.Page()}.Go("Collections") },
		func() error { return cols.Open(collection) },
		cols.EditCollection,
		func() error { return editor.Tab(options) },
		func() error { return editor.Expand(oauth2) },
		func() error { return editor.SetSwitch(oauth2, enable, true) },
		func() error {
			b, _, err := editor.SectionButton(oauth2, add)
			if err == nil {
				err = b.Click()
			}
			return err
		},
		func() error { _, err := (pb.ProviderPicker{Page: w.Page()}).Choose(name); return err },
	} {
		if err := f(); err != nil {
			return w.Deviates(st, err)
		}
	}
	w.NotInGuide(stGear, "PocketBase %s has no Settings > Authentication > Auth providers (steps 2 and 3): its OAuth2 providers belong to each auth collection. "+
		"Collections > %s > the cog (\"Edit collection\") > %s > %s: %s on, %q, then %q", strings.TrimPrefix(w.Instance().App().Version, "pocketbase version "), collection, options, oauth2, enable, add, name)
	return nil
}

// renamed are the provider form's labels the guide writes as PocketBase
// 0.22 and earlier named them.
var renamed = map[string]string{"ClientID": "Client ID", "User API URL": "User info URL"}

// options is step 5: each "Label: value" item typed into the field of that
// label; an item that is a sentence naming a checkbox leaves it as it is.
func (w scenario) options() error {
	st, err := w.GuideStep(stForm)
	if err != nil {
		return err
	}
	name, err := w.provider()
	if err != nil {
		return err
	}
	form := pb.ProviderForm{Page: w.Page(), Provider: name}
	if err := form.WaitRendered(); err != nil {
		return w.Deviates(st, err)
	}
	for _, it := range st.Items {
		label, value := it.Label, steps.ItemValue(it)
		if label == "" {
			for _, l := range form.Labels() {
				if l = strings.TrimSpace(l); l != "" && strings.Contains(it.Text, l) {
					w.Note("%q: left as it is (%s)", l, it.Text)
				}
			}
			continue
		}
		if to, ok := renamed[label]; ok {
			if _, err := form.Value(label); err != nil {
				w.NotInGuideAt(it.Line, "the form has no field %q: it has %q, which takes the guide's value", label, to)
				label = to
			}
		}
		if label == "Client secret" {
			w.Hide(value)
		}
		if err := form.Fill(label, value); err != nil {
			return w.ItemError(st, it, err.Error())
		}
		if got, err := form.Value(label); err != nil || got != value {
			return w.ItemError(st, it, fmt.Sprintf("the field holds %q (%v)", got, err))
		}
		w.Note("%s: typed %q", label, value)
	}
	return nil
}

// save is step 6: "Set provider config" closes the provider's form (not in
// the guide), "Save changes" saves the collection; PocketBase then offers
// the provider to the collection's users.
func (w scenario) save() error {
	st, err := w.GuideStep(stSave)
	if err != nil {
		return err
	}
	name, err := w.provider()
	if err != nil {
		return err
	}
	editor := pb.CollectionEditor{Page: w.Page()}
	if _, err := (pb.ProviderForm{Page: w.Page(), Provider: name}).SetConfig(); err != nil {
		return w.Deviates(st, err)
	}
	w.NotInGuide(stForm, "the provider's form closes with %q, which saves nothing yet", "Set provider config")
	if _, err := editor.Save("Save changes"); err != nil {
		return w.Deviates(st, err)
	}
	if err := editor.WaitSaved(); err != nil {
		return w.Deviates(st, err)
	}
	offered, err := w.providers()
	if err != nil {
		return err
	}
	if len(offered) == 0 {
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text, Saw: "after saving, PocketBase offers its " + collection + " no provider"}
	}
	w.MarkConfigured()
	w.Note("PocketBase saved the collection; its %s may sign in with %q", collection, offered)
	return nil
}
