package pocketbase

import (
	"fmt"
	"regexp"
	"strings"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// CollectionEditor is "Edit collection", the panel the cog opens: the
// tabs Fields, API Rules and Options; under Options, one expandable section
// per way to sign in (Identity/Password, OAuth2, ...); Cancel and
// "Save changes" at the bottom.
type CollectionEditor struct{ Page playwright.Page }

func (e CollectionEditor) heading() playwright.Locator {
	return ui.Heading(e.Page, "Edit collection")
}

func (e CollectionEditor) panel() playwright.Locator {
	return overlayPanel(e.Page, e.heading())
}

// WaitRendered waits for the panel's heading.
func (e CollectionEditor) WaitRendered() error { return ui.Visible(e.heading()) }

// Buttons lists the panel's buttons as a reader reads them.
func (e CollectionEditor) Buttons() []string { return ui.Texts(e.panel().GetByRole("button")) }

// Tab selects the tab named name.
func (e CollectionEditor) Tab(name string) error {
	t := e.panel().GetByRole("button", playwright.LocatorGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
	if n, _ := t.Count(); n == 0 {
		return &ui.NotFound{What: "tab " + name, Offered: e.Buttons()}
	}
	return t.First().Click()
}

// header is the header of the expandable section headed name: a button
// named by an icon, the name and its state ("Disabled").
func (e CollectionEditor) header(name string) playwright.Locator {
	return e.panel().GetByRole("button", playwright.LocatorGetByRoleOptions{Name: e.headerName(name)})
}

func (e CollectionEditor) headerName(name string) *regexp.Regexp {
	return regexp.MustCompile(`^\W*` + regexp.QuoteMeta(name) + `\b`)
}

// section is the expandable section: the header and what it expands.
func (e CollectionEditor) section(name string) playwright.Locator {
	return e.header(name).First().Locator("xpath=..")
}

// Sections lists the headers of the expandable sections.
func (e CollectionEditor) Sections() []string {
	var out []string
	for _, t := range ui.Texts(e.panel().Locator("button[aria-expanded]")) {
		out = append(out, strings.Join(strings.Fields(t), " "))
	}
	return out
}

// Expand opens the section headed name, unless it is open.
func (e CollectionEditor) Expand(name string) error {
	h := e.header(name)
	if err := ui.Visible(h); err != nil {
		return &ui.NotFound{What: "section " + name, Offered: e.Sections()}
	}
	if x, _ := h.First().GetAttribute("aria-expanded"); x == "true" {
		return nil
	}
	if err := h.First().Click(); err != nil {
		return err
	}
	return ui.Visible(e.panel().GetByRole("button", playwright.LocatorGetByRoleOptions{Name: e.headerName(name), Expanded: playwright.Bool(true)}))
}

// State is what the section's header says of it ("Enabled", "1 provider Enabled").
func (e CollectionEditor) State(name string) string {
	t := strings.Join(strings.Fields(ui.FirstText(e.header(name))), " ")
	return strings.TrimSpace(strings.TrimPrefix(t, name))
}

// SectionSwitches lists the switches of the section headed name.
func (e CollectionEditor) SectionSwitches(name string) []string {
	return ui.Texts(e.section(name).Locator("xpath=.//input[@type='checkbox']/following-sibling::label"))
}

// SetSwitch turns the switch labelled label in the section headed section
// on or off, by clicking its label as a user does.
func (e CollectionEditor) SetSwitch(section, label string, on bool) error {
	s := e.section(section)
	box := s.GetByRole("checkbox", playwright.LocatorGetByRoleOptions{Name: nameRe(label)})
	if n, _ := box.Count(); n == 0 {
		return &ui.NotFound{What: fmt.Sprintf("switch %q in %s", label, section), Offered: e.SectionSwitches(section)}
	}
	return setSwitch(box.First(), s.GetByText(label, playwright.LocatorGetByTextOptions{Exact: playwright.Bool(true)}).First(), on)
}

// Checked reads the switch labelled label in the section headed section.
func (e CollectionEditor) Checked(section, label string) (bool, error) {
	box := e.section(section).GetByRole("checkbox", playwright.LocatorGetByRoleOptions{Name: nameRe(label)})
	if n, _ := box.Count(); n == 0 {
		return false, &ui.NotFound{What: fmt.Sprintf("switch %q in %s", label, section), Offered: e.SectionSwitches(section)}
	}
	return box.First().IsChecked()
}

// SectionButton is the button of the section headed section that a reader
// takes for name: named name exactly, else one whose name differs only in
// case. It returns the button and the name it really has.
func (e CollectionEditor) SectionButton(section, name string) (playwright.Locator, string, error) {
	s := e.section(section)
	for _, re := range []*regexp.Regexp{nameRe(name), regexp.MustCompile(`(?i)` + nameRe(name).String())} {
		b := s.GetByRole("button", playwright.LocatorGetByRoleOptions{Name: re})
		if n, _ := b.Count(); n > 0 {
			return b.First(), strings.TrimSpace(ui.FirstText(b)), nil
		}
	}
	return nil, "", &ui.NotFound{What: fmt.Sprintf("button %s in %s", name, section), Offered: ui.Texts(s.GetByRole("button"))}
}

// Providers lists the providers the OAuth2 section holds, by the display
// name its tiles show.
func (e CollectionEditor) Providers(section string) []string {
	var out []string
	tiles := e.section(section).Locator("figure").Locator("xpath=..")
	for _, t := range ui.Texts(tiles) {
		first, _, _ := strings.Cut(t, "\n")
		out = append(out, strings.TrimSpace(first))
	}
	return out
}

// Save presses the button at the bottom a reader takes for name: named name
// exactly, else one whose name begins with it ("Save changes" for "Save").
// It returns the name the button really has.
func (e CollectionEditor) Save(name string) (string, error) {
	for _, re := range []*regexp.Regexp{nameRe(name), regexp.MustCompile(`^\W*` + regexp.QuoteMeta(name) + `\b`)} {
		b := e.panel().GetByRole("button", playwright.LocatorGetByRoleOptions{Name: re})
		if n, _ := b.Count(); n == 0 {
			continue
		}
		really := strings.TrimSpace(ui.FirstText(b.Last()))
		if d, _ := b.Last().IsDisabled(); d {
			return really, fmt.Errorf("the %q button is disabled: nothing changed", really)
		}
		return really, b.Last().Click()
	}
	return "", &ui.NotFound{What: "button " + name, Offered: e.Buttons()}
}

// WaitSaved waits for PocketBase's confirmation, then for the panel to close.
func (e CollectionEditor) WaitSaved() error {
	if err := (Admin{Page: e.Page}).WaitSuccess("Successfully updated collection."); err != nil {
		return err
	}
	return e.heading().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateHidden, Timeout: ui.TimeoutMs()})
}

