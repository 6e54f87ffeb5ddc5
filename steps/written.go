package steps

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
)

// Written says the application is the guide's own code (a developer guide
// such as Express.js's): the guide's commands (the shell blocks of its
// Application section that configure nothing, before the program's block)
// run in a fresh folder on the host, as a reader runs them; the program (the
// block titled Program) goes into the folder they end in; the image runs Run
// there, the method's variables as its environment.
type Written struct {
	Program string   // the program's block title: "server.js"
	Run     []string // what runs it: "node", "server.js"
}

// AppDir is where the folder the guide's commands made is mounted.
const AppDir = "/app"

// written is the folder the guide's commands made, once per guide.
type written struct {
	once sync.Once
	dir  string
	err  error
}

var writtenFor sync.Map // guide path -> *written

// prepare runs the guide's commands and writes its program, once for all
// instances of the run, and mounts the folder at AppDir.
func (w Written) prepare(g *guide.Guide) func(context.Context, string, *env.Logger) (map[string]string, error) {
	return func(ctx context.Context, dir string, log *env.Logger) (map[string]string, error) {
		v, _ := writtenFor.LoadOrStore(g.Path, &written{})
		wr := v.(*written)
		wr.once.Do(func() { wr.dir, wr.err = w.build(ctx, g, dir, log) })
		if wr.err != nil {
			return nil, wr.err
		}
		return map[string]string{AppDir: wr.dir}, nil
	}
}

// Commands are the guide's blocks of commands before its program, and the
// program's block.
func (w Written) Commands(g *guide.Guide) ([]guide.Block, guide.Block, error) {
	var methodLines []int
	for _, m := range g.Methods {
		methodLines = append(methodLines, m.Block.Line)
	}
	var cmds []guide.Block
	for _, b := range g.Blocks {
		if b.Title == w.Program {
			if len(cmds) == 0 {
				return nil, b, fmt.Errorf("%s: the guide gives no commands before its %s block", g.Where(b.Line), w.Program)
			}
			return cmds, b, nil
		}
		if lang := strings.ToLower(b.Lang); (lang == "shell" || lang == "sh" || lang == "bash") && !slices.Contains(methodLines, b.Line) {
			cmds = append(cmds, b)
		}
	}
	return nil, guide.Block{}, fmt.Errorf("%s: the Application section has no block titled %s, the program the guide writes", g.Where(g.ApplicationLine), w.Program)
}

// build runs the commands in dir/work with the host's tools and writes the
// program where they end; it returns that folder.
func (w Written) build(ctx context.Context, g *guide.Guide, dir string, log *env.Logger) (string, error) {
	cmds, program, err := w.Commands(g)
	if err != nil {
		return "", err
	}
	work := filepath.Join(dir, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return "", err
	}
	cwd := filepath.Join(dir, "cwd")
	var script strings.Builder
	script.WriteString("set -euo pipefail\n")
	for _, b := range cmds {
		script.WriteString(b.Text)
		script.WriteString("\n")
	}
	fmt.Fprintf(&script, "pwd > %q\n", cwd)
	for _, b := range cmds {
		log.Printf("running the guide's commands (%s) in a fresh folder: %s", g.Where(b.Line), strings.TrimSpace(b.Text))
	}
	cmd := exec.CommandContext(ctx, "bash", "-c", script.String())
	cmd.Dir = work
	out, err := cmd.CombinedOutput()
	_ = os.WriteFile(filepath.Join(dir, "commands.log"), out, 0o644)
	if err != nil {
		return "", &GuideError{Where: g.Where(cmds[0].Line), Says: strings.TrimSpace(cmds[0].Text),
			Saw: fmt.Sprintf("the commands failed (%v); their last output:\n%s", err, tail(string(out), 15))}
	}
	b, err := os.ReadFile(cwd)
	if err != nil {
		return "", err
	}
	at := strings.TrimSpace(string(b))
	if err := os.WriteFile(filepath.Join(at, w.Program), []byte(program.Text), 0o644); err != nil {
		return "", err
	}
	rel, _ := filepath.Rel(work, at)
	log.Printf("the guide's %s (%s) written into the folder its commands made (%s), mounted at %s", w.Program, g.Where(program.Line), rel, AppDir)
	return at, nil
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "    " + strings.Join(lines, "\n    ")
}
