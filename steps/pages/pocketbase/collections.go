package pocketbase

import (
	"fmt"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// Collections is Collections in the settings dashboard: the list of
// collections on the left, a collection's records on the right, with the
// cog that edits the collection beside its name.
type Collections struct{ Page playwright.Page }

// list is the column listing the collections (it has the search box).
func (c Collections) list() playwright.Locator {
	return c.Page.GetByRole("complementary").Filter(playwright.LocatorFilterOptions{
		Has: c.Page.GetByPlaceholder("Search collections..."),
	})
}

// Names lists the collections the column shows.
func (c Collections) Names() []string { return ui.Texts(c.list().GetByRole("link")) }

func (c Collections) newRecord() playwright.Locator {
	return c.Page.GetByRole("button", playwright.PageGetByRoleOptions{Name: nameRe("New record")})
}

// Open shows the collection named name.
func (c Collections) Open(name string) error {
	if err := ui.Visible(c.list()); err != nil {
		return err
	}
	l := c.list().GetByRole("link", playwright.LocatorGetByRoleOptions{Name: name, Exact: playwright.Bool(true)})
	if n, _ := l.Count(); n == 0 {
		return &ui.NotFound{What: "collection " + name, Offered: c.Names()}
	}
	if err := l.First().Click(); err != nil {
		return err
	}
	// The records' header (breadcrumbs, buttons) is drawn with the list.
	return ui.Visible(c.newRecord())
}

// cog is the button drawn as a cog beside the collection's name; its only
// name is the one it gives assistive technology.
func (c Collections) cog() playwright.Locator { return ui.Button(c.Page, "Edit collection") }

// HeaderButtons are the buttons beside the collection's name and above its records.
func (c Collections) HeaderButtons() []string {
	var out []string
	for _, b := range []string{"Edit collection", "Refresh"} {
		if v, _ := ui.Button(c.Page, b).IsVisible(); v {
			out = append(out, b+" (icon)")
		}
	}
	return append(out, ui.Texts(c.Page.GetByRole("main").GetByRole("button"))...)
}

// EditCollection clicks the cog and waits for "Edit collection". The cog is
// drawn with the header or not at all (when the settings hide it).
func (c Collections) EditCollection() error {
	if err := ui.Visible(c.newRecord()); err != nil {
		return err
	}
	if v, _ := c.cog().IsVisible(); !v {
		return &ui.NotFound{What: "cog beside the collection's name (a button \"Edit collection\")", Offered: c.HeaderButtons()}
	}
	if err := c.cog().Click(); err != nil {
		return err
	}
	return CollectionEditor{Page: c.Page}.WaitRendered()
}

// NewRecord presses "New record" and waits for its form.
func (c Collections) NewRecord() (RecordForm, error) {
	f := RecordForm{Page: c.Page}
	if err := ui.Visible(c.newRecord()); err != nil {
		return f, &ui.NotFound{What: "button New record", Offered: c.HeaderButtons()}
	}
	if err := c.newRecord().Click(); err != nil {
		return f, err
	}
	return f, ui.Visible(f.heading())
}

// HasRecordWith says whether the records list shows a cell reading text.
func (c Collections) HasRecordWith(text string) bool {
	cell := c.Page.GetByRole("cell", playwright.PageGetByRoleOptions{Name: text, Exact: playwright.Bool(true)})
	return ui.Visible(cell) == nil
}

// RecordForm is "New <collection> record".
type RecordForm struct{ Page playwright.Page }

func (f RecordForm) heading() playwright.Locator {
	return f.Page.GetByRole("heading", playwright.PageGetByRoleOptions{Name: nameRe("New users record")})
}

// Labels lists the form's field labels.
func (f RecordForm) Labels() []string { return ui.Texts(f.Page.Locator("form label")) }

// Fill types value into the field labelled label (case aside: the form
// labels its fields by their names, such as "email").
func (f RecordForm) Fill(label, value string) error {
	in := f.Page.GetByLabel(labelRe(label))
	if n, _ := in.Count(); n == 0 {
		return &ui.NotFound{What: fmt.Sprintf("field labelled %q", label), Offered: f.Labels()}
	}
	return in.First().Fill(value)
}

// Create presses Create and waits for PocketBase's confirmation.
func (f RecordForm) Create() error {
	if err := ui.Button(f.Page, "Create").Click(); err != nil {
		return err
	}
	return Admin{Page: f.Page}.WaitSuccess("Successfully created record.")
}
