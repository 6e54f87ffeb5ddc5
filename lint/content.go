package lint

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"gopkg.in/yaml.v3"
)

// What a code block's content is (YAML, JSON, KEY=VALUE lines, INI), as the
// rules of blocks read it.

// Content kinds a block can be read as.
const (
	contentOther = ""
	contentYAML  = "yaml"
	contentJSON  = "json"
	contentEnv   = "env"
	contentINI   = "ini"
)

// langKind is what a fence language or a title's extension says the block
// is: yaml, json, env, ini (TOML and INI alike), shell, or "" when the
// checker does not read that language.
func langKind(lang string) string {
	switch strings.ToLower(lang) {
	case "yaml", "yml":
		return contentYAML
	case "json":
		return contentJSON
	case "env", "dotenv":
		return contentEnv
	case "toml", "ini":
		return contentINI
	case "shell", "sh", "bash", "zsh":
		return "shell"
	}
	return ""
}

var (
	jsonPlaceholderRe = regexp.MustCompile(`<[A-Za-z][\w .-]*>|\.\.\.|…`)
	iniLineRe         = regexp.MustCompile(`^(?:\[[^\]]+\]|[A-Za-z0-9_.\-"]+\s*=.*)$`)
	yamlKeyLineRe     = regexp.MustCompile(`^[A-Za-z0-9_.\-]+:(?:\s|$)`)
	yamlKeyRe         = regexp.MustCompile(`^[A-Za-z0-9_.\-/]+$`)
)

// significant are the block's lines that say something (not blank, not a
// comment).
func significant(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, ";") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// contentKind says what a block's text is, when it is sure: JSON, a YAML
// mapping of plain keys, KEY=VALUE lines, or INI/TOML sections and keys.
func contentKind(text string) string {
	lines := significant(text)
	if len(lines) == 0 {
		return contentOther
	}
	t := strings.TrimSpace(text)
	if (strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")) && json.Valid([]byte(t)) {
		return contentJSON
	}
	env, ini, assigns := true, true, false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if !guide.EnvLine.MatchString(t) {
			env = false
		}
		if !iniLineRe.MatchString(t) {
			ini = false
		}
		assigns = assigns || !strings.HasPrefix(t, "[") && strings.Contains(t, "=")
	}
	ini = ini && assigns // a YAML flow list alone ("[a, b]") is no INI
	switch {
	case env:
		return contentEnv
	case ini:
		return contentINI
	}
	if !yamlKeyLineRe.MatchString(strings.TrimPrefix(lines[0], "---")) && strings.TrimSpace(lines[0]) != "---" {
		return contentOther
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(text), &doc) != nil || len(doc.Content) == 0 {
		return contentOther
	}
	root := guide.ResolveAlias(doc.Content[0])
	if root.Kind != yaml.MappingNode || len(root.Content) == 0 {
		return contentOther
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if !yamlKeyRe.MatchString(root.Content[i].Value) {
			return contentOther
		}
	}
	return contentYAML
}

// composeLike: a YAML text with services holding an image or an
// environment.
func composeLike(text string) bool {
	return strings.HasPrefix(text, "services:") || strings.Contains(text, "\nservices:")
}

// inBlock: line n is a fenced block's.
func (s *Source) inBlock(n int) bool {
	for _, f := range s.Blocks {
		if n >= f.OpenLine && n <= f.EndLine {
			return true
		}
	}
	return false
}
