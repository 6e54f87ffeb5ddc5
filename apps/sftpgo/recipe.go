package sftpgo

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
	"github.com/guidewalk/guidewalk/guide"
)

// SFTPGo's web interfaces (WebAdmin, WebClient) serve plain HTTP on 8080,
// its default HTTP binding; the run serves TLS for the guide's hostname in
// front of it.
const (
	Port     = "8080"
	ImageVar = "GUIDEWALK_SFTPGO_IMAGE"
	// ConfigFile is where SFTPGo looks for sftpgo.json first (its working
	// and configuration directory): the guide's configuration file goes
	// there and SFTPGo's built-in defaults fill in the rest.
	ConfigFile = "/var/lib/sftpgo/sftpgo.json"
	// RootAdmin is the first admin, which SFTPGo asks for on its first run
	// (/web/admin/setup); the run makes it at start-up.
	RootAdmin = "guidewalk-root"
	// HomeBase is where the users the run makes keep their files.
	HomeBase = "/srv/sftpgo/data"
)

// Image is the official image of an SFTPGo release as the guide's Tested
// Versions write it ("v2.6.6" -> "drakkan/sftpgo:v2.6.6").
func Image(version string) string {
	return "drakkan/sftpgo:v" + strings.TrimPrefix(strings.TrimSpace(version), "v")
}

// Instance is one SFTPGo of the run and its first admin's password.
type Instance struct {
	env.Instance
	RootPassword string
}

// New is the recipe: an SFTPGo at the guide's Application Root URL,
// configured by the method: its variables in the environment, or its
// block as SFTPGo's configuration file. It trusts the run's CA and starts
// once Authelia is healthy: SFTPGo fetches the discovery document at
// start-up and exits when it cannot.
func New(name string, appURL *url.URL, image string, m guide.Method) *Instance {
	pw := env.NewPassword()
	in := &Instance{RootPassword: pw}
	spec := env.AppSpec{
		Name: name, URL: appURL, Image: image, ImageVar: ImageVar,
		Env: []string{
			"SSL_CERT_FILE=/certs/ca.crt",
			// The first admin, instead of the first-run page.
			"SFTPGO_DATA_PROVIDER__CREATE_DEFAULT_ADMIN=true",
			"SFTPGO_DEFAULT_ADMIN_USERNAME=" + RootAdmin,
			"SFTPGO_DEFAULT_ADMIN_PASSWORD=" + pw,
		},
		Ports:         []string{Port},
		URLPort:       Port,
		TLS:           env.TLSFiles{Terminate: true, Mount: "/certs", CA: "ca.crt"},
		AfterAuthelia: true,
		Ready:         ready,
		Version:       []string{"sftpgo", "--version"},
		Secrets:       []string{pw},
	}
	switch m.Kind {
	case guide.MethodFile:
		spec.Files = map[string]string{ConfigFile: m.Block.Text}
	default:
		for _, v := range m.Vars {
			spec.Env = append(spec.Env, v.Name+"="+v.Value)
		}
	}
	in.Instance = env.NewInstance(spec)
	return in
}

// ready: SFTPGo's health endpoint answers through the run's TLS.
func ready(ctx context.Context, a *env.App) error {
	code, body, err := a.Get(ctx, a.At("healthz"))
	if err != nil || code != http.StatusOK {
		return fmt.Errorf("/healthz: %d %v", code, err)
	}
	if strings.TrimSpace(body) != "ok" {
		return fmt.Errorf("/healthz does not look like SFTPGo's: %.80q", body)
	}
	return nil
}

// Audience is one of SFTPGo's two web interfaces.
type Audience string

// The interfaces, by their names in SFTPGo's documentation.
const (
	WebAdmin  Audience = "WebAdmin"
	WebClient Audience = "WebClient"
)

// LoginPath is the interface's login page.
func (a Audience) LoginPath() string {
	if a == WebAdmin {
		return "web/admin/login"
	}
	return "web/client/login"
}

// OffersOpenID says whether the interface's login page links to SFTPGo's
// OpenID Connect login (as a visitor who has not signed in gets it).
func (in *Instance) OffersOpenID(ctx context.Context, a Audience) (bool, error) {
	code, body, err := in.App().Get(ctx, in.App().At(a.LoginPath()))
	if err != nil {
		return false, err
	}
	if code != http.StatusOK {
		return false, fmt.Errorf("/%s: %d", a.LoginPath(), code)
	}
	return strings.Contains(body, "oidclogin"), nil
}

// CreateAdmin makes an SFTPGo admin with every permission.
func (in *Instance) CreateAdmin(ctx context.Context, name string) error {
	return in.create(ctx, "admins", map[string]any{
		"username": name, "password": env.NewPassword(), "status": 1, "permissions": []string{"*"},
	})
}

// CreateUser makes an SFTPGo user with a home of its own.
func (in *Instance) CreateUser(ctx context.Context, name string) error {
	return in.create(ctx, "users", map[string]any{
		"username": name, "password": env.NewPassword(), "status": 1,
		"home_dir": HomeBase + "/" + name, "permissions": map[string][]string{"/": {"*"}},
	})
}

// create posts to SFTPGo's REST API as the first admin.
func (in *Instance) create(ctx context.Context, kind string, body any) error {
	token, err := in.token(ctx)
	if err != nil {
		return err
	}
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, in.App().At("api/v2/"+kind), bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	_, err = in.do(req, http.StatusCreated, nil)
	return err
}

func (in *Instance) token(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.App().At("api/v2/token"), nil)
	if err != nil {
		return "", err
	}
	req.SetBasicAuth(RootAdmin, in.RootPassword)
	var out struct {
		AccessToken string `json:"access_token"`
	}
	if _, err := in.do(req, http.StatusOK, &out); err != nil {
		return "", fmt.Errorf("sign in to SFTPGo's REST API as %s: %w", RootAdmin, err)
	}
	return out.AccessToken, nil
}

func (in *Instance) do(req *http.Request, want int, out any) ([]byte, error) {
	resp, err := in.App().HTTPClient().Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != want {
		return b, fmt.Errorf("%s %s: %d %.200s", req.Method, req.URL.Path, resp.StatusCode, b)
	}
	if out != nil {
		return b, json.Unmarshal(b, out)
	}
	return b, nil
}
