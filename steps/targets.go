package steps

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
)

// Target is one configuration method of the guide and the application
// instance that method configures, with a browser that reaches it.
type Target struct {
	Method   guide.Method
	Name     string // slug of the method's label: names the container and users
	Instance Instance
	Browser  *env.Browser

	// A method of numbered steps is done once per instance, by configurer
	// (the scenario that does them as its own steps) when one runs, or by
	// the first scenario that needs them.
	configurer string
	done       chan struct{} // closed once configured, or when configurer ends
	doneOnce   sync.Once
	mu         sync.Mutex // held while a scenario does steps 1 to 6 itself
	configured atomic.Bool
}

// finished: the configuring scenario ended, configured or not.
func (t *Target) finished() { t.doneOnce.Do(func() { close(t.done) }) }

// awaitConfigurer waits until configurer configured the instance or ended.
func (t *Target) awaitConfigurer() error {
	select {
	case <-t.done:
		return nil
	case <-time.After(10 * time.Minute):
		return fmt.Errorf("the scenario %q neither did the numbered steps nor ended within 10 minutes", t.configurer)
	}
}

// markConfigured: the instance holds the configuration the numbered steps
// make. Scenarios waiting for it go on now, not when the configuring
// scenario ends: what it does afterwards (signing out) is its own.
func (t *Target) markConfigured() {
	t.configured.Store(true)
	t.finished()
}

// Label is the method as the guide heads it.
func (t *Target) Label() string { return t.Method.Label() }

// targets makes one application instance per configuration method the
// guide offers, each started from what its method says.
func targets(g *guide.Guide, app Application) ([]*Target, error) {
	appURL, _, err := g.ApplicationRootURL()
	if err != nil {
		return nil, err
	}
	image, err := productImage(g, app.Product(), app.ImageVar(), app.Image)
	if err != nil {
		return nil, err
	}
	if len(g.Methods) == 0 {
		return nil, fmt.Errorf("%s: the Application section offers no configuration method", g.Where(g.ApplicationLine))
	}
	var out []*Target
	for _, m := range g.Methods {
		name := slug(m.Label())
		out = append(out, &Target{Method: m, Name: name, Instance: app.Instance(name, appURL, image, m), done: make(chan struct{})})
	}
	return out, nil
}

// productImage is the image of product: the variable's when set, else the
// official image of the version the guide's Tested Versions name.
func productImage(g *guide.Guide, product, variable string, image func(string) string) (string, error) {
	if v := os.Getenv(variable); v != "" {
		return v, nil
	}
	// An image that names no version (node:20 for a program the guide
	// writes) needs none from Tested Versions.
	if fixed := image(""); fixed == image("0") {
		return fixed, nil
	}
	v, err := g.Version(product)
	if err != nil {
		return "", fmt.Errorf("%w (or set %s)", err, variable)
	}
	return image(v.Version), nil
}

// usersFor gives each target its own Authelia users: Authelia refuses a
// one-time code it has already accepted, so two logins of one user in one
// 30 s window would fail.
func usersFor(ts []*Target, users []env.User) []env.User {
	var out []env.User
	for _, t := range ts {
		for _, u := range users {
			if len(ts) > 1 {
				u.Name += "-" + t.Name
				u.Email = strings.Replace(u.Email, "@", "+"+t.Name+"@", 1)
			}
			out = append(out, u)
		}
	}
	return out
}

// stepsTarget is the target configured by numbered steps (the Web GUI).
func (s *Suite) stepsTarget() *Target {
	for _, t := range s.Targets {
		if t.Method.Kind == guide.MethodSteps {
			return t
		}
	}
	if len(s.Targets) > 0 {
		return s.Targets[0]
	}
	return nil
}

// target is the target of the method labelled label.
func (s *Suite) target(label string) (*Target, error) {
	var labels []string
	for _, t := range s.Targets {
		if t.Label() == label {
			return t, nil
		}
		labels = append(labels, t.Label())
	}
	return nil, fmt.Errorf("%s: the guide offers no configuration method %q; it offers %q", s.Guide.Where(s.Guide.ApplicationLine), label, labels)
}

// assignConfigurer names, for the instance configured by numbered steps,
// the first planned scenario that does them as its own steps.
func (s *Suite) assignConfigurer() {
	t := s.stepsTarget()
	if t == nil {
		return
	}
	for _, p := range s.planned {
		for _, st := range p.Steps {
			if st == s.App.ConfiguringStep() {
				t.configurer = p.Name
				return
			}
		}
	}
}
