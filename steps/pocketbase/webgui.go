// Package pocketbase is what the steps of PocketBase and of the
// applications built on it (Beszel) share: a guide's Web GUI method done in
// PocketBase's admin UI (/_/), each task at its guide step as a reader does
// it, over the screens of steps/pages/pocketbase; what PocketBase's API says
// a collection offers to sign in with; and an application of PocketBase's
// JavaScript SDK for users to sign in from. An application's folder binds
// its guide's words (Gherkin) to these tasks; the tasks know no Gherkin.
package pocketbase

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/guidewalk/guidewalk/steps"
	pb "github.com/guidewalk/guidewalk/steps/pages/pocketbase"
)

// The section of "Edit collection" > Options that holds the OAuth2
// providers, and its switch.
const (
	OAuth2 = "OAuth2"
	Enable = "Enable"
)

// WebGUI is a scenario doing a guide's Web GUI method in the admin UI of
// Product (PocketBase, or an application built on it), as its superuser.
type WebGUI struct {
	*steps.World
	Product         string
	Email, Password string // the superuser's
	// Collection is the auth collection whose providers the guide
	// configures ("users").
	Collection string
	// Provider is the guide's step whose first `code` names the provider
	// ("OpenID Connect (oidc)"); Form, the step whose "Label: value"
	// items fill its form.
	Provider, Form int
}

// Provider is an OAuth2 provider a collection offers.
type Provider struct {
	Name        string `json:"name"` // PocketBase's provider type, e.g. "oidc"
	DisplayName string `json:"displayName"`
	AuthURL     string `json:"authURL"`
}

// AuthMethods is what a collection offers to sign in with, as an
// application's login page asks for it (no credentials needed).
type AuthMethods struct {
	Password struct {
		Enabled bool `json:"enabled"`
	} `json:"password"`
	OAuth2 struct {
		Enabled   bool       `json:"enabled"`
		Providers []Provider `json:"providers"`
	} `json:"oauth2"`
}

// Offered names the providers as "Display name (type)".
func (m AuthMethods) Offered() []string {
	var out []string
	for _, p := range m.OAuth2.Providers {
		out = append(out, p.DisplayName+" ("+p.Name+")")
	}
	return out
}

// AuthMethods asks the scenario's instance what the collection offers.
func (g WebGUI) AuthMethods() (AuthMethods, error) {
	var m AuthMethods
	app := g.Instance().App()
	code, body, err := app.Get(context.Background(), app.At("api/collections/"+g.Collection+"/auth-methods"))
	if err == nil && code != 200 {
		err = fmt.Errorf("auth-methods: %d %.200s", code, body)
	}
	if err == nil {
		err = json.Unmarshal([]byte(body), &m)
	}
	if err != nil {
		return m, fmt.Errorf("ask %s how its %s sign in: %w", g.Product, g.Collection, err)
	}
	return m, nil
}

// Fresh is the scenario's own instance in a browser of its own; with none,
// it fails when the collection offers a provider already. It names the
// providers offered ("Display name (type)").
func (g WebGUI) Fresh(none bool) ([]string, error) {
	g.UseStepsInstance()
	if err := g.FreshContext(); err != nil {
		return nil, err
	}
	m, err := g.AuthMethods()
	if err == nil && none && len(m.OAuth2.Providers) > 0 {
		err = fmt.Errorf("the %s %q offers %q already", g.Product, g.Instance().Spec().Name, m.Offered())
	}
	return m.Offered(), err
}

// ProviderTitle is the provider as PocketBase titles it: the first `code`
// of step Provider, without what follows in brackets ("OpenID Connect"
// for "OpenID Connect (oidc)").
func (g WebGUI) ProviderTitle() (string, error) {
	_, names, err := g.GuideCodes(g.Provider, 1)
	if err != nil {
		return "", err
	}
	name, _, _ := strings.Cut(names[0], " (")
	return name, nil
}

func (g WebGUI) editor() pb.CollectionEditor { return pb.CollectionEditor{Page: g.Page()} }

func (g WebGUI) form() (pb.ProviderForm, error) {
	name, err := g.ProviderTitle()
	return pb.ProviderForm{Page: g.Page(), Provider: name}, err
}
