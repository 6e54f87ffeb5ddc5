package lint

import (
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
)

// TestVerifyRealDigest checks the guide's 310000-round sha512 digest, once
// with the right secret and once with a wrong one.
func TestVerifyRealDigest(t *testing.T) {
	g := loadReal(t)
	c, err := g.Client("minio")
	if err != nil {
		t.Fatal(err)
	}
	digest := c["client_secret"].(string)
	a, err := g.Assumption("Client Secret")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := VerifyPBKDF2Digest(digest, a.Value); !ok || err != nil {
		t.Errorf("VerifyPBKDF2Digest(%q, %q) = %v, %v; want true", digest, a.Value, ok, err)
	}
	if ok, err := VerifyPBKDF2Digest(digest, "wrong"); ok || err != nil {
		t.Errorf("VerifyPBKDF2Digest(wrong) = %v, %v; want false", ok, err)
	}
}

func ab64(b []byte) string {
	return strings.ReplaceAll(base64.RawStdEncoding.EncodeToString(b), "+", ".")
}

func TestVerifyPBKDF2Digest(t *testing.T) {
	salt := []byte{0xfb, 0xef, 0xbe, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09} // encodes with '.' and '/'
	k1, _ := pbkdf2.Key(sha1.New, "s3cret", salt, 10, 20)
	k256, _ := pbkdf2.Key(sha256.New, "s3cret", salt, 10, 32)
	sha1Digest := "$pbkdf2$10$" + ab64(salt) + "$" + ab64(k1)
	sha256Digest := "$pbkdf2-sha256$10$" + ab64(salt) + "$" + ab64(k256)
	if !strings.ContainsAny(ab64(salt), "./") {
		t.Fatalf("salt %q does not exercise the ab64 alphabet", ab64(salt))
	}
	for _, c := range []struct {
		digest, secret string
		want           bool
	}{
		{sha1Digest, "s3cret", true},
		{sha1Digest, "s3cre", false},
		{sha256Digest, "s3cret", true},
		{sha256Digest, "S3cret", false},
		{"$plaintext$insecure_secret", "insecure_secret", true},
		{"$plaintext$insecure_secret", "insecure", false},
	} {
		if got, err := VerifyPBKDF2Digest(c.digest, c.secret); got != c.want || err != nil {
			t.Errorf("VerifyPBKDF2Digest(%q, %q) = %v, %v; want %v", c.digest, c.secret, got, err, c.want)
		}
	}
	for _, bad := range []string{
		"insecure_secret",
		"$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
		"$pbkdf2-md5$10$" + ab64(salt) + "$" + ab64(k1),
		"$pbkdf2-sha256$ten$" + ab64(salt) + "$" + ab64(k256),
		"$pbkdf2-sha256$0$" + ab64(salt) + "$" + ab64(k256),
		"$pbkdf2-sha256$10$" + ab64(salt) + "!$" + ab64(k256),
		"$pbkdf2-sha256$10$" + ab64(salt) + "$",
		"$pbkdf2-sha256$10$" + ab64(salt),
	} {
		if ok, err := VerifyPBKDF2Digest(bad, "s3cret"); ok || err == nil {
			t.Errorf("VerifyPBKDF2Digest(%q) = %v, %v; want an error", bad, ok, err)
		}
	}
}
