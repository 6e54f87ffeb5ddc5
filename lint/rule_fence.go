package lint

import (
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"gopkg.in/yaml.v3"
)

// RuleFence: a code block's fence says what the block is, and says it right.
const RuleFence = "fence"

// fence: the fence's language, its title and the block's content agree; the
// info string's attributes are closed; the title is no near-miss of a
// well-known file name.
var _ = register(Rule{
	Name:     RuleFence,
	Severity: SeverityError,
	Doc:      "a code block's fence language, title and content agree, its attributes are closed, its title is no misspelt well-known file name and a block titled as Authelia's configuration file holds Authelia's configuration",
	Example:  "a `toml` fence titled `config.yaml` over YAML, `{title=\"httproute.yaml}`, `{title=\"comppse.yml\"}`, `{title=\"configuration.yml\"}` over an application's `environment:` list",
	Phase:    PhaseText,
	Run:      textRule(checkFences),
})

// wellKnownFiles are file names a reader's tools look for by name: a title
// one or two letters from one of them is a typo the reader copies.
var wellKnownFiles = []string{"compose.yml", "compose.yaml", "docker-compose.yml", "docker-compose.yaml",
	"configuration.yml", "configuration.yaml", ".env"}

// knownFiles are names that are right as they are, though near a
// well-known one.
var knownFiles = []string{"compose.override.yml", "compose.override.yaml", "docker-compose.override.yml",
	"docker-compose.override.yaml", ".envrc", ".env.local", "config.yml", "config.yaml", "configuration.json",
	"configuration.toml"}

func checkFences(s *Source) []Finding {
	var out []Finding
	for _, f := range s.Blocks {
		out = append(out, s.fenceInfo(f)...)
		out = append(out, s.fenceContent(f)...)
		out = append(out, s.fenceAutheliaFile(f)...)
	}
	return out
}

// autheliaFiles are the names of Authelia's configuration file.
var autheliaFiles = []string{"configuration.yml", "configuration.yaml"}

