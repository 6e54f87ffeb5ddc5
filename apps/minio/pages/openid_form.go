package pages

import (
	"fmt"
	"regexp"
	"strings"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// OpenIDForm is "Create OpenID Configuration". Its fields are found by their
// visible label: the two toggles share one element id.
type OpenIDForm struct {
	Page playwright.Page
}

func (f OpenIDForm) form() playwright.Locator { return f.Page.Locator("form").First() }

// WaitRendered waits for the form.
func (f OpenIDForm) WaitRendered() error { return ui.Visible(f.form().Locator("input").First()) }

// Labels lists the form's field labels.
func (f OpenIDForm) Labels() []string {
	var out []string
	for _, t := range ui.Texts(f.form().Locator("label")) {
		out = append(out, strings.TrimSuffix(t, "*"))
	}
	return out
}

// row is the field's box: the nearest ancestor of its label that also holds
// a control. Required fields show their label with a trailing "*".
func (f OpenIDForm) row(label string) (playwright.Locator, error) {
	exact := f.form().Locator("label").Filter(playwright.LocatorFilterOptions{
		HasText: regexp.MustCompile(`^\s*` + regexp.QuoteMeta(label) + `\*?\s*$`),
	})
	if n, _ := exact.Count(); n == 0 {
		return nil, &ui.NotFound{What: fmt.Sprintf("field labelled %q", label), Offered: f.Labels()}
	}
	return exact.First().Locator("xpath=ancestor::*[.//input][1]"), nil
}

// Input is the text input labelled label.
func (f OpenIDForm) Input(label string) (playwright.Locator, error) {
	row, err := f.row(label)
	if err != nil {
		return nil, err
	}
	return row.Locator("input").First(), nil
}

// Fill types value into the field labelled label.
func (f OpenIDForm) Fill(label, value string) error {
	in, err := f.Input(label)
	if err != nil {
		return err
	}
	return in.Fill(value)
}

// Value reads the field labelled label.
func (f OpenIDForm) Value(label string) (string, error) {
	in, err := f.Input(label)
	if err != nil {
		return "", err
	}
	return in.InputValue()
}

// Toggle sets the switch labelled label on or off, by clicking the switch
// as a user does (its checkbox is hidden behind it).
func (f OpenIDForm) Toggle(label string, on bool) error {
	in, err := f.Input(label)
	if err != nil {
		return err
	}
	if t, _ := in.GetAttribute("type"); t != "checkbox" {
		return &ui.NotFound{What: fmt.Sprintf("switch labelled %q (it is a %s field)", label, t)}
	}
	if checked, err := in.IsChecked(); err != nil || checked == on {
		return err
	}
	return in.Locator("xpath=..").Click()
}

// Checked reads the switch labelled label.
func (f OpenIDForm) Checked(label string) (bool, error) {
	in, err := f.Input(label)
	if err != nil {
		return false, err
	}
	return in.IsChecked()
}

// Save presses the form's button labelled name.
func (f OpenIDForm) Save(name string) error {
	b := f.form().GetByRole("button", playwright.LocatorGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
	if n, _ := b.Count(); n == 0 {
		return &ui.NotFound{What: "button " + name, Offered: ui.Texts(f.form().Locator("button"))}
	}
	if d, _ := b.First().IsDisabled(); d {
		return fmt.Errorf("the %q button is disabled: a required field is empty", name)
	}
	return b.First().Click()
}
