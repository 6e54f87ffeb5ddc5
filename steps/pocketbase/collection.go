package pocketbase

import (
	"fmt"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
	pb "github.com/guidewalk/guidewalk/steps/pages/pocketbase"
	"github.com/mxschmitt/playwright-go"
)

// SignIn opens addr and signs in to PocketBase's "Superuser login" there.
// With drawn, the address may show that instead (a browser signed in
// already): then it does not sign in. It says whether it did.
func (g WebGUI) SignIn(addr string, drawn playwright.Locator) (bool, error) {
	su := pb.SuperuserLogin{Page: g.Page()}
	sign := su.Heading()
	if drawn != nil {
		sign = sign.Or(drawn)
	}
	if err := ui.Goto(g.Page(), addr, sign); err != nil {
		return false, err
	}
	if drawn != nil && !su.Rendered() {
		return false, nil
	}
	if err := su.SignIn(g.Email, g.Password); err != nil {
		return false, fmt.Errorf("signing in to PocketBase's Superuser login as %s: %w", g.Email, err)
	}
	return true, nil
}

// Connect is step n, "connect to the admin view": /_/, signed in as the
// superuser.
func (g WebGUI) Connect(n int) error {
	st, err := g.GuideStep(n)
	if err != nil {
		return err
	}
	if _, err := g.SignIn(g.Instance().App().At("_/"), nil); err != nil {
		return g.Deviates(st, err)
	}
	g.Note("%s's admin view at %s, signed in as the superuser %s", g.Product, g.Page().URL(), g.Email)
	return nil
}

// GoMenu is step n, which names a link of the left hand menu.
func (g WebGUI) GoMenu(n int, name string) error {
	st, names, err := g.GuideCodes(n, 1, name)
	if err != nil {
		return err
	}
	if err := (pb.Admin{Page: g.Page()}).Go(names[0]); err != nil {
		return g.Deviates(st, err)
	}
	return nil
}

// Press is step n, which names a control of that role by its last `code`
// (the feature quotes them all): it presses it, or says what the page
// offers instead, "the page has no <what> <name>" (what may quote the
// step's other names with %q).
func (g WebGUI) Press(n int, role, what string, feature ...string) error {
	if len(feature) == 0 {
		return fmt.Errorf("guide step %d: the feature quotes no name of a %s", n, role)
	}
	st, names, err := g.GuideCodes(n, len(feature), feature...)
	if err != nil {
		return err
	}
	var others []any
	for _, o := range names[:len(names)-1] {
		others = append(others, o)
	}
	name := names[len(names)-1]
	c := g.Page().GetByRole(playwright.AriaRole(role), playwright.PageGetByRoleOptions{Name: ui.Named(name)})
	if ui.Visible(c) != nil {
		return g.Deviates(st, &ui.NotFound{What: fmt.Sprintf(what+" %q", append(others, name)...), Offered: ui.Texts(g.Page().GetByRole(playwright.AriaRole(role)))})
	}
	if err := c.First().Click(); err != nil {
		return g.Deviates(st, err)
	}
	return nil
}

// OpenProvider is step st where PocketBase 0.23 and later keep a provider:
// the collection's "Edit collection" at its tab, OAuth2 expanded and
// enabled, then the button that adds a provider and the provider titled name.
func (g WebGUI) OpenProvider(st guide.Step, collection, tab, add, name string) error {
	for _, f := range []func() error{
		func() error { return g.EditCollection(st, collection, tab) },
		func() error { return g.Expand(st) },
		func() error { return g.Enable(st) },
		func() error { return g.AddProvider(st, add) },
		func() error { return g.ChooseProvider(st, name) },
	} {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// EditCollection opens the collection's "Edit collection" at its tab:
// Collections in the left hand menu, the collection, the cog beside its name.
func (g WebGUI) EditCollection(st guide.Step, collection, tab string) error {
	cols := pb.Collections{Page: g.Page()}
	for _, f := range []func() error{
		func() error { return pb.Admin{Page: g.Page()}.Go("Collections") },
		func() error { return cols.Open(collection) },
		cols.EditCollection,
		func() error { return g.editor().Tab(tab) },
	} {
		if err := f(); err != nil {
			return g.Deviates(st, err)
		}
	}
	g.Note("Collections > %s, the cog (a button named \"Edit collection\"), then the tab %q", collection, tab)
	return nil
}

// Expand opens the OAuth2 section of the collection's options.
func (g WebGUI) Expand(st guide.Step) error {
	if err := g.editor().Expand(OAuth2); err != nil {
		return g.Deviates(st, err)
	}
	g.Note("%s expanded; its header says %q", OAuth2, g.editor().State(OAuth2))
	return nil
}

// Enable turns the OAuth2 section's switch on.
func (g WebGUI) Enable(st guide.Step) error {
	if err := g.editor().SetSwitch(OAuth2, Enable, true); err != nil {
		return g.Deviates(st, err)
	}
	on, err := g.editor().Checked(OAuth2, Enable)
	if err != nil {
		return g.Deviates(st, err)
	}
	if !on {
		return &steps.GuideError{Step: st.Number, Where: g.Guide().Where(st.Line), Says: st.Text, Saw: fmt.Sprintf("the switch %q stays off", Enable)}
	}
	g.Note("%s > %s: on", OAuth2, Enable)
	return nil
}

// AddProvider presses the OAuth2 section's button a reader takes for name
// ("Add provider") and waits for the list of providers.
func (g WebGUI) AddProvider(st guide.Step, name string) error {
	b, really, err := g.editor().SectionButton(OAuth2, name)
	if err != nil {
		return g.Deviates(st, err)
	}
	if really != name {
		g.Note("the button reads %q (the guide writes %q)", really, name)
	}
	if err := b.Click(); err != nil {
		return g.Deviates(st, err)
	}
	if err := (pb.ProviderPicker{Page: g.Page()}).WaitRendered(); err != nil {
		return g.Deviates(st, fmt.Errorf("after %q no list of providers appeared: %w", really, err))
	}
	return nil
}

// ChooseProvider picks the provider titled name in that list; its form opens.
func (g WebGUI) ChooseProvider(st guide.Step, name string) error {
	if _, err := (pb.ProviderPicker{Page: g.Page()}).Choose(name); err != nil {
		return g.Deviates(st, err)
	}
	g.Note("the provider %q: its form is open", name)
	return nil
}