// ProviderPicker is "Add OAuth2 provider": one tile per provider.
type ProviderPicker struct{ Page playwright.Page }

func (p ProviderPicker) heading() playwright.Locator {
	return ui.Heading(p.Page, "Add OAuth2 provider")
}

func (p ProviderPicker) panel() playwright.Locator {
	return overlayPanel(p.Page, p.heading())
}

// WaitRendered waits for the picker's heading.
func (p ProviderPicker) WaitRendered() error { return ui.Visible(p.heading()) }

// Names lists the providers' titles as the tiles show them.
func (p ProviderPicker) Names() []string {
	var out []string
	for _, t := range ui.Texts(p.panel().GetByRole("button")) {
		first, _, _ := strings.Cut(t, "\n")
		out = append(out, strings.TrimSpace(first))
	}
	return out
}

// Choose clicks the tile titled name (not "(2) name") and waits for its form.
func (p ProviderPicker) Choose(name string) (ProviderForm, error) {
	f := ProviderForm{Page: p.Page, Provider: name}
	if err := p.WaitRendered(); err != nil {
		return f, err
	}
	tile := p.panel().GetByRole("button").Filter(playwright.LocatorFilterOptions{
		Has: p.Page.GetByText(name, playwright.PageGetByTextOptions{Exact: playwright.Bool(true)}),
	})
	if n, _ := tile.Count(); n == 0 {
		return f, &ui.NotFound{What: "provider " + name, Offered: p.Names()}
	}
	if err := tile.First().Click(); err != nil {
		return f, err
	}
	return f, f.WaitRendered()
}

// ProviderForm is the form of one provider ("OpenID Connect (oidc)"):
// text fields, and "Fetch user info from", a select drawn as a button that
// opens a menu. Fields are found by their visible label.
type ProviderForm struct {
	Page     playwright.Page
	Provider string // its title, e.g. "OpenID Connect"
}

