// Package minio is MinIO's part of guidewalk, all of it: how to run a MinIO
// instance for a configuration method of the guide, when it is ready, and
// the admin calls the steps use to look at it (this file); its Application
// (application.go); one file per user action the guide names; its screens
// (pages/). Importing it registers it with steps.
package minio

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/guidewalk/guidewalk/env"
	"github.com/minio/madmin-go/v3"
)

// The console is the application the guide names, so it takes 443; the
// S3/admin API keeps MinIO's usual port.
const (
	APIPort     = "9000"
	ConsolePort = "443"
	ImageVar    = "GUIDEWALK_MINIO_IMAGE"
	RootUser    = "guidewalk-root"
)

// Image is the official image of a MinIO release as the guide's Tested
// Versions write it ("2025-04-22T22-12-26Z" -> "minio/minio:RELEASE.2025-04-22T22-12-26Z").
func Image(version string) string {
	return "minio/minio:RELEASE." + strings.TrimPrefix(strings.TrimSpace(version), "RELEASE.")
}

// Instance is one MinIO of the run and its root credentials.
type Instance struct {
	env.Instance
	RootPassword string
}

// New is the recipe: a MinIO at the guide's Application Root URL whose
// environment is vars (a method's .env or compose variables, nil for the
// Web GUI) plus what any MinIO needs here: root credentials and its own
// API URL by the guide's hostname.
func New(name string, appURL *url.URL, image string, vars []string) *Instance {
	pw := env.NewPassword()
	in := &Instance{RootPassword: pw}
	envv := []string{
		"MINIO_ROOT_USER=" + RootUser,
		"MINIO_ROOT_PASSWORD=" + pw,
		"MINIO_SERVER_URL=https://" + appURL.Hostname() + ":" + APIPort,
	}
	in.Instance = env.NewInstance(env.AppSpec{
		Name: name, URL: appURL, Image: image, ImageVar: ImageVar,
		Entry:   []string{"minio"},
		Cmd:     []string{"server", "/data", "--address", ":" + APIPort, "--console-address", ":" + ConsolePort, "--certs-dir", "/certs"},
		Env:     append(envv, vars...),
		Ports:   []string{APIPort, ConsolePort},
		URLPort: ConsolePort,
		// MinIO trusts the run's CA in certs/CAs: it fetches Authelia's discovery document.
		TLS: env.TLSFiles{Mount: "/certs", Cert: "public.crt", Key: "private.key", CA: "CAs/guidewalk-ca.crt",
			AltNames: []string{"localhost", "127.0.0.1"}},
		// MINIO_IDENTITY_OPENID_* makes MinIO fetch the discovery document at start-up.
		AfterAuthelia: len(vars) > 0,
		Ready:         ready,
		Version:       []string{"minio", "--version"},
		Secrets:       []string{pw},
	})
	return in
}

// ready: the API's liveness and the console's login page both answer.
func ready(ctx context.Context, a *env.App) error {
	if code, _, err := a.Get(ctx, "https://"+a.Addr(APIPort)+"/minio/health/live"); err != nil || code != http.StatusOK {
		return fmt.Errorf("/minio/health/live: %d %v", code, err)
	}
	code, body, err := a.Get(ctx, strings.TrimSuffix(a.URL.String(), "/")+"/login")
	if err != nil || code != http.StatusOK {
		return fmt.Errorf("console /login: %d %v", code, err)
	}
	if !strings.Contains(body, "MinIO") {
		return fmt.Errorf("console /login does not look like the MinIO console")
	}
	return nil
}

// Admin is a MinIO admin client for the root user, over verified TLS.
func (in *Instance) Admin() (*madmin.AdminClient, error) {
	adm, err := madmin.New(in.App().Addr(APIPort), RootUser, in.RootPassword, true)
	if err != nil {
		return nil, err
	}
	adm.SetCustomTransport(in.App().HTTPClient().Transport)
	return adm, nil
}

// ReachesDiscovery asks MinIO itself to load an OpenID configuration
// pointing at configURL (MinIO validates it by fetching the document from
// inside the network, trusting its certs/CAs), then removes it again.
func (in *Instance) ReachesDiscovery(ctx context.Context, configURL, clientID, clientSecret string) error {
	adm, err := in.Admin()
	if err != nil {
		return err
	}
	const name = "identity_openid:guidewalkprobe"
	kv := fmt.Sprintf("%s config_url=%q client_id=%q client_secret=%q scopes=openid display_name=probe", name, configURL, clientID, clientSecret)
	if _, err := adm.SetConfigKV(ctx, kv); err != nil {
		return fmt.Errorf("MinIO could not load %s from inside the network: %s", configURL, strings.TrimSpace(err.Error()))
	}
	_, err = adm.DelConfigKV(ctx, name)
	return err
}

// WaitRestarted waits until MinIO answers with a process that started after
// since: the restart really happened and the server is back.
func (in *Instance) WaitRestarted(ctx context.Context, since time.Time, timeout time.Duration) error {
	adm, err := in.Admin()
	if err != nil {
		return err
	}
	return in.App().WaitReady(ctx, timeout, func(ctx context.Context) error {
		info, err := adm.ServerInfo(ctx)
		if err != nil {
			return err
		}
		if len(info.Servers) == 0 {
			return fmt.Errorf("no server in MinIO's answer")
		}
		if up := time.Duration(info.Servers[0].Uptime) * time.Second; up > time.Since(since) {
			return fmt.Errorf("still the process from before the restart (up %s)", up)
		}
		return nil
	})
}

// OpenIDConfig returns MinIO's identity_openid settings as MinIO prints them
// (secrets included: never log it).
func (in *Instance) OpenIDConfig(ctx context.Context) (string, error) {
	adm, err := in.Admin()
	if err != nil {
		return "", err
	}
	b, err := adm.GetConfigKV(ctx, "identity_openid")
	return string(b), err
}

// Policies lists the names of MinIO's policies.
func (in *Instance) Policies(ctx context.Context) ([]string, error) {
	adm, err := in.Admin()
	if err != nil {
		return nil, err
	}
	m, err := adm.ListCannedPolicies(ctx)
	if err != nil {
		return nil, fmt.Errorf("list MinIO's policies: %w", err)
	}
	var names []string
	for k := range m {
		names = append(names, k)
	}
	return names, nil
}
