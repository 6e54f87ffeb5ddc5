package env

import (
	"context"
	"fmt"
	"strings"

	"github.com/ory/dockertest/v3"
)

// Service is a container an application needs beside it and the guide
// takes for granted (its database): started first, on the run's network,
// removed with the rest. Each instance of the application gets its own.
type Service struct {
	Name     string // what the application's settings call it: "{db}" in AppSpec.Env is its hostname
	Image    string
	ImageVar string   // the variable that overrides Image
	Env      []string // its own environment
	// Ready is a command, run inside it, that exits 0 once it serves
	// others (pg_isready -h 127.0.0.1: over TCP, not the socket an
	// initialising server already answers on).
	Ready []string
}

// host is the service's hostname on the run's network: one per instance.
func (s Service) host(app string) string { return s.Name + "-" + app }

// withServices fills in each "{name}" of the application's environment with
// its service's hostname.
func withServices(s AppSpec) []string {
	out := make([]string, len(s.Env))
	for i, v := range s.Env {
		for _, d := range s.Needs {
			v = strings.ReplaceAll(v, "{"+d.Name+"}", d.host(s.Name))
		}
		out[i] = v
	}
	return out
}

// startServices starts the application's services and waits until each
// serves, or fails with its last log lines when one dies or never does.
func (e *Environment) startServices(ctx context.Context, a *App) error {
	for _, d := range a.Spec.Needs {
		c := &container{
			Name: "guidewalk-" + e.RunID + "-" + d.host(a.Spec.Name), Alias: d.host(a.Spec.Name), Image: d.Image,
			Env: d.Env, Labels: e.labels(), Network: e.network,
		}
		e.mu.Lock()
		a.services = append(a.services, c)
		e.mu.Unlock()
		if err := run(e.pool, c); err != nil {
			return err
		}
		e.Log.Printf("%s: %s started (%s), waiting until it serves", a.Spec.Name, d.Name, d.Image)
		if err := e.waitHealthy(ctx, c, e.readyTimeout, func(context.Context) error { return execReady(c, d.Ready) }); err != nil {
			return fmt.Errorf("%s's %s: %w", a.Spec.Name, d.Name, err)
		}
	}
	return nil
}

// execReady runs cmd inside c: nil once it exits 0.
func execReady(c *container, cmd []string) error {
	var out strings.Builder
	code, err := c.Resource.Exec(cmd, dockertest.ExecOptions{StdOut: &out, StdErr: &out})
	if err != nil {
		return err
	}
	if code != 0 {
		return fmt.Errorf("%s: exit %d: %s", strings.Join(cmd, " "), code, strings.TrimSpace(out.String()))
	}
	return nil
}