// fenceAutheliaFile: a block titled as Authelia's configuration file holds
// Authelia's configuration, not an application's environment: list (or
// its Docker Compose services:), which a reader pastes into Authelia's file.
func (s *Source) fenceAutheliaFile(f guide.Fence) []Finding {
	if f.Title == "" || !slices.Contains(autheliaFiles, strings.ToLower(path.Base(f.Title))) || langKind(f.Lang) != contentYAML {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(f.Text), &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	top := guide.ResolveAlias(doc.Content[0])
	if top.Kind != yaml.MappingNode || len(top.Content) != 2 {
		return nil
	}
	key, v := top.Content[0].Value, guide.ResolveAlias(top.Content[1])
	var what string
	switch {
	case key == "environment" && (v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode):
		var names []string
		vars := v.Content
		if v.Kind == yaml.MappingNode {
			vars = nil
			for i := 0; i+1 < len(v.Content); i += 2 {
				vars = append(vars, v.Content[i])
			}
		}
		for _, it := range vars {
			if name, _, _ := strings.Cut(it.Value, "="); name != "" && it.Kind == yaml.ScalarNode {
				names = append(names, name)
			}
		}
		if len(names) == 0 {
			return nil
		}
		list := names[0]
		if len(names) > 1 {
			list += ", …"
		}
		what = fmt.Sprintf("a service's environment: list of the application's variables (%s)", list)
	case key == "services" && v.Kind == yaml.MappingNode:
		what = "a Docker Compose file (services:)"
	default:
		return nil
	}
	return []Finding{{Line: f.OpenLine, Severity: SeverityError, Rule: RuleFence,
		Message: fmt.Sprintf("the block is titled %q, Authelia's configuration file, but holds %s, not Authelia's configuration: a reader adds it to Authelia's file, which refuses the key %s, and the application never reads it; put it under services.<service> of a block titled \"compose.yml\" (no fix offered: the service's name is the guide's to give)",
			f.Title, what, key)}}
}

// fenceInfo: the attributes of the info string are closed, and the title is
// not a near-miss of a well-known file name.
func (s *Source) fenceInfo(f guide.Fence) []Finding {
	var out []Finding
	raw := s.RawLine(f.OpenLine)
	title := f.Title
	if open := strings.IndexByte(f.Info, '{'); open >= 0 {
		attrs := f.Info[open:]
		quotes := strings.Count(attrs, `"`) - strings.Count(attrs, `\"`)
		closed := strings.HasSuffix(strings.TrimSpace(attrs), "}")
		if quotes%2 == 1 || !closed {
			body := strings.TrimSuffix(strings.TrimSpace(attrs), "}")
			fixed := body
			what := "its braces are not closed"
			if quotes%2 == 1 {
				fixed += `"`
				what = "an attribute value lacks its closing quote"
				if m := regexp.MustCompile(`(\w+)="([^"]*)$`).FindStringSubmatch(body); m != nil {
					what = fmt.Sprintf("the %s attribute's value %q lacks its closing quote", m[1], m[2])
					if m[1] == "title" {
						title = m[2]
					}
				}
			}
			fixed += "}"
			var fix *Fix
			if i := strings.LastIndex(raw, attrs); i >= 0 {
				fix = &Fix{Line: f.OpenLine, Old: raw, New: raw[:i] + fixed + raw[i+len(attrs):]}
			}
			out = append(out, Finding{Line: f.OpenLine, Severity: SeverityError, Rule: RuleFence, Fix: fix,
				Message: fmt.Sprintf("the fence's attributes %s are unterminated: %s, so the block has no title; write %s", attrs, what, fixed)})
		}
	}
	if title == "" {
		return out
	}
	base := path.Base(title)
	lower := strings.ToLower(base)
	for _, k := range append(append([]string{}, wellKnownFiles...), knownFiles...) {
		if lower == k {
			return out
		}
	}
	best, n := "", 0 // the nearest well-known name, and how many are that near
	for _, k := range wellKnownFiles {
		if !nearMiss(lower, k, 6) {
			continue
		}
		switch d := nearMissDistance(lower, k); {
		case best == "" || d < nearMissDistance(lower, best):
			best, n = k, 1
		case d == nearMissDistance(lower, best):
			n++
		}
	}
	if best == "" {
		return out
	}
	var fix *Fix
	if i := strings.Index(raw, `"`+title+`"`); i >= 0 && n == 1 {
		fixed := strings.TrimSuffix(title, base) + best
		fix = &Fix{Line: f.OpenLine, Old: raw, New: raw[:i+1] + fixed + raw[i+1+len(title):]}
	}
	msg := fmt.Sprintf("the block's title %q is a misspelling of %q, the file name the reader's tools look for; title it %q", title, best, best)
	if n > 1 {
		msg = fmt.Sprintf("the block's title %q is a misspelling of a well-known file name (%q or another); correct it", title, best)
	}
	return append(out, Finding{Line: f.OpenLine, Severity: SeverityError, Rule: RuleFence, Fix: fix, Message: msg})
}

// titleKind is what a title's file name says the block is.
func titleKind(title string) string {
	base := strings.ToLower(path.Base(title))
	if base == ".env" || strings.HasSuffix(base, ".env") {
		return contentEnv
	}
	ext := path.Ext(base)
	if ext == "" || ext == ".conf" || ext == ".cfg" {
		return ""
	}
	if k := langKind(ext[1:]); k != "shell" {
		return k
	}
	return ""
}

// kindName is how a message names a kind.
func kindName(k string) string {
	switch k {
	case contentYAML:
		return "YAML"
	case contentJSON:
		return "JSON"
	case contentEnv:
		return ".env KEY=VALUE lines"
	case contentINI:
		return "INI/TOML"
	}
	return k
}

// fenceContent: the fence language, the title and the content say one
// thing.
func (s *Source) fenceContent(f guide.Fence) []Finding {
	lang := langKind(f.Lang)
	if lang == "" || strings.TrimSpace(f.Text) == "" {
		return nil
	}
	content := contentKind(f.Text)
	title := titleKind(f.Title)
	compose := content == contentYAML && composeLike(f.Text)
	fenced := fmt.Sprintf("fenced as %s", f.Lang)
	if f.Title != "" {
		fenced += fmt.Sprintf(" with the title %q", f.Title)
	}
	report := func(msg, lang string) []Finding {
		var fix *Fix
		if lang != "" {
			fix = s.fenceLangFix(f, lang)
		}
		return []Finding{{Line: f.OpenLine, Severity: SeverityError, Rule: RuleFence, Fix: fix, Message: msg}}
	}
	switch {
	case lang == contentJSON && content != contentJSON:
		if content == contentYAML {
			return report(fmt.Sprintf("the block is %s but holds YAML, which no JSON reader takes; fence it as yaml", fenced), "yaml")
		}
		t := strings.TrimSpace(f.Text)
		var v any
		err := json.Unmarshal([]byte(t), &v)
		var probe yaml.Node
		if err == nil || jsonPlaceholderRe.MatchString(f.Text) {
			return nil // JSON, or a sketch with placeholders
		}
		if yaml.Unmarshal([]byte(f.Text), &probe) != nil && s.inApplication(f.OpenLine) {
			return nil // not YAML either: the block-syntax rule reports it as a method's block
		}
		line, msg := f.Line, err.Error()
		if se, ok := err.(*json.SyntaxError); ok {
			lead := len(f.Text) - len(strings.TrimLeft(f.Text, " \t\r\n"))
			line = f.Line + strings.Count(f.Text[:min(len(f.Text), lead+int(se.Offset))], "\n")
			if line > f.Line && int(se.Offset) > 0 && f.Text[lead+int(se.Offset)-1] == '\n' {
				line--
			}
		}
		return []Finding{{Line: line, Severity: SeverityError, Rule: RuleFence,
			Message: fmt.Sprintf("the block %s (line %d) does not parse as JSON: %s; correct the JSON", fenced, f.OpenLine, msg)}}
	case content == contentYAML && (lang == contentINI || lang == "shell" || lang == contentEnv):
		switch {
		case title == contentEnv && compose:
			return report(fmt.Sprintf("the block is %s but holds a Docker Compose file (YAML); fence it as yaml with the title \"compose.yml\"", fenced), "yaml+compose")
		case title == contentEnv || lang == contentEnv:
			return []Finding{{Line: f.OpenLine, Severity: SeverityError, Rule: RuleFence,
				Message: fmt.Sprintf("the block is %s but holds YAML, not KEY=VALUE lines; write the settings as KEY=VALUE or fence the YAML as yaml under its file's name", fenced)}}
		case title != "" && title != contentYAML:
			return []Finding{{Line: f.OpenLine, Severity: SeverityError, Rule: RuleFence,
				Message: fmt.Sprintf("the block is %s but holds YAML; fence it as yaml under a .yaml file's name", fenced)}}
		case strings.EqualFold(f.Lang, "ini") && title == "":
			// Some INI readers take "key: value" too.
			found := report(fmt.Sprintf("the block is %s but reads as YAML (key: value, no section); if it is YAML, fence it as yaml", fenced), "yaml")
			found[0].Severity = SeverityWarning
			return found
		}
		return report(fmt.Sprintf("the block is %s but holds YAML; fence it as yaml", fenced), "yaml")
	case lang == contentYAML && (content == contentEnv || content == contentINI):
		want := ""
		switch {
		case content == contentEnv && (title == contentEnv || title == ""):
			want = "shell"
		case content == contentINI && title == contentINI:
			want = strings.TrimPrefix(path.Ext(strings.ToLower(f.Title)), ".")
		}
		msg := fmt.Sprintf("the block is %s but holds %s, not YAML", fenced, kindName(content))
		if want != "" {
			return report(fmt.Sprintf("%s; fence it as %s", msg, want), want)
		}
		return report(msg+"; fence it as its language", "")
	case title != "" && content != contentOther && title != content && lang == content:
		// The fence and the content agree; the title names another kind of file.
		if title == contentYAML && content == contentJSON {
			return nil // JSON is YAML
		}
		return []Finding{{Line: f.OpenLine, Severity: SeverityError, Rule: RuleFence,
			Message: fmt.Sprintf("the block is %s and holds %s, but its title names a %s file; give it the title of the file it is", fenced, kindName(content), kindName(title))}}
	case title != "" && title == content && lang != content && lang != "shell" && !(lang == contentYAML && content == contentJSON):
		// The title and the content agree; the fence language does not.
		return report(fmt.Sprintf("the block is %s but holds %s, as its title says; fence it as %s", fenced, kindName(content), fenceLangFor(content)), fenceLangFor(content))
	}
	return nil
}

// fenceLangFor is the fence language the docs write for a kind.
func fenceLangFor(kind string) string {
	switch kind {
	case contentEnv:
		return "shell"
	case contentINI:
		return "ini"
	}
	return kind
}

// fenceLangFix rewrites the fence's language ("yaml+compose": yaml, and the
// title compose.yml).
func (s *Source) fenceLangFix(f guide.Fence, lang string) *Fix {
	raw := s.RawLine(f.OpenLine)
	at := len(raw) - len(strings.TrimLeft(raw, " \t>`~"))
	i := strings.Index(raw[at:], f.Lang)
	if i < 0 || f.Lang == "" {
		return nil
	}
	i += at
	newLine := raw[:i] + strings.TrimSuffix(lang, "+compose") + raw[i+len(f.Lang):]
	if strings.HasSuffix(lang, "+compose") {
		if f.Title == "" {
			return nil
		}
		newLine = strings.Replace(newLine, `"`+f.Title+`"`, `"compose.yml"`, 1)
	}
	return &Fix{Line: f.OpenLine, Old: raw, New: newLine}
}

// inApplication: line n is in the Application section, whose blocks the
// reading reads as methods.
func (s *Source) inApplication(n int) bool {
	start := s.ApplicationLine
	if start == 0 || n < start {
		return false
	}
	level := len(s.RawLine(start)) - len(strings.TrimLeft(s.RawLine(start), "#"))
	for l := start + 1; l < n; l++ {
		t := s.RawLine(l)
		h := len(t) - len(strings.TrimLeft(t, "#"))
		if h > 0 && h <= level && strings.HasPrefix(t[h:], " ") && !s.inBlock(l) {
			return false
		}
	}
	return true
}
