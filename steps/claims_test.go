package steps

import "testing"

// claimsOf finds the object that holds the user's email, however deep the
// page's JSON nests it, and nothing when no object holds it.
func TestClaimsOf(t *testing.T) {
	page := `{"idToken": "x", "claims": {"userinfo": {"email": "a@example.com", "name": "A", "groups": ["admins"]}}}`
	c, ok := claimsOf("Signed in\n"+page, "a@example.com")
	if !ok || c["name"] != "A" {
		t.Fatalf("claims %v, %v", c, ok)
	}
	if _, ok := claimsOf(page, "b@example.com"); ok {
		t.Error("found claims for an email the page does not hold")
	}
	if _, ok := claimsOf("Cannot GET /", "a@example.com"); ok {
		t.Error("found claims in a page with no JSON")
	}
}
