package env

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// client reaches Authelia and the given application ports by the guide's
// hostnames through the published ports, verifying TLS against the run's CA
// only.
func (e *Environment) client(app map[string]string) *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: e.PKI.Pool, MinVersion: tls.VersionTLS12},
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				e.mu.Lock()
				mapped, ok := e.HostPorts[addr]
				e.mu.Unlock()
				if m, isApp := app[addr]; isApp {
					mapped, ok = m, true
				}
				if !ok {
					return nil, fmt.Errorf("guidewalk only dials the run's own hosts, not %s", addr)
				}
				return dialer.DialContext(ctx, network, mapped)
			},
			DisableKeepAlives: true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// HTTPClient reaches Authelia from the host side over verified TLS.
func (e *Environment) HTTPClient() *http.Client { return e.client(nil) }

// get fetches url and returns status and body.
func (e *Environment) get(ctx context.Context, url string) (int, string, error) {
	return e.getWith(ctx, e.HTTPClient(), url)
}

func (e *Environment) getWith(ctx context.Context, c *http.Client, url string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, "", err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, string(b), nil
}

// waitHealthy polls ready until it returns nil, the container dies, or the
// deadline passes; the error then carries the container's last log lines.
func (e *Environment) waitHealthy(ctx context.Context, c *container, timeout time.Duration, ready func(context.Context) error) error {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	var last error
	for {
		if last = ready(ctx); last == nil {
			e.Log.Printf("%s: healthy after %.1fs", e.shortName(c), time.Since(start).Seconds())
			return nil
		}
		if up, code := running(e.pool, c.Resource.Container.ID); !up {
			return fmt.Errorf("%s (%s) exited with code %d before becoming healthy; its last log lines:\n%s",
				c.Alias, c.Image, code, indent(e.Log.Redact(logs(e.pool, c.Resource.Container.ID, "40"))))
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s (%s) not healthy after %s: %v; its last log lines:\n%s",
				c.Alias, c.Image, timeout, last, indent(e.Log.Redact(logs(e.pool, c.Resource.Container.ID, "40"))))
		case <-tick.C:
		}
	}
}

func (e *Environment) autheliaReady(ctx context.Context) error {
	base := strings.TrimSuffix(e.AutheliaURL.String(), "/")
	if code, _, err := e.get(ctx, base+"/api/health"); err != nil || code != http.StatusOK {
		return fmt.Errorf("/api/health: %d %v", code, err)
	}
	_, err := e.Discovery(ctx)
	return err
}

// Discovery fetches Authelia's OpenID discovery document from the host side
// and checks that its issuer is the guide's Authelia Root URL.
func (e *Environment) Discovery(ctx context.Context) (map[string]any, error) {
	base := strings.TrimSuffix(e.AutheliaURL.String(), "/")
	code, body, err := e.get(ctx, base+"/.well-known/openid-configuration")
	if err != nil || code != http.StatusOK {
		return nil, fmt.Errorf("discovery document: %d %v", code, err)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		return nil, fmt.Errorf("discovery document is not JSON: %w", err)
	}
	if doc["issuer"] != base {
		return doc, fmt.Errorf("discovery document's issuer is %v, want %s", doc["issuer"], base)
	}
	return doc, nil
}
