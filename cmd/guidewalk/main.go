// Command guidewalk checks and verifies an Authelia integration guide.
//
//	guidewalk check [--format text|json|sarif|markdown] [--fail-on error|warning|notice] [--features DIR] [--sitevars ...] PATH...
//	guidewalk verify [--guide GUIDE] [--sitevars ...] [--tags EXPR] [--artifacts DIR] [--authelia-image REF] [--app-image REF]
//	guidewalk images [--sitevars ...] [--authelia-image REF] [--app-image REF] GUIDE
//	guidewalk list [--features DIR] PATH...
//	guidewalk history [--since DATE] [--first-parent] [--format text|json|markdown] PATH...
//
// check needs neither Docker nor a browser, so a guide's author (or a pull
// request's workflow) hears in seconds what the full run would only say
// after minutes; it reads a whole docs tree of guides at once. verify is the full run: the suite's scenarios in a real
// browser against the real products. images names the images verify would
// run, so a workflow can pull them first.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	_ "github.com/guidewalk/guidewalk/apps" // every application, for steps.ApplicationFor
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1 // the check found problems in a guide (or the run failed)
	exitUsage    = 2 // bad arguments: no such path, a bad flag
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is main without the process: tests call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "check":
		return check(args[1:], stdout, stderr)
	case "verify":
		return verify(args[1:], stdout, stderr)
	case "images":
		return images(args[1:], stdout, stderr)
	case "list":
		return list(args[1:], stdout, stderr)
	case "rules":
		return rules(args[1:], stdout, stderr)
	case "history":
		return history(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "guidewalk: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage:
  guidewalk check [--format text|json|sarif|markdown|diff|suggestions] [--fail-on error|warning|notice] [--fix] [--disable RULE,...] [--new-from-rev REV] PATH...
      the offline checks of every guide in the files and folders named: its
      YAML, client secret digest, configuration methods, Assumptions and
      rendering agree; one "file:line: severity: message" per finding, and
      whether a browser run of guidewalk verifies the guide (exit 1 at a
      finding of --fail-on); --fix applies the fixes where one side is
      authoritative, --format diff prints them; with --new-from-rev, only
      the findings REV's version of the guide lacks
  guidewalk rules [--format text|markdown]
      the checker's rules: name, severity, what each checks, an example
  guidewalk history [--since DATE] [--first-parent] [--format text|json|markdown] PATH...
      in a git work tree: every commit that touched the guides, each distinct
      finding with the commit that brought it and the commit that fixed it
  guidewalk verify [--guide GUIDE] [flags]
      the guide's scenarios in a real browser against the real products
      (go test in the guidewalk repository; needs Docker)
  guidewalk images [--authelia-image REF] [--app-image REF] GUIDE
      the images verify would run, one per line
  guidewalk list PATH...
      the guides under the paths that guidewalk verifies in a browser, as
      JSON for a GitHub Actions matrix (guide, application, feature, images,
      written: "shape" or "program"); "guidewalk list -h" says how to add one
run "guidewalk COMMAND -h" for a command's flags
`)
}

// parse parses flags wherever they stand among the arguments ("check GUIDE
// --sitevars x" too) and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlags makes a command's flag set; errors and -h go to stderr.
func newFlags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: guidewalk %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// flagStatus is the exit status of a flag parsing error: -h is no error.
func flagStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

// sitevarsFlag defaults to $GUIDEWALK_SITEVARS, as the suite reads it.
func sitevarsFlag(fs *flag.FlagSet) *string {
	return fs.String("sitevars", os.Getenv("GUIDEWALK_SITEVARS"), `the docs' site variables, e.g. "domain=example.org,subdomain-authelia=login" (default $GUIDEWALK_SITEVARS)`)
}

// oneGuide is the single GUIDE argument.
func oneGuide(fs *flag.FlagSet, pos []string, stderr io.Writer) (string, bool) {
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "guidewalk %s: want one GUIDE, got %d argument(s) %q\n", fs.Name(), len(pos), pos)
		fs.Usage()
		return "", false
	}
	return pos[0], true
}
