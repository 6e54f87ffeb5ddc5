package env

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base32"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/crypto/bcrypt"
	"gopkg.in/yaml.v3"
)

// User is an account in Authelia's file user database.
type User struct {
	Name        string
	DisplayName string
	Email       string
	Groups      []string
	Password    string // generated per run
	TOTPSecret  string // base32, no padding; generated per run
}

// Paths inside the Authelia container; the official image reads /config.
const (
	autheliaConfigDir  = "/config"
	autheliaConfigFile = autheliaConfigDir + "/configuration.yml"
)

// AutheliaConfig is the part of Authelia's configuration the guide leaves to
// the reader ("the other portions of the mandatory OpenID Connect 1.0
// configuration go here"), composed with the guide's own client block.
type AutheliaConfig struct {
	AutheliaURL *url.URL // the guide's Authelia Root URL
	ClientYAML  string   // the guide's YAML block, verbatim
	Secrets     *Secrets
}

// Secrets holds everything that must never appear in clear in an artifact.
type Secrets struct {
	HMAC, Session, Storage, JWT string
	JWKS                        string // PEM RSA key
}

// NewSecrets makes fresh secrets for one run.
func NewSecrets() (*Secrets, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return &Secrets{
		HMAC:    randomHex(32),
		Session: randomHex(32),
		Storage: randomHex(32),
		JWT:     randomHex(32),
		JWKS:    string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
	}, nil
}

// Render returns configuration.yml: our provider parts merged under the
// guide's block, whose keys win where both set one.
func (c AutheliaConfig) Render() ([]byte, error) {
	var guideDoc map[string]any
	if err := yaml.Unmarshal([]byte(c.ClientYAML), &guideDoc); err != nil {
		return nil, fmt.Errorf("the guide's Authelia YAML block does not parse: %w", err)
	}
	domain, err := cookieDomain(c.AutheliaURL.Hostname())
	if err != nil {
		return nil, err
	}
	authURL := strings.TrimSuffix(c.AutheliaURL.String(), "/")
	base := map[string]any{
		"theme": "light",
		"server": map[string]any{
			"address": "tcp://:443/",
			"tls": map[string]any{
				"certificate": autheliaConfigDir + "/tls/tls.crt",
				"key":         autheliaConfigDir + "/tls/tls.key",
			},
		},
		"log": map[string]any{"level": "info"},
		// Authelia checks the clock against a public NTP server by default: no traffic leaves the machine.
		"ntp":                 map[string]any{"disable_startup_check": true, "disable_failure": true},
		"identity_validation": map[string]any{"reset_password": map[string]any{"jwt_secret": c.Secrets.JWT}},
		"totp":                map[string]any{"issuer": domain},
		"authentication_backend": map[string]any{
			"password_reset": map[string]any{"disable": true},
			"file":           map[string]any{"path": autheliaConfigDir + "/users.yml", "watch": false},
		},
		"access_control": map[string]any{"default_policy": "two_factor"},
		"session": map[string]any{
			"secret": c.Secrets.Session,
			"cookies": []any{map[string]any{
				"domain":       domain,
				"authelia_url": authURL,
			}},
		},
		"storage": map[string]any{
			"encryption_key": c.Secrets.Storage,
			"local":          map[string]any{"path": autheliaConfigDir + "/db.sqlite3"},
		},
		"notifier": map[string]any{"filesystem": map[string]any{"filename": autheliaConfigDir + "/notification.txt"}},
		"identity_providers": map[string]any{"oidc": map[string]any{
			"hmac_secret": c.Secrets.HMAC,
			"jwks":        []any{map[string]any{"key_id": "guidewalk", "algorithm": "RS256", "use": "sig", "key": c.Secrets.JWKS}},
		}},
	}
	return yaml.Marshal(merge(base, guideDoc))
}

// UsersFile renders Authelia's file user database.
func UsersFile(users []User) ([]byte, error) {
	db := map[string]any{}
	for _, u := range users {
		hash, err := bcrypt.GenerateFromPassword([]byte(u.Password), bcrypt.MinCost+2)
		if err != nil {
			return nil, err
		}
		db[u.Name] = map[string]any{
			"displayname": u.DisplayName,
			"email":       u.Email,
			"groups":      u.Groups,
			"password":    string(hash),
		}
	}
	return yaml.Marshal(map[string]any{"users": db})
}

// cookieDomain is the parent domain of Authelia's host, which the session
// cookie must cover so that the portal and the application share it.
func cookieDomain(host string) (string, error) {
	i := strings.Index(host, ".")
	if i < 0 || !strings.Contains(host[i+1:], ".") {
		return "", fmt.Errorf("cannot derive a session cookie domain from Authelia's host %q: it needs a parent domain like example.com", host)
	}
	return host[i+1:], nil
}

// merge overlays b onto a, recursing into maps.
func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		am, aok := out[k].(map[string]any)
		bm, bok := v.(map[string]any)
		if aok && bok {
			out[k] = merge(am, bm)
		} else {
			out[k] = v
		}
	}
	return out
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// NewTOTPSecret is a 32-byte secret in Authelia's CLI format.
func NewTOTPSecret() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
}

// NewPassword is a random password for a test user or an application's
// own account.
func NewPassword() string { return randomHex(12) }
