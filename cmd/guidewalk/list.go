package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/guidewalk/guidewalk/steps"
)

// Verifiable is one guide guidewalk can verify in a browser: one job of a
// GitHub Actions matrix.
type Verifiable struct {
	Guide       string   `json:"guide"`
	Application string   `json:"application"`
	Feature     string   `json:"feature"`
	Images      []string `json:"images"`
	// Written says how its application folder is written: "shape" (one
	// steps.Shape value) or "program" (its own steps and page objects).
	Written string `json:"written"`
}

// addingAGuide is the path of a guide of the common shape into the list,
// in the order a contributor writes it (README, "Adding a guide").
const addingAGuide = `A guide that is not listed is verified once a contributor writes, in order:
  1. apps/<app>/<app>.go: its steps.Shape (image, port, readiness path, where a
     configuration file goes, the sign-in control's name, what proves a login,
     the admin page), registered in init with steps.RegisterShape
  2. apps/apps.go: one import line for the folder
  3. features/<app>/<app>.feature: the guide's methods in its own words, with
     the suite's steps ("<App> is configured as the guide's "<method>" method
     says", "I click <App>'s button to log in", "I login as", "I am logged in
     to <App> as", "<App>'s admin panel opens for me"), "# guide:" above each
  4. Makefile: the guide in UPSTREAM_GUIDES; then GUIDEWALK_GUIDE=<guide> make verify
Go beyond the Shape only for what it does not cover (steps.Shape.Steps).
`

// list prints, as JSON for strategy.matrix (fromJSON), the guides under the
// paths that an application of guidewalk and a feature transcribe.
func list(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("list", "[--features DIR] [--sitevars ...] PATH...\n\n"+addingAGuide, stderr)
	featuresDir := fs.String("features", "", "the feature files' root, one folder per guide title (default the features built into guidewalk)")
	sitevars := sitevarsFlag(fs)
	paths, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "guidewalk list: want at least one PATH (a guide or a folder of guides)")
		fs.Usage()
		return exitUsage
	}
	featureFS, featureRoot, err := featuresAt(*featuresDir)
	if err != nil {
		fmt.Fprintf(stderr, "guidewalk list: %v\n", err)
		return exitUsage
	}
	guides, err := guidesIn(paths)
	if err != nil {
		fmt.Fprintf(stderr, "guidewalk list: %v\n", err)
		return exitUsage
	}
	out := struct {
		Include []Verifiable `json:"include"`
	}{Include: []Verifiable{}}
	for _, p := range guides {
		g, err := loadGuide(p, *sitevars)
		if err != nil {
			continue // not readable by the suite: not verifiable (check says why)
		}
		a, err := steps.ApplicationFor(g)
		if err != nil {
			continue
		}
		choice, err := steps.FeaturesForFS(g, featureFS, featureRoot)
		if err != nil || len(choice.Findings) > 0 {
			continue // no feature transcribes this form of the guide
		}
		images, err := imageRefs(g, "", "")
		if err != nil {
			continue
		}
		written := "program"
		if steps.IsShape(a) {
			written = "shape"
		}
		out.Include = append(out.Include, Verifiable{Guide: p, Application: a.Product(), Feature: strings.Join(choice.Paths, ","), Images: images, Written: written})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(stderr, "guidewalk list: %v\n", err)
		return exitUsage
	}
	return exitOK
}
