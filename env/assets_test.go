package env

import "testing"

// TestHashedAssets: only files named by their content's hash are kept.
func TestHashedAssets(t *testing.T) {
	for url, want := range map[string]bool{
		"https://minio.example.com/static/js/main.45669c2e.js":           true,
		"https://minio.example.com/static/js/123.8f1c2a3b.chunk.js":      true,
		"https://minio.example.com/static/css/main.b2e7d310.css":         true,
		"https://minio.example.com/static/media/logo.0123abcd4567ef.svg": true,
		"https://minio.example.com/static/js/main.js":                    false,
		"https://minio.example.com/api/v1/session":                       false,
		"https://minio.example.com/login":                                false,
		"https://minio.example.com/static/js/main.45669c2e.js?x=1":       false,
	} {
		if got := hashed.MatchString(url); got != want {
			t.Errorf("%s: %v, want %v", url, got, want)
		}
	}
}
