package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/steps"
)

// module is the module whose root holds the suite (guidewalk_test.go).
const module = "github.com/guidewalk/guidewalk"

// verify runs the suite on a guide the way `make verify` does: go test in
// the repository's root, with the settings as GUIDEWALK_* variables. The
// suite is a test (godog under go test), so this is its one entry point.
func verify(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("verify", "[--guide GUIDE] [--sitevars ...] [--tags EXPR] [--artifacts DIR] [--authelia-image REF] [--app-image REF]", stderr)
	guidePath := fs.String("guide", "", "the guide to verify (default $"+steps.GuideVar+", else the project's copy "+steps.DefaultGuide+")")
	sitevars := fs.String("sitevars", "", `the docs' site variables, e.g. "domain=example.org" (default $`+steps.SitevarsVar+`)`)
	tags := fs.String("tags", "", "godog tag expression, e.g. '~@deviation' (default $GUIDEWALK_TAGS)")
	artifacts := fs.String("artifacts", "", "where reports, screenshots and traces go (default $"+steps.ArtifactsVar+", else the repository's artifacts/)")
	autheliaImage := fs.String("authelia-image", "", "the Authelia image to run instead of the guide's tested version (default $"+env.AutheliaImageVar+")")
	appImage := fs.String("app-image", "", "the application's image to run instead of the guide's tested version (default: the application's variable, e.g. $"+defaultImageVar+")")
	pos, err := parse(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	switch {
	case len(pos) == 1 && *guidePath == "":
		*guidePath = pos[0]
	case len(pos) > 0:
		fmt.Fprintf(stderr, "guidewalk verify: unexpected argument(s): %s\n", strings.Join(pos, " "))
		fs.Usage()
		return exitUsage
	}
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintf(stderr, "guidewalk verify: %v\n", err)
		return exitUsage
	}

	// go test runs in the root: paths given relative to here become absolute.
	set := map[string]string{}
	if *guidePath != "" {
		set[steps.GuideVar] = absolute(*guidePath)
	} else if p := os.Getenv(steps.GuideVar); p != "" {
		set[steps.GuideVar] = absolute(p)
	}
	if *artifacts == "" {
		*artifacts = os.Getenv(steps.ArtifactsVar)
	}
	if *artifacts == "" {
		*artifacts = filepath.Join(root, "artifacts") // where make verify puts them
	}
	set[steps.ArtifactsVar] = absolute(*artifacts)
	if *sitevars != "" {
		set[steps.SitevarsVar] = *sitevars
	}
	if *tags != "" {
		set["GUIDEWALK_TAGS"] = *tags
	}
	if *autheliaImage != "" {
		set[env.AutheliaImageVar] = *autheliaImage
	}
	if *appImage != "" {
		set[appImageVar(root, set[steps.GuideVar], *sitevars)] = *appImage
	}

	goCmd := os.Getenv("GO")
	if goCmd == "" {
		goCmd = "go"
	}
	cmd := exec.Command(goCmd, "test", "-count=1", "-timeout", "30m", "-run", "^TestGuide$", "-v", ".")
	cmd.Dir = root
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, stdout, stderr
	cmd.Env = os.Environ()
	for _, k := range slices.Sorted(maps.Keys(set)) {
		cmd.Env = append(cmd.Env, k+"="+set[k])
		fmt.Fprintf(stderr, "guidewalk verify: %s=%s\n", k, set[k])
	}
	fmt.Fprintf(stderr, "guidewalk verify: %s (in %s)\n", strings.Join(cmd.Args, " "), root)
	// Ctrl-C reaches go test and the suite too (one process group): the
	// suite removes its containers, and this process waits for it.
	signal.Ignore(os.Interrupt)
	defer signal.Reset(os.Interrupt)
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && ee.ExitCode() > 0 {
			return ee.ExitCode()
		}
		fmt.Fprintf(stderr, "guidewalk verify: %v\n", err)
		return exitFindings
	}
	return exitOK
}

// appImageVar is the variable that sets the image of the guide's
// application; the project's application when the guide says no other.
func appImageVar(root, path, sitevars string) string {
	if path == "" {
		path = filepath.Join(root, steps.DefaultGuide)
	}
	if sitevars == "" {
		sitevars = os.Getenv(steps.SitevarsVar)
	}
	if g, err := loadGuide(path, sitevars); err == nil {
		if a, err := steps.ApplicationFor(g); err == nil {
			return a.ImageVar()
		}
	}
	return defaultImageVar
}

func absolute(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// repoRoot is the guidewalk module's root: above the working directory (run
// inside the repository), else where this source file was compiled from
// (go run from elsewhere on a checkout).
func repoRoot() (string, error) {
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		starts = append(starts, filepath.Dir(file))
	}
	for _, dir := range starts {
		for {
			if isModuleRoot(dir) {
				return dir, nil
			}
			up := filepath.Dir(dir)
			if up == dir {
				break
			}
			dir = up
		}
	}
	return "", fmt.Errorf("no go.mod of module %s above %s: run inside the guidewalk repository", module, strings.Join(starts, " or "))
}

func isModuleRoot(dir string) bool {
	f, err := os.Open(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) == 2 && fields[0] == "module" {
			return strings.Trim(fields[1], `"`) == module
		}
	}
	return false
}
