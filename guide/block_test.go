package guide

import "testing"

func TestBlockFirstWords(t *testing.T) {
	b := Block{Line: 112, Text: "{\n  \"oidc\": {\n    \"client_id\": \"sftpgo\"\n  }\n}\n"}
	if line, says := b.FirstWords(); line != 113 || says != `"oidc": {` {
		t.Errorf("FirstWords = %d %q, want 113 %q", line, says, `"oidc": {`)
	}
	if line, says := (Block{Line: 5, Text: "{\n}\n"}).FirstWords(); line != 5 || says != "" {
		t.Errorf("a block of braces: FirstWords = %d %q, want 5 \"\"", line, says)
	}
}
