package steps

import (
	"github.com/guidewalk/guidewalk/steps/pages"
)

// goToMenu is step 2: "On the left hand menu, go to `Identity`, then `OpenID`".
func (w *World) goToMenu(first, second string) error {
	st, names, err := w.guideCodes(2, 2, first, second)
	if err != nil {
		return err
	}
	console := pages.MinIOConsole{Page: w.page}
	for _, name := range names {
		if err := console.Go(name); err != nil {
			return w.deviates(st, err)
		}
	}
	return nil
}

// clickTopRight is step 3: "On the top right, click `Create Configuration`".
func (w *World) clickTopRight(button string) error {
	st, names, err := w.guideCodes(3, 1, button)
	if err != nil {
		return err
	}
	if err := (pages.MinIOConsole{Page: w.page}).ClickButton(names[0]); err != nil {
		return w.deviates(st, err)
	}
	return (pages.OpenIDForm{Page: w.page}).WaitRendered()
}
