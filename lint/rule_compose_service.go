package lint

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/guidewalk/guidewalk/guide"
	"gopkg.in/yaml.v3"
)

// RuleComposeService: a Docker Compose block's service is the guide's
// application, not a misspelling of it nor another application.
const RuleComposeService = "compose-service"

var _ = register(Rule{
	Name:     RuleComposeService,
	Severity: SeverityError,
	Doc:      "a Docker Compose service is not a misspelling of the guide's application, nor named after another application (an example name is a warning)",
	Example:  "`services: oics:` in the ocis guide; `services: expressjs-example:` in the Flower guide",
	Phase:    PhaseText,
	Run:      textRule(checkComposeServices),
})

// composeService is one service of a compose block.
type composeService struct {
	name string
	line int
}

func checkComposeServices(s *Source) []Finding {
	own, whole := s.productNames()
	if len(own) == 0 {
		return nil
	}
	others := s.siblingFolders()
	var out []Finding
	for _, f := range s.Blocks {
		services := composeServices(f)
		if len(services) == 0 {
			continue
		}
		named := slices.ContainsFunc(services, func(sv composeService) bool { return namedAfter(sv.name, own) })
		for _, sv := range services {
			if namedAfter(sv.name, own) {
				continue
			}
			if near, ok := nearProduct(sv.name, whole); ok {
				out = append(out, Finding{Line: sv.line, Severity: SeverityError, Rule: RuleComposeService, Fix: s.serviceFix(sv, near),
					Message: fmt.Sprintf("the Docker Compose service %q is a misspelling of %q: merged into the reader's compose file it makes a new service with no image and leaves %s unconfigured; name it %q",
						sv.name, near, s.productLabel(), near)})
				continue
			}
			other := ""
			for _, w := range append([]string{squash(sv.name)}, serviceWords(sv.name)...) {
				if len(w) >= 4 && slices.Contains(others, w) {
					other = w
					break
				}
			}
			example := slices.ContainsFunc(serviceWords(sv.name), func(w string) bool {
				return w == "example" || w == "sample" || w == "demo"
			})
			switch {
			case other != "" && !named:
				out = append(out, Finding{Line: sv.line, Severity: SeverityError, Rule: RuleComposeService,
					Message: fmt.Sprintf("the Docker Compose service %q is named after %s, another application with a guide of its own, not this guide's %s: name it after the service running %s",
						sv.name, other, s.productLabel(), s.productLabel())})
			case other != "":
				out = append(out, Finding{Line: sv.line, Severity: SeverityWarning, Rule: RuleComposeService,
					Message: fmt.Sprintf("the Docker Compose service %q is named after %s, another application with a guide of its own: make sure the settings are %s's, or name it after the service running %s",
						sv.name, other, sv.name, s.productLabel())})
			case example && !named:
				out = append(out, Finding{Line: sv.line, Severity: SeverityWarning, Rule: RuleComposeService,
					Message: fmt.Sprintf("the Docker Compose service %q is an example name, likely from another guide, not this guide's %s: name it after the service running %s",
						sv.name, s.productLabel(), s.productLabel())})
			}
		}
	}
	return out
}

// composeServices are the services of a Docker Compose block, with their
// lines; none for another block.
func composeServices(f guide.Fence) []composeService {
	if k := langKind(f.Lang); k != contentYAML && k != "" || !composeLike(f.Text) {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal([]byte(f.Text), &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	services := guide.MapValue(doc.Content[0], "services")
	if services == nil || services.Kind != yaml.MappingNode {
		return nil
	}
	var out []composeService
	for i := 0; i+1 < len(services.Content); i += 2 {
		k := services.Content[i]
		if k.Kind == yaml.ScalarNode && k.Value != "" && !strings.ContainsAny(k.Value, "${}<>") {
			out = append(out, composeService{name: k.Value, line: f.Line + k.Line - 1})
		}
	}
	return out
}

// productNames are the guide's names for its application, squashed: the
// guide's folder, its title and the title's words, the tested products
// (Authelia aside), the client ids and names; whole are those but the
// title's words, what a misspelling is measured against.
func (s *Source) productNames() (names, whole []string) {
	add := func(n string) {
		if n = squash(n); len(n) >= 3 && n != "authelia" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if base := filepath.Base(s.Path); base == "index.md" || base == "_index.md" {
		add(filepath.Base(filepath.Dir(s.Path)))
	}
	add(s.Title)
	for _, v := range s.TestedVersions {
		add(v.Product)
	}
	for _, c := range s.Clients {
		for _, k := range []string{"client_id", "client_name"} {
			if v, ok := c[k].(string); ok {
				add(v)
			}
		}
	}
	if a, err := s.Assumption("Client ID"); err == nil {
		add(a.Value)
	}
	whole = slices.Clone(names)
	for _, w := range serviceWords(s.Title) {
		if len(w) >= 4 {
			add(w)
		}
	}
	return names, whole
}

// productLabel is how a message names the guide's application.
func (s *Source) productLabel() string {
	if s.Title != "" {
		return s.Title
	}
	return "application"
}

// squash is a name in lower case without its separators: "Wiki.js" ->
// "wikijs", "hedge-doc" -> "hedgedoc".
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// serviceWords are a name's words, squashed: "netbird-dashboard" -> netbird
// dashboard.
func serviceWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, strings.ToLower(w))
	}
	return out
}

// namedAfter: the service's name, or one of its words, is one of the
// application's names ("grampsweb", "netbird-dashboard", "wapy").
func namedAfter(service string, names []string) bool {
	if slices.Contains(names, squash(service)) {
		return true
	}
	return slices.ContainsFunc(serviceWords(service), func(w string) bool { return len(w) >= 3 && slices.Contains(names, w) })
}

// nearProduct: the service's name is one or two letters off one of the
// application's names ("oics" for "ocis"); two only for names of seven
// letters or more.
func nearProduct(service string, names []string) (string, bool) {
	sq := squash(service)
	if len(sq) < 4 {
		return "", false
	}
	for _, n := range names {
		if len(n) >= 4 && nearMiss(sq, n, 7) {
			return n, true
		}
	}
	return "", false
}

// serviceFix renames the service on its line.
func (s *Source) serviceFix(sv composeService, name string) *Fix {
	raw := s.RawLine(sv.line)
	i := strings.Index(raw, sv.name+":")
	if i < 0 {
		return nil
	}
	return &Fix{Line: sv.line, Old: raw, New: raw[:i] + name + raw[i+len(sv.name):]}
}

// siblingFolders are the squashed folder names of the other guides beside
// the guide (its siblingIndex): the applications the tree has guides for.
func (s *Source) siblingFolders() []string {
	idx := s.siblingIndex()
	if idx == nil {
		return nil
	}
	own := squash(filepath.Base(filepath.Dir(s.Path)))
	var names []string
	for _, g := range idx.guides {
		if n := squash(g.folder); n != own {
			names = append(names, n)
		}
	}
	return names
}
