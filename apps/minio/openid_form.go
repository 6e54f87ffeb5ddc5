package minio

import (
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/apps/minio/pages"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// enterInformation is step 4: every sub-item "Label: value" of the guide is
// a form field found by its label. A `code` value is typed; "Leave Empty"
// leaves the field empty; "Enabled"/"Disabled" set a switch.
func (w scenario) enterInformation() error {
	st, err := w.GuideStep(4)
	if err != nil {
		return err
	}
	form := pages.OpenIDForm{Page: w.Page()}
	if err := form.WaitRendered(); err != nil {
		return w.Deviates(st, err)
	}
	for _, it := range st.Items {
		if err := w.enterItem(form, st, it); err != nil {
			return err
		}
	}
	// Read everything back: what the form holds is what Save will send.
	for _, it := range st.Items {
		if err := w.checkItem(form, st, it); err != nil {
			return err
		}
	}
	return nil
}

func (w scenario) enterItem(form pages.OpenIDForm, st guide.Step, it guide.Item) error {
	var err error
	switch {
	case it.Label == "":
		return w.ItemError(st, it, "the suite reads each entry as `Label: value` and this one has no label")
	case it.Literal:
		err = form.Fill(it.Label, it.Value)
		w.Note("%s: typed %q", it.Label, it.Value)
	case strings.EqualFold(it.Value, "Leave Empty"):
		w.Note("%s: left empty", it.Label)
		_, err = form.Input(it.Label)
	case strings.EqualFold(it.Value, "Enabled"), strings.EqualFold(it.Value, "Disabled"):
		on := strings.EqualFold(it.Value, "Enabled")
		err = form.Toggle(it.Label, on)
		w.Note("%s: switched %s", it.Label, it.Value)
	default:
		return w.ItemError(st, it, fmt.Sprintf("the suite does not know how to do %q in a form (it knows `a value`, Leave Empty, Enabled, Disabled)", it.Value))
	}
	if err != nil {
		return w.ItemError(st, it, err.Error())
	}
	return nil
}

func (w scenario) checkItem(form pages.OpenIDForm, st guide.Step, it guide.Item) error {
	switch {
	case it.Literal, strings.EqualFold(it.Value, "Leave Empty"):
		want := ""
		if it.Literal {
			want = it.Value
		}
		got, err := form.Value(it.Label)
		if err != nil {
			return w.ItemError(st, it, err.Error())
		}
		if got != want {
			return w.ItemError(st, it, fmt.Sprintf("the field holds %q", got))
		}
	default:
		on, err := form.Checked(it.Label)
		if err != nil {
			return w.ItemError(st, it, err.Error())
		}
		if on != strings.EqualFold(it.Value, "Enabled") {
			return w.ItemError(st, it, fmt.Sprintf("the switch is %s", onOff(on)))
		}
	}
	return nil
}

func onOff(on bool) string {
	if on {
		return "Enabled"
	}
	return "Disabled"
}

// pressSave is step 5: "Press `Save` at the bottom". MinIO validates the
// configuration by fetching the Config URL; its refusal is shown as an error.
func (w scenario) pressSave(button string) error {
	st, names, err := w.GuideCodes(5, 1, button)
	if err != nil {
		return err
	}
	name := names[0]
	if err := (pages.OpenIDForm{Page: w.Page()}).Save(name); err != nil {
		return w.Deviates(st, err)
	}
	console := pages.MinIOConsole{Page: w.Page()}
	// Either the restart offer appears (saved) or MinIO's error does.
	errBox := console.ErrorMessage()
	if err := console.RestartBanner().Or(errBox).First().WaitFor(playwright.LocatorWaitForOptions{Timeout: ui.TimeoutMs()}); err != nil {
		return w.Deviates(st, fmt.Errorf("after %s neither the offer of a restart nor an error appeared: %w", name, err))
	}
	if msg := console.Error(); msg != "" {
		return &steps.GuideError{Step: st.Number, Where: w.Guide().Where(st.Line), Says: st.Text, Saw: "MinIO refused the configuration: " + msg}
	}
	return nil
}
