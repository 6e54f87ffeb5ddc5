package lint

import (
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// maxIterations bounds the work a (malformed) digest can ask for.
const maxIterations = 100_000_000

// VerifyPBKDF2Digest reports whether digest, in the Authelia/passlib modular
// crypt form $pbkdf2[-sha256|-sha512]$ITER$SALT$HASH, is the digest of secret.
// SALT and HASH use passlib's "adapted base64": standard base64 with '+'
// written as '.', no padding. "$plaintext$SECRET" is compared directly.
func VerifyPBKDF2Digest(digest, secret string) (bool, error) {
	if rest, ok := strings.CutPrefix(digest, "$plaintext$"); ok {
		return subtle.ConstantTimeCompare([]byte(rest), []byte(secret)) == 1, nil
	}
	parts := strings.Split(digest, "$")
	if len(parts) != 5 || parts[0] != "" {
		return false, fmt.Errorf("malformed digest %q: want $pbkdf2-<hash>$ITER$SALT$HASH", digest)
	}
	var newHash func() hash.Hash
	switch parts[1] {
	case "pbkdf2", "pbkdf2-sha1":
		newHash = sha1.New
	case "pbkdf2-sha224":
		newHash = sha256.New224
	case "pbkdf2-sha256":
		newHash = sha256.New
	case "pbkdf2-sha384":
		newHash = sha512.New384
	case "pbkdf2-sha512":
		newHash = sha512.New
	default:
		return false, fmt.Errorf("unsupported digest algorithm %q in %q", parts[1], digest)
	}
	iter, err := strconv.Atoi(parts[2])
	if err != nil || iter < 1 || iter > maxIterations {
		return false, fmt.Errorf("malformed digest %q: bad iteration count %q", digest, parts[2])
	}
	salt, err := ab64Decode(parts[3])
	if err != nil {
		return false, fmt.Errorf("malformed digest %q: salt: %w", digest, err)
	}
	want, err := ab64Decode(parts[4])
	if err != nil || len(want) == 0 {
		return false, fmt.Errorf("malformed digest %q: bad hash %q", digest, parts[4])
	}
	got, err := pbkdf2.Key(newHash, secret, salt, iter, len(want))
	if err != nil {
		return false, fmt.Errorf("pbkdf2 for %q: %w", digest, err)
	}
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// ab64Decode decodes passlib's adapted base64 ('.' for '+', no padding).
func ab64Decode(s string) ([]byte, error) {
	s = strings.TrimRight(strings.ReplaceAll(s, ".", "+"), "=")
	return base64.RawStdEncoding.DecodeString(s)
}

// PBKDF2Digest is a new digest of secret in the form Authelia's
// `authelia crypto hash generate pbkdf2` writes by default: SHA-512,
// 310000 iterations, a random 16-byte salt, a 64-byte key.
func PBKDF2Digest(secret string) (string, error) {
	salt := make([]byte, 16)
	if _, err := readSalt(salt); err != nil {
		return "", err
	}
	const iter = 310000
	key, err := pbkdf2.Key(sha512.New, secret, salt, iter, 64)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("$pbkdf2-sha512$%d$%s$%s", iter, ab64Encode(salt), ab64Encode(key)), nil
}

// readSalt fills a new digest's salt: random; the fixtures' test makes it
// fixed, so the text after --fix is one.
var readSalt = rand.Read

func ab64Encode(b []byte) string {
	return strings.ReplaceAll(base64.RawStdEncoding.EncodeToString(b), "+", ".")
}
