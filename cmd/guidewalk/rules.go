package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/guidewalk/guidewalk/lint"
)

// rules lists the checker's rules: a table to read, or the README's
// Markdown table (--format markdown).
func rules(args []string, stdout, stderr io.Writer) int {
	flags := newFlags("rules", "[--format text|markdown]", stderr)
	format := flags.String("format", "text", "text or markdown (the README's table)")
	if _, err := parse(flags, args); err != nil {
		return flagStatus(err)
	}
	switch *format {
	case "markdown":
		fmt.Fprint(stdout, rulesTable())
	case "text":
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		for _, r := range lint.Rules() {
			fmt.Fprintf(w, "%s\t%s\t%s\n", r.Name, r.Severity, r.Doc)
		}
		w.Flush()
	default:
		fmt.Fprintf(stderr, "guidewalk rules: --format %q: want text or markdown\n", *format)
		return exitUsage
	}
	return exitOK
}

// rulesTable is the Markdown table of every rule, as the README holds it.
func rulesTable() string {
	var b strings.Builder
	b.WriteString("| Rule | Severity | What it checks | Example it reports |\n| --- | --- | --- | --- |\n")
	for _, r := range lint.Rules() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.Name, r.Severity, cell(r.Doc), cell(r.Example))
	}
	return b.String()
}
