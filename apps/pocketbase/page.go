package pocketbase

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/guidewalk/guidewalk/env"
)

const (
	sdk    = "pocketbase@^0.26" // the JavaScript SDK of PocketBase 0.23 and later
	public = "/pb_public"
	page   = public + "/index.html"
)

// index is the application a PocketBase user signs in to: a button per
// OAuth2 provider of the users collection; once signed in, the auth record
// and the provider's claims (meta).
const index = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title><script src="pocketbase.umd.js"></script></head>
<body><h1>Sign in</h1><p id="providers"></p><pre id="result"></pre>
<script>
const pb = new PocketBase(location.origin);
pb.collection("users").listAuthMethods().then(m => {
  for (const p of m.oauth2.providers) {
    const b = document.createElement("button");
    b.textContent = "Sign in with " + p.displayName;
    b.onclick = async () => {
      try {
        const auth = await pb.collection("users").authWithOAuth2({provider: p.name});
        document.querySelector("h1").textContent = "Signed in";
        document.getElementById("result").textContent = JSON.stringify({record: auth.record, meta: auth.meta}, null, 2);
      } catch (e) {
        document.querySelector("h1").textContent = "Not signed in";
        document.getElementById("result").textContent = e.message + " " + JSON.stringify(e.data);
      }
    };
    document.getElementById("providers").appendChild(b);
  }
});
</script></body></html>
`

// servePage writes the page and the SDK (from npm) into dir/public, which
// PocketBase serves as its pb_public.
func servePage(ctx context.Context, dir string, log *env.Logger) (map[string]string, error) {
	out := filepath.Join(dir, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "bash", "-euo", "pipefail", "-c",
		`tgz=$(npm pack --silent "$1" | tail -1); tar -xzf "$tgz" package/dist/pocketbase.umd.js; mv package/dist/pocketbase.umd.js "$2"/`, "pack", sdk, out)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("the JavaScript SDK from npm (%s): %v: %s", sdk, err, b)
	}
	log.Printf("pb_public: a sign-in page and the JavaScript SDK (npm %s)", sdk)
	return map[string]string{public: out}, os.WriteFile(filepath.Join(out, "index.html"), []byte(index), 0o644)
}
