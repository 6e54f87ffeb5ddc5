package pages

import (
	"errors"
	"testing"
)

func TestAbortedByNetworkChange(t *testing.T) {
	for msg, want := range map[string]bool{
		`Frame.Goto https://minio.example.com/login: net::ERR_NETWORK_CHANGED`:                                                      true,
		`Navigation to "https://auth.example.com/x" is interrupted by another navigation to "chrome-error://chromewebdata/"`:        true,
		`Navigation to "https://minio.example.com/login" is interrupted by another navigation to "https://minio.example.com/login"`: true,
		`Frame.Goto https://minio.example.com/login: net::ERR_CERT_AUTHORITY_INVALID`:                                               false,
		`Frame.Goto https://minio.example.com/login: net::ERR_CONNECTION_REFUSED`:                                                   false,
	} {
		if got := abortedByNetworkChange(errors.New(msg)); got != want {
			t.Errorf("%s: got %v, want %v", msg, got, want)
		}
	}
}
