package minio

import (
	"github.com/guidewalk/guidewalk/apps/minio/pages"
)

// goToMenu is step 2: "On the left hand menu, go to `Identity`, then `OpenID`".
func (w scenario) goToMenu(first, second string) error {
	st, names, err := w.GuideCodes(2, 2, first, second)
	if err != nil {
		return err
	}
	console := pages.MinIOConsole{Page: w.Page()}
	for _, name := range names {
		if err := console.Go(name); err != nil {
			return w.Deviates(st, err)
		}
	}
	return nil
}

// clickTopRight is step 3: "On the top right, click `Create Configuration`".
func (w scenario) clickTopRight(button string) error {
	st, names, err := w.GuideCodes(3, 1, button)
	if err != nil {
		return err
	}
	if err := (pages.MinIOConsole{Page: w.Page()}).ClickButton(names[0]); err != nil {
		return w.Deviates(st, err)
	}
	return (pages.OpenIDForm{Page: w.Page()}).WaitRendered()
}
