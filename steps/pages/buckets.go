package pages

import "github.com/mxschmitt/playwright-go"

// Buckets is the console's bucket list and its "Create Bucket" screen.
type Buckets struct{ Page playwright.Page }

// Create makes a bucket through the console and waits until it is shown.
func (b Buckets) Create(name string) error {
	console := MinIOConsole{Page: b.Page}
	if err := console.Go("Buckets"); err != nil {
		return err
	}
	if err := console.ClickButton("Create Bucket"); err != nil {
		return err
	}
	in := b.Page.Locator("#bucket-name")
	if err := visible(in); err != nil {
		return err
	}
	if err := in.Fill(name); err != nil {
		return err
	}
	if err := console.ClickButton("Create Bucket"); err != nil {
		return err
	}
	return visible(b.Page.GetByText(name))
}
