package pages

import (
	"fmt"
	"slices"
	"strings"
	"time"

	ui "github.com/guidewalk/guidewalk/steps/pages"
	"github.com/mxschmitt/playwright-go"
)

// Buckets is the console's "Create Bucket" screen and the Object Browser's
// bucket list.
type Buckets struct{ Page playwright.Page }

// Create makes a bucket through the console and returns the access the
// Object Browser then shows for it (e.g. "R/W").
func (b Buckets) Create(name string) (string, error) {
	console := MinIOConsole{Page: b.Page}
	// Users whose policy allows bucket administration reach "Create Bucket" under "Buckets".
	if !slices.Contains(console.MenuEntries(), "Buckets") {
		return "", &ui.NotFound{What: "menu entry Buckets", Offered: console.MenuEntries()}
	}
	if err := console.Go("Buckets"); err != nil {
		return "", err
	}
	if err := console.ClickButton("Create Bucket"); err != nil {
		return "", err
	}
	in := b.Page.Locator("#bucket-name")
	if err := ui.Visible(in); err != nil {
		return "", err
	}
	if err := in.Fill(name); err != nil {
		return "", err
	}
	resp, err := b.Page.ExpectResponse(func(r playwright.Response) bool {
		return r.Request().Method() == "POST" && strings.HasSuffix(r.URL(), "/api/v1/buckets")
	}, func() error { return b.Page.Locator("#create-bucket").Click() }, playwright.PageExpectResponseOptions{Timeout: ui.TimeoutMs()})
	if err != nil {
		return "", err
	}
	if resp.Status() != 200 {
		body, _ := resp.Text()
		return "", fmt.Errorf("MinIO answered %d to creating the bucket: %s", resp.Status(), body)
	}
	// The Object Browser lists the buckets the session can see, with its access.
	if err := console.Go("Object Browser"); err != nil {
		return "", err
	}
	row := b.Page.GetByRole("row").Filter(playwright.LocatorFilterOptions{Has: b.Page.Locator("#browse-" + name)})
	if err := b.refreshUntil(row); err != nil {
		return "", &ui.NotFound{What: "bucket " + name + " in the Object Browser", Offered: ui.Texts(b.Page.GetByRole("row"))}
	}
	cells := ui.Texts(row.First().GetByRole("gridcell"))
	if len(cells) == 0 {
		return "", nil
	}
	return cells[len(cells)-1], nil
}

// refreshUntil presses the list's refresh button, as a user would, until row
// shows. MinIO may list a new bucket to a non-root session a moment late.
func (b Buckets) refreshUntil(row playwright.Locator) error {
	deadline := time.Now().Add(ui.Timeout)
	for {
		err := row.First().WaitFor(playwright.LocatorWaitForOptions{State: playwright.WaitForSelectorStateVisible, Timeout: playwright.Float(400)})
		if err == nil || time.Now().After(deadline) {
			return err
		}
		_, err = b.Page.ExpectResponse(func(r playwright.Response) bool {
			return r.Request().Method() == "GET" && strings.HasSuffix(r.URL(), "/api/v1/buckets")
		}, func() error { return b.Page.Locator("#refresh-buckets").Click() }, playwright.PageExpectResponseOptions{Timeout: ui.TimeoutMs()})
		if err != nil {
			return err
		}
	}
}
