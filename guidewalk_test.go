package guidewalk_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cucumber/godog"
	"github.com/cucumber/godog/colors"
	_ "github.com/guidewalk/guidewalk/apps" // every application, registered with steps
	"github.com/guidewalk/guidewalk/steps"
)

var tags = flag.String("guidewalk.tags", os.Getenv("GUIDEWALK_TAGS"), "godog tag expression, e.g. '~@deviation'")

// TestGuide runs the guide's scenarios; each scenario is a subtest.
func TestGuide(t *testing.T) {
	artifacts := os.Getenv(steps.ArtifactsVar)
	if artifacts == "" {
		artifacts = "artifacts"
		t.Setenv(steps.ArtifactsVar, artifacts)
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	// The feature that transcribes the guide under test; when the guide
	// cannot be read, every feature runs and fails with set-up's error.
	paths := []string{"features"}
	if g, err := steps.LoadGuide(steps.GuidePath()); err == nil {
		if choice, err := steps.FeaturesFor(g, "features"); err == nil {
			paths = choice.Paths
		}
	}
	if err := steps.Plan(paths, *tags); err != nil {
		t.Fatal(err)
	}
	// Set-up first: when it fails, it is said once and no scenario runs.
	if err := steps.Setup(); err != nil {
		steps.Teardown()
		t.Fatalf("set-up failed, no scenario ran: %v", err)
	}
	junit, cucumber := filepath.Join(artifacts, "junit.xml"), filepath.Join(artifacts, "cucumber.json")
	format := fmt.Sprintf("pretty,junit:%s,cucumber:%s", junit, cucumber)
	status := godog.TestSuite{
		Name:                 "guidewalk",
		TestSuiteInitializer: steps.InitializeTestSuite,
		ScenarioInitializer:  steps.InitializeScenario,
		Options: &godog.Options{
			Format: format,
			Output: colors.Colored(steps.RedactingWriter(os.Stdout)),
			Paths:  paths,
			Tags:   *tags,
			// Scenarios run at the same time, each in its own browser
			// context; output stays per scenario.
			Concurrency: steps.Concurrency(),
			Strict:      true,
			TestingT:    t,
		},
	}.Run()
	steps.Current().RedactFiles(junit, cucumber)
	// Every step's picture shows the page it ended on, never a blank one.
	if blank, checked, err := steps.BlankScreenshots(filepath.Join(artifacts, "screenshots")); err != nil {
		t.Errorf("reading the screenshots: %v", err)
	} else if len(blank) > 0 {
		t.Errorf("%d of %d screenshots are blank (one colour): %v", len(blank), checked, blank)
	}
	// ... nor a loading indicator in its stead (checked in the page when
	// each picture is taken: a spinner, or a text that is only "Loading...").
	if busy, taken := steps.Current().BusyScreenshots(); len(busy) > 0 {
		t.Errorf("%d of %d screenshots show a loading indicator instead of their page: %v", len(busy), taken, busy)
	}
	if status != 0 {
		t.Fatalf("the guide's scenarios failed (godog status %d); see %s/report.html", status, artifacts)
	}
}

// InitializeTestSuite and InitializeScenario let the godog CLI run the same
// suite from the repo root (`godog run`).
func InitializeTestSuite(ctx *godog.TestSuiteContext) { steps.InitializeTestSuite(ctx) }

// InitializeScenario: see InitializeTestSuite.
func InitializeScenario(ctx *godog.ScenarioContext) { steps.InitializeScenario(ctx) }
