package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/replay"
)

// TestHistoryReadsTheCommitsTree: history checks a guide version with the
// guides beside it in its commit, not in the work tree. RomM's guide sets
// Grafana's GF_ variables while Grafana's guide stands beside it; the next
// commit removes Grafana's guide, and the error stays with the version
// that had it.
func TestHistoryReadsTheCommitsTree(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	r := &gitRepo{t: t, dir: t.TempDir()}
	r.git("init", "-q", "-b", "main")
	guide := func(title, vars string) []byte {
		return []byte("---\ntitle: \"" + title + "\"\n---\n\n## Configuration\n\n```shell {title=\".env\"}\n" + vars + "```\n\n[" + title + "]: https://" + strings.ToLower(title) + ".example.org/\n")
	}
	gf := "GF_SERVER_ROOT_URL=https://app.example.com\nGF_AUTH_GENERIC_OAUTH_ENABLED=true\nGF_AUTH_GENERIC_OAUTH_CLIENT_ID=app\n"
	r.write("docs/oidc/grafana/index.md", guide("Grafana", gf))
	r.write("docs/oidc/romm/index.md", guide("RomM", gf))
	first := r.commit("2025-01-01", "docs: grafana and romm")
	r.git("rm", "-q", "-r", "docs/oidc/grafana")
	r.write("docs/oidc/romm/index.md", guide("RomM", "ROMM_OIDC_ENABLED=true\nROMM_OIDC_CLIENT_ID=app\n"))
	r.commit("2025-01-02", "docs: romm's own variables, grafana gone")

	res := replayed(t, r, "docs/oidc")
	var copied []replay.Finding
	for _, f := range res.Findings {
		if f.Rule == lint.RuleCopiedGuide {
			copied = append(copied, f)
		}
	}
	if len(copied) != 1 || !strings.Contains(copied[0].At.Path, "romm") || copied[0].Entered.Hash != first || copied[0].Status != replay.Fixed ||
		!strings.Contains(copied[0].Message, "GF_ is the prefix of Grafana's variables") {
		t.Errorf("copied-guide findings %+v; want RomM's GF_ block, entered at %.7s and fixed by the next commit", copied, first)
	}
}