func (f ProviderForm) heading() playwright.Locator {
	return f.Page.GetByRole("heading", playwright.PageGetByRoleOptions{Name: regexp.MustCompile(`^` + regexp.QuoteMeta(f.Provider) + `( \(.*\))?$`)})
}

func (f ProviderForm) panel() playwright.Locator {
	return overlayPanel(f.Page, f.heading())
}

func (f ProviderForm) form() playwright.Locator { return f.panel().Locator("form").First() }

// WaitRendered waits for the form's heading.
func (f ProviderForm) WaitRendered() error { return ui.Visible(f.heading()) }

// Labels lists the form's field labels.
func (f ProviderForm) Labels() []string { return ui.Texts(f.form().Locator("label")) }

// row is the field's box: the nearest ancestor of its label that also holds
// a control (an input, or a select's button).
func (f ProviderForm) row(label string) (playwright.Locator, error) {
	l := f.form().Locator("label").Filter(playwright.LocatorFilterOptions{HasText: labelRe(label)})
	if n, _ := l.Count(); n == 0 {
		return nil, &ui.NotFound{What: fmt.Sprintf("field labelled %q", label), Offered: f.Labels()}
	}
	return l.First().Locator("xpath=ancestor::*[.//input or .//*[@role='button']][1]"), nil
}

func (f ProviderForm) selectOf(row playwright.Locator) playwright.Locator {
	return row.Locator("[role=button][aria-expanded]").First()
}

// IsSelect says whether the field labelled label is a select.
func (f ProviderForm) IsSelect(label string) (bool, error) {
	row, err := f.row(label)
	if err != nil {
		return false, err
	}
	n, _ := row.Locator("input").Count()
	return n == 0, nil
}

// Fill types value into the text field labelled label.
func (f ProviderForm) Fill(label, value string) error {
	row, err := f.row(label)
	if err != nil {
		return err
	}
	return row.Locator("input").First().Fill(value)
}

// Choose opens the select labelled label and picks option.
func (f ProviderForm) Choose(label, option string) error {
	row, err := f.row(label)
	if err != nil {
		return err
	}
	if err := f.selectOf(row).Click(); err != nil {
		return err
	}
	opts := row.GetByRole("menuitem")
	if err := ui.Visible(opts); err != nil {
		return &ui.NotFound{What: "list opened by " + label}
	}
	o := row.GetByRole("menuitem", playwright.LocatorGetByRoleOptions{Name: option, Exact: playwright.Bool(true)})
	if n, _ := o.Count(); n == 0 {
		offered := ui.Texts(opts)
		_ = f.Page.Keyboard().Press("Escape")
		return &ui.NotFound{What: fmt.Sprintf("option %q of %q", option, label), Offered: offered}
	}
	return o.First().Click()
}

// Value reads the field labelled label: a text field's value, or the option
// a select shows.
func (f ProviderForm) Value(label string) (string, error) {
	row, err := f.row(label)
	if err != nil {
		return "", err
	}
	if n, _ := row.Locator("input").Count(); n > 0 {
		return row.Locator("input").First().InputValue()
	}
	t, err := f.selectOf(row).InnerText()
	return strings.TrimSpace(t), err
}

// SetConfig presses the button at the bottom of the form ("Set provider
// config") and waits until the form closes.
func (f ProviderForm) SetConfig() (string, error) {
	b := f.panel().GetByRole("button", playwright.LocatorGetByRoleOptions{Name: "Set provider config", Exact: playwright.Bool(true)})
	if n, _ := b.Count(); n == 0 {
		return "", &ui.NotFound{What: "button Set provider config", Offered: ui.Texts(f.panel().GetByRole("button"))}
	}
	if err := b.Click(); err != nil {
		return "", err
	}
	if err := f.heading().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateHidden, Timeout: ui.TimeoutMs()}); err != nil {
		if msg := (Admin{Page: f.Page}).FieldErrors(); len(msg) > 0 {
			return "", fmt.Errorf("the form stayed open, saying %s", ui.QuoteAll(msg))
		}
		return "", err
	}
	return "Set provider config", nil
}

// Visible says whether the form is open now.
func (f ProviderForm) Visible() (bool, error) { return f.heading().IsVisible() }

// overlayPanel is PocketBase's side panel that holds heading: the panel has
// no role, only a class.
func overlayPanel(p playwright.Page, heading playwright.Locator) playwright.Locator {
	return p.Locator(".overlay-panel").Filter(playwright.LocatorFilterOptions{Has: heading})
}
