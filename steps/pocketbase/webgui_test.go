package pocketbase

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestOffered: PocketBase's auth-methods answer, as its API gives it, names
// each provider by its display name and type.
func TestOffered(t *testing.T) {
	var m AuthMethods
	body := `{"password":{"enabled":true},"oauth2":{"enabled":true,"providers":[{"name":"oidc","displayName":"Authelia","authURL":"https://auth.example.com/api/oidc/authorization?x=1"}]}}`
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	if got := m.Offered(); !m.OAuth2.Enabled || !slices.Equal(got, []string{"Authelia (oidc)"}) {
		t.Errorf("enabled %v, offered %q", m.OAuth2.Enabled, got)
	}
	if got := (AuthMethods{}).Offered(); len(got) != 0 {
		t.Errorf("no provider offers %q", got)
	}
}

// TestSDKPage: the page loads the SDK the run serves beside it and signs
// in with a button per provider of the users collection.
func TestSDKPage(t *testing.T) {
	page := string(sdkPage)
	for _, want := range []string{`src="pocketbase.umd.js"`, `collection("users").listAuthMethods()`, "authWithOAuth2", "Sign in with "} {
		if !strings.Contains(page, want) {
			t.Errorf("the SDK page has no %s", want)
		}
	}
}
