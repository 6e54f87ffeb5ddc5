package steps

import (
	"testing"

	"github.com/guidewalk/guidewalk/guide"
)

const opengistGuide = "../../shared/docs/authelia-2026-05-26/clients/opengist/index.md"

// TestShapeSettings: a Shape names settings by meaning, and each method of
// the guide has them, whatever its way of naming them.
func TestShapeSettings(t *testing.T) {
	g, err := ReadGuide(opengistGuide, nil)
	if err != nil {
		t.Skipf("%s: %v", opengistGuide, err)
	}
	want := map[string]string{
		"Environment Variables (Standard)":       "OG_OIDC_ADMIN_GROUP",
		"Environment Variables (Docker Compose)": "OG_OIDC_ADMIN_GROUP",
		"Configuration file":                     "oidc.admin-group",
	}
	if len(g.Methods) != len(want) {
		t.Fatalf("%d methods, want %d", len(g.Methods), len(want))
	}
	for _, m := range g.Methods {
		v, ok := Setting(m, "admin group")
		if !ok || v.Name != want[m.Label()] || v.Value != "admin-group-name" || v.Line == 0 {
			t.Errorf("%s: admin group = %+v, %v", m.Label(), v, ok)
		}
		name, err := resolve(m, "Connect with {provider name} account")
		if err != nil || name != "Connect with authelia account" {
			t.Errorf("%s: button = %q, %v", m.Label(), name, err)
		}
		if v, ok := Setting(m, "claim name"); !ok || v.Value != "groups" {
			t.Errorf("%s: group claim = %+v, %v", m.Label(), v, ok)
		}
	}
	if _, err := resolve(g.Methods[0], "Sign in with {no such thing}"); err == nil {
		t.Error("a button named by a setting the method lacks resolved")
	}
	a := &shapeApp{Shape{Product: "Opengist", Image: "ghcr.io/thomiceli/opengist:{version}", Admin: &Admin{Group: "admin group"}}}
	if img := a.Image("v1.12.1"); img != "ghcr.io/thomiceli/opengist:1.12.1" {
		t.Errorf("image %q", img)
	}
	users, err := a.UsersFor(g)
	if err != nil || len(users) != 2 || users[0].Groups[0] != "admin-group-name" || len(users[1].Groups) != 0 {
		t.Errorf("users %+v, %v", users, err)
	}
	if _, err := (&shapeApp{Shape{Admin: &Admin{Group: "no such"}}}).UsersFor(g); err == nil {
		t.Error("users of an admin group no method names")
	}
}

// TestSettingWords: names compare as lower-case words, at the end.
func TestSettingWords(t *testing.T) {
	m := guide.Method{Vars: []guide.Var{{Name: "OG_EXTERNAL_URL", Value: "x"}, {Name: "external-url", Value: "y"}}}
	if v, ok := Setting(m, "external url"); !ok || v.Value != "x" {
		t.Errorf("external url = %+v %v", v, ok)
	}
	if _, ok := Setting(m, "url"); !ok {
		t.Error("the last word alone is a meaning too")
	}
	if _, ok := Setting(m, "nal url"); ok {
		t.Error("part of a word matched")
	}
}
