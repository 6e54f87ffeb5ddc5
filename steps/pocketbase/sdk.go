package pocketbase

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/guidewalk/guidewalk/env"
)

// SDK is the JavaScript SDK of PocketBase 0.23 and later, from npm;
// SDKPage is where the application of it is served.
const (
	SDK     = "pocketbase@^0.26"
	public  = "/pb_public"
	SDKPage = public + "/index.html"
)

// sdkPage is an application a PocketBase user signs in to: a button per
// OAuth2 provider of the users collection; once signed in, the auth record
// and the provider's claims (meta).
//
//go:embed sdk.html
var sdkPage []byte

// ServeSDKPage writes the page and the SDK into dir/public, which PocketBase
// serves as its pb_public (a Shape's Prepare).
func ServeSDKPage(ctx context.Context, dir string, log *env.Logger) (map[string]string, error) {
	out := filepath.Join(dir, "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, "bash", "-euo", "pipefail", "-c",
		`tgz=$(npm pack --silent "$1" | tail -1); tar -xzf "$tgz" package/dist/pocketbase.umd.js; mv package/dist/pocketbase.umd.js "$2"/`, "pack", SDK, out)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("the JavaScript SDK from npm (%s): %v: %s", SDK, err, b)
	}
	log.Printf("pb_public: a sign-in page and the JavaScript SDK (npm %s)", SDK)
	return map[string]string{public: out}, os.WriteFile(filepath.Join(out, "index.html"), sdkPage, 0o644)
}
