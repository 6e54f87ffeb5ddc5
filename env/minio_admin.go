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
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	last := "no answer yet"
	for {
		info, err := adm.ServerInfo(ctx)
		if err == nil && len(info.Servers) > 0 {
			up := time.Duration(info.Servers[0].Uptime) * time.Second
			if up > time.Since(since) {
				last = fmt.Sprintf("still the old process (up %s)", up)
			} else if err := e.minioReady(ctx); err != nil {
				last = "restarted, console not ready: " + err.Error()
			} else {
				return nil
			}
		} else if err != nil {
			last = err.Error()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("MinIO did not come back from its restart within %s (%s); its last log lines:\n%s",
				timeout, last, indent(e.Log.Redact(logs(e.pool, e.minio.Resource.Container.ID, "30"))))
		case <-tick.C:
		}
	}
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
