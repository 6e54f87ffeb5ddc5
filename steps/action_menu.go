package steps

import (
	"github.com/guidewalk/guidewalk/steps/pages"
)

// goToMenu is step 2: "On the left hand menu, go to `Identity`, then `OpenID`".
func (w *World) goToMenu(first, second string) error {
	words := []string{first, second}
	if first == "" {
		words = nil
	}
	st, err := w.guideStep(2, words...)
	if err != nil {
		return err
	}
	console := pages.MinIOConsole{Page: w.page}
	for i := range 2 {
		name, err := w.code(st, i)
		if err != nil {
			return err
		}
		if err := console.Go(name); err != nil {
			return w.deviates(st, err)
		}
	}
	return nil
}

// clickTopRight is step 3: "On the top right, click `Create Configuration`".
func (w *World) clickTopRight(button string) error {
	var words []string
	if button != "" {
		words = []string{button}
	}
	st, err := w.guideStep(3, words...)
	if err != nil {
		return err
	}
	name, err := w.code(st, 0)
	if err != nil {
		return err
	}
	if err := (pages.MinIOConsole{Page: w.page}).ClickButton(name); err != nil {
		return w.deviates(st, err)
	}
	return (pages.OpenIDForm{Page: w.page}).WaitRendered()
}
