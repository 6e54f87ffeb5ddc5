package main

import (
	"fmt"
	"io"
	"os"

	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/steps"
)

// defaultImageVar is the variable --app-image sets when the guide cannot be
// read to say which application it is: the project's own guide's (MinIO's,
// as apps/minio names it; a test holds the two together).
const defaultImageVar = "GUIDEWALK_MINIO_IMAGE"

// images prints the images verify would run for a guide, one a line, for a
// workflow to pull (with progress and retries of its own) before the run.
func images(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("images", "[--authelia-image REF] [--app-image REF] [--sitevars ...] GUIDE", stderr)
	autheliaImage := fs.String("authelia-image", os.Getenv(env.AutheliaImageVar), "the Authelia image instead of the one the guide's Tested Versions name (default $"+env.AutheliaImageVar+")")
	appImage := fs.String("app-image", "", "the application's image instead of the one the guide's Tested Versions name (default: the application's variable, e.g. $"+defaultImageVar+")")
	sitevars := sitevarsFlag(fs)
	g, status, ok := readGuide(fs, args, sitevars, stderr)
	if !ok {
		return status
	}
	refs, err := imageRefs(g, *autheliaImage, *appImage)
	if err != nil {
		fmt.Fprintf(stderr, "guidewalk images: %v\n", err)
		return exitFindings
	}
	for _, r := range refs {
		fmt.Fprintln(stdout, r)
	}
	return exitOK
}

// imageRefs are the images the suite runs for g, as it chooses them: an
// override, else the official image of the Tested Version.
func imageRefs(g *guide.Guide, autheliaImage, appImage string) ([]string, error) {
	a, err := steps.ApplicationFor(g)
	if err != nil {
		return nil, err
	}
	if appImage == "" {
		appImage = os.Getenv(a.ImageVar())
	}
	var out []string
	for _, p := range []struct {
		product, override, variable string
		image                       func(string) string
	}{
		{"Authelia", autheliaImage, env.AutheliaImageVar, env.AutheliaImage},
		{a.Product(), appImage, a.ImageVar(), a.Image},
	} {
		if p.override != "" {
			out = append(out, p.override)
			continue
		}
		if fixed := p.image(""); fixed == p.image("0") {
			out = append(out, fixed) // an image that names no version
			continue
		}
		v, err := g.Version(p.product)
		if err != nil {
			return nil, fmt.Errorf("%w (or set %s)", err, p.variable)
		}
		out = append(out, p.image(v.Version))
	}
	if sv, ok := a.(steps.Services); ok {
		for _, d := range sv.Services() {
			out = append(out, d.Image)
		}
	}
	return out, nil
}
