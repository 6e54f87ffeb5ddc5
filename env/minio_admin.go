package env

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/minio/madmin-go/v3"
)

// Admin is a MinIO admin client for the root user, over verified TLS.
func (e *Environment) Admin() (*madmin.AdminClient, error) {
	adm, err := madmin.New(e.MinIOAPI, e.RootUser, e.Secrets.RootPassword, true)
	if err != nil {
		return nil, err
	}
	adm.SetCustomTransport(e.HTTPClient().Transport)
	return adm, nil
}

// MinIOReachesDiscovery asks MinIO itself to load an OpenID configuration
// pointing at configURL (MinIO validates it by fetching the document from
// inside the network, trusting its certs/CAs), then removes it again.
func (e *Environment) MinIOReachesDiscovery(ctx context.Context, configURL, clientID, clientSecret string) error {
	adm, err := e.Admin()
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

// WaitMinIORestarted waits until MinIO answers with a process that started
// after since: the restart really happened and the server is back.
func (e *Environment) WaitMinIORestarted(ctx context.Context, since time.Time, timeout time.Duration) error {
	adm, err := e.Admin()
	if err != nil {
		return err
	}
	return e.waitHealthy(ctx, e.minio, timeout, func(ctx context.Context) error {
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
		return e.minioReady(ctx)
	})
}

// OpenIDConfig returns MinIO's identity_openid settings as MinIO prints them
// (secrets included: never log it).
func (e *Environment) OpenIDConfig(ctx context.Context) (string, error) {
	adm, err := e.Admin()
	if err != nil {
		return "", err
	}
	b, err := adm.GetConfigKV(ctx, "identity_openid")
	return string(b), err
}
