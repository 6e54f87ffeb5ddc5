package lint

import (
	"strconv"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/internal/guidetest"
)

func TestRealGuideIsConsistent(t *testing.T) {
	g := loadReal(t)
	for _, err := range Consistency(g) {
		t.Error(err)
	}
}

func TestInconsistentGuides(t *testing.T) {
	src := guidetest.ReadReal(t)
	cases := []struct {
		name, old, new, wantLineOf, wantMsg string
	}{
		{"scope missing from the form", "Scopes: `openid,profile,email,groups`", "Scopes: `openid,profile,email`", "Scopes: `openid", "Scopes"},
		{"secret differs from the digest", "__Client Secret:__ `insecure_secret`", "__Client Secret:__ `other_secret`", "client_secret:", "not the digest"},
		{"redirect URI not registered", "Redirect URI: `https://minio.example.com/oauth_callback`", "Redirect URI: `https://minio.example.com/callback`", "Redirect URI: `https://minio.example.com/callback`", "redirect_uris"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			mutated := strings.Replace(src, c.old, c.new, 1)
			if mutated == src {
				t.Fatalf("test case does not apply: %q not in the guide", c.old)
			}
			g, err := guide.Parse("edited.md", []byte(mutated))
			if err != nil {
				t.Fatal(err)
			}
			errs := Consistency(g)
			if len(errs) == 0 {
				t.Fatal("no inconsistency found")
			}
			line := guidetest.LineOf(t, mutated, c.wantLineOf)
			found := false
			for _, err := range errs {
				if strings.Contains(err.Error(), c.wantMsg) && strings.HasPrefix(err.Error(), "edited.md:"+strconv.Itoa(line)+":") {
					found = true
				}
			}
			if !found {
				t.Fatalf("want an error at line %d mentioning %q, got %v", line, c.wantMsg, errs)
			}
		})
	}
}
