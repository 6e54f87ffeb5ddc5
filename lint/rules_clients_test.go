package lint

import (
	"os"
	"strings"
	"testing"
)

// variant reads a rule fixture with some of its text replaced, and returns
// the findings of one rule.
func variant(t *testing.T, fixture, rule string, o Options, replace ...string) []Finding {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("%s has no %q", fixture, replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	_, found := Read(fixture, []byte(s), o)
	return ofRule(found, rule)
}

const (
	goodFixture = "testdata/rules/scopes/good.md"
	domainSV    = `{{< sitevar name="domain" nojs="example.com" >}}`
	secretLine  = "- __Client Secret:__ `insecure_secret`\n"
	rootLine    = "- __Application Root URL:__ `https://app." + domainSV + "/`\n"
)

func TestTemplateMatch(t *testing.T) {
	for _, c := range []struct {
		tmpl, uri string
		want      bool
	}{
		{"https://a.example.com/user/oauth2/<Name>/callback", "https://a.example.com/user/oauth2/authelia/callback", true},
		{"https://a.example.com/user/oauth2/<Name>/callback", "https://a.example.com/user/oauth2/a/b/callback", false},
		{"https://a.example.com/user/oauth2/<Name>/callback", "https://a.example.com/auth/openid_connect/callback", false},
		{"https://A.example.com:443/cb/", "https://a.example.com/cb", true},
		{"https://a.example.com/login", "https://a.example.com/login/callback", false},
	} {
		if got := templateMatch(c.tmpl, c.uri); got != c.want {
			t.Errorf("templateMatch(%q, %q) = %v", c.tmpl, c.uri, got)
		}
	}
}

func TestAssumedRedirectPlaceholderRestDiffers(t *testing.T) {
	got := variant(t, goodFixture, RuleAssumedRedirectURI, Options{}, rootLine,
		rootLine+"  - This option determines the redirect URI in the format of\n    `https://app."+domainSV+"/user/<Name>/callback`.\n")
	if len(got) != 1 || got[0].Line != 18 || got[0].Fix == nil || !strings.Contains(got[0].Fix.New, domainSV+"/oauth/callback`") {
		t.Fatalf("want one finding at line 18 with the client's URI in source form: %v %+v", got, got[0].Fix)
	}
}

func TestRootURLHostOneRedirectElsewhere(t *testing.T) {
	cb := "          - 'https://app." + domainSV + "/oauth/callback'\n"
	got := variant(t, goodFixture, RuleRootURLHost, Options{}, cb, cb+"          - 'https://other."+domainSV+"/oauth/callback'\n")
	if len(got) != 1 || got[0].Line != 36 || got[0].Fix != nil || !strings.Contains(got[0].Message, "change line 36") {
		t.Fatalf("want the redirect URI's line, no fix: %v", got)
	}
}

func TestPublicClientConfidential(t *testing.T) {
	// No Client Secret in the Assumptions: add the one the digest is of.
	got := variant(t, goodFixture, RulePublicClient, Options{}, secretLine, "")
	if len(got) != 1 || got[0].Line != 18 || got[0].Fix == nil || got[0].Fix.New != "- __Client ID:__ `app`\n- __Client Secret:__ `insecure_secret`" {
		t.Fatalf("want the Client ID line and a fix adding the secret: %v", got)
	}
	// public: false without a client_secret, while the guide gives one.
	got = variant(t, goodFixture, RulePublicClient, Options{}, "        client_secret: '$pbkdf2", "        # client_secret: '$pbkdf2")
	if len(got) != 1 || got[0].Line != 30 || !strings.Contains(got[0].Message, "no client_secret") {
		t.Fatalf("want the missing client_secret after client_name (line 30): %v", got)
	}
	// private_key_jwt needs no secret.
	got = variant(t, goodFixture, RulePublicClient, Options{}, "        client_secret: '$pbkdf2", "        # client_secret: '$pbkdf2",
		"'client_secret_basic'", "'private_key_jwt'", secretLine, "", "APP_OIDC_CLIENT_SECRET=insecure_secret\n", "")
	if len(got) != 0 {
		t.Fatalf("private_key_jwt: %v", got)
	}
}

// TestPublicClientSubItems: a Client Secret per client, named by the Client
// ID's sub-item of the same label.
func TestPublicClientSubItems(t *testing.T) {
	got := variant(t, "testdata/rules/public-client/good.md", RulePublicClient, Options{},
		"- __Client ID:__ `app`\n", "- __Client ID:__\n  - Web Application: `app`\n- __Client Secret:__\n  - Web Application: `insecure_secret`\n")
	if len(got) != 1 || got[0].Line != 21 {
		t.Fatalf("want the Web Application's secret (line 21): %v", got)
	}
}

func TestAutheliaSubdomain(t *testing.T) {
	iss := "APP_OIDC_ISSUER=https://{{< sitevar name=\"subdomain-authelia\" nojs=\"auth\" >}}." + domainSV
	// Whatever values the reader gives the sitevars.
	o := Options{Sitevars: map[string]string{"subdomain-authelia": "login", "domain": "example.org"}}
	if got := variant(t, goodFixture, RuleAutheliaSubdomain, o, iss, "APP_OIDC_ISSUER=https://auth."+domainSV+"/.well-known/openid-configuration"); len(got) != 1 || got[0].Fix == nil {
		t.Fatalf("discovery URL with a literal subdomain: %v", got)
	}
	// Not clearly Authelia's: another page of that host.
	if got := variant(t, goodFixture, RuleAutheliaSubdomain, Options{}, iss, "APP_OIDC_ISSUER=https://auth."+domainSV+"/some/page"); len(got) != 0 {
		t.Fatalf("another path: %v", got)
	}
	// An Authelia Root URL written literally: nothing to follow.
	root := "`https://{{< sitevar name=\"subdomain-authelia\" nojs=\"auth\" >}}." + domainSV + "/`"
	if got := variant(t, goodFixture, RuleAutheliaSubdomain, Options{}, root, "`https://auth."+domainSV+"/`", iss, "APP_OIDC_ISSUER=https://auth."+domainSV); len(got) != 0 {
		t.Fatalf("literal Root URL: %v", got)
	}
}
