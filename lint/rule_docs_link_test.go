package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A guide outside a checkout whose links were written for the place the
// guides stood before July 2025 is judged from there, as strictly as from
// the current place: a page inside another guide's folder does not exist.
func TestDocsLinkOldPlaceStrict(t *testing.T) {
	guide := `---
title: "Example"
---

See the [OAuth 2.0 Bearer Token Usage](../oauth-2.0-bearer-token-usage.md) guide and the
[client configuration](../../../configuration/identity-providers/openid-connect/clients.md).

[OpenID Connect 1.0]: ../openid-connect/introduction.md
`
	for _, tc := range []struct {
		folder string
		want   []string // the messages' starts, in line order
	}{
		{"openid-connect", []string{
			"the link ../openid-connect/introduction.md resolves to content/integration/openid-connect/openid-connect/introduction.md, but a guide's folder (openid-connect/) holds only its index.md and images (it resolves from content/integration/openid-connect/example/); write ../introduction.md",
		}},
		{"clients", []string{
			"the link ../oauth-2.0-bearer-token-usage.md resolves to content/integration/openid-connect/clients/oauth-2.0-bearer-token-usage.md, a page in clients/",
			"the link ../../../configuration/identity-providers/openid-connect/clients.md resolves to content/integration/configuration/",
			"the link ../openid-connect/introduction.md resolves to content/integration/openid-connect/clients/openid-connect/introduction.md, but a guide's folder (openid-connect/) holds only its index.md",
		}},
	} {
		t.Run(tc.folder, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), tc.folder, "example", "index.md")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(guide), 0o644); err != nil {
				t.Fatal(err)
			}
			_, found, err := Check(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := ofRule(found, RuleDocsLink)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d docs-link findings, want %d: %v", len(got), len(tc.want), got)
			}
			for i, f := range got {
				if !strings.HasPrefix(f.Message, tc.want[i]) {
					t.Errorf("finding %d: %q\nwant it to start with %q", i, f.Message, tc.want[i])
				}
			}
		})
	}
}
