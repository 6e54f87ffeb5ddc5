// Package beszel is Beszel's part of guidewalk: how to run a Beszel hub
// for the guide's Web GUI method, when it is ready, and the read-only call
// the steps use to look at its users (this file); its Application
// (application.go); one file per user action the guide names; its own
// screens (pages/). Its settings dashboard is PocketBase's admin UI, whose
// screens and tasks it shares with PocketBase (steps/pages/pocketbase,
// steps/pocketbase). Importing it registers it with steps.
package beszel

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/guidewalk/guidewalk/env"
)

// Beszel serves plain HTTP on 8090; the run serves TLS for the guide's
// hostname in front of it.
const (
	Port     = "8090"
	ImageVar = "GUIDEWALK_BESZEL_IMAGE"
	// AdminEmail is the account made on the first run: Beszel's admin user
	// and PocketBase's superuser, with the same password.
	AdminEmail = "admin@example.com"
)

// Image is the official image of a Beszel release as the guide's Tested
// Versions write it ("v0.10.2" -> "henrygd/beszel:0.10.2").
func Image(version string) string {
	return "henrygd/beszel:" + strings.TrimPrefix(strings.TrimSpace(version), "v")
}

// Instance is one Beszel hub of the run and the credentials of the account
// its first run creates.
type Instance struct {
	env.Instance
	AdminEmail    string
	AdminPassword string
}

// New is the recipe: a Beszel hub at the guide's Application Root URL, with
// no user yet (the guide's step 1 meets its first-run screen). It trusts the
// run's CA: pressing Authelia's button makes it call the token and userinfo
// endpoints itself, over the network. It is given nothing the guide does not
// name: no USER_CREATION, so only a user Beszel already has can sign in
// through a provider.
func New(name string, appURL *url.URL, image string) *Instance {
	pw := env.NewPassword()
	in := &Instance{AdminEmail: AdminEmail, AdminPassword: pw}
	in.Instance = env.NewInstance(env.AppSpec{
		Name: name, URL: appURL, Image: image, ImageVar: ImageVar,
		Entry:   []string{"/beszel"},
		Cmd:     []string{"serve", "--http=0.0.0.0:" + Port},
		Env:     []string{"SSL_CERT_FILE=/certs/ca.crt"},
		Ports:   []string{Port},
		URLPort: Port,
		TLS:     env.TLSFiles{Terminate: true, Mount: "/certs", CA: "ca.crt"},
		Ready:   ready,
		Version: []string{"/beszel", "--version"},
		Secrets: []string{pw},
	})
	return in
}

// ready: PocketBase's health endpoint answers through the run's TLS.
func ready(ctx context.Context, a *env.App) error {
	code, body, err := a.Get(ctx, a.At("api/health"))
	if err != nil || code != http.StatusOK {
		return fmt.Errorf("/api/health: %d %v", code, err)
	}
	if !strings.Contains(body, "healthy") {
		return fmt.Errorf("/api/health does not look like PocketBase's: %.80q", body)
	}
	return nil
}

// UserExists says whether Beszel has a user with this email, asking as the
// superuser the first run made (the users list is not public).
func (in *Instance) UserExists(ctx context.Context, email string) (bool, error) {
	token, err := in.superuserToken(ctx)
	if err != nil {
		return false, err
	}
	q := url.Values{"filter": {fmt.Sprintf("email=%q", email)}, "fields": {"id,email"}}
	var out struct {
		TotalItems int `json:"totalItems"`
	}
	if err := in.call(ctx, http.MethodGet, "api/collections/users/records?"+q.Encode(), token, nil, &out); err != nil {
		return false, err
	}
	return out.TotalItems > 0, nil
}

func (in *Instance) superuserToken(ctx context.Context) (string, error) {
	var out struct {
		Token string `json:"token"`
	}
	body := map[string]string{"identity": in.AdminEmail, "password": in.AdminPassword}
	if err := in.call(ctx, http.MethodPost, "api/collections/_superusers/auth-with-password", "", body, &out); err != nil {
		return "", fmt.Errorf("sign in as Beszel's superuser: %w", err)
	}
	return out.Token, nil
}

func (in *Instance) call(ctx context.Context, method, path, token string, body, out any) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, in.App().At(path), r)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	resp, err := in.App().HTTPClient().Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s /%s: %d %.200s", method, strings.SplitN(path, "?", 2)[0], resp.StatusCode, b)
	}
	return json.Unmarshal(b, out)
}
