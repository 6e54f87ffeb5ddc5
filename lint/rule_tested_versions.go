package lint

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/guidewalk/guidewalk/guide"
	"gopkg.in/yaml.v3"
)

// RuleTestedVersions: the Authelia version Tested Versions names takes
// every key of the guide's Authelia configuration.
const RuleTestedVersions = "tested-versions"

var _ = register(Rule{
	Name:     RuleTestedVersions,
	Severity: SeverityError,
	Doc:      "every key of the guide's Authelia configuration is one the configuration schema of the Authelia version Tested Versions names has (docs/static/schemas/v4.xx of the repository the guide stands in); a key it renamed and still maps is a warning",
	Example:  "Authelia `v4.38.18` tested, beside `definitions.user_attributes`, `claims_policies` and a client's `claims_policy`, which v4.39 brought",
	Phase:    PhaseText,
	Run:      textRule(checkTestedVersions),
})

// autheliaVersionRe reads the minor version of an Authelia release:
// "v4.38.18", "4.39", "v4.39.x".
var autheliaVersionRe = regexp.MustCompile(`^[vV]?(\d+)\.(\d+)(?:\.|$)`)

func checkTestedVersions(s *Source) []Finding {
	if s.tree == nil {
		// No repository around the guide (a guide alone, a copy of the
		// guides without the docs' static files): nothing to compare
		// with, and a notice on every guide of such a tree would drown
		// the rest.
		return nil
	}
	var named guide.Version
	major, minor := 0, 0
	for _, v := range s.TestedVersions {
		if !strings.EqualFold(strings.TrimSpace(v.Product), "Authelia") {
			continue
		}
		m := autheliaVersionRe.FindStringSubmatch(strings.TrimSpace(v.Version))
		if m == nil {
			continue
		}
		named = v
		major, _ = strconv.Atoi(m[1])
		minor, _ = strconv.Atoi(m[2])
		break
	}
	if named.Line == 0 {
		return nil
	}
	blocks := autheliaBlocks(s)
	if len(blocks) == 0 {
		return nil
	}
	version := fmt.Sprintf("v%d.%d", major, minor)
	schema := loadSchema(s.tree, version)
	if schema == nil {
		return []Finding{{Line: named.Line, Severity: SeverityNotice, Rule: RuleTestedVersions,
			Message: fmt.Sprintf("the configuration schema of %s (%s) is not in the tree checked: the keys of the guide's Authelia configuration are not compared with Authelia %s's",
				version, schemaPath(version), named.Version)}}
	}
	var out []Finding
	for _, b := range blocks {
		schema.walk(b.node, []*schemaNode{schema.root}, nil, func(key *yaml.Node, path []string) {
			line := b.line + key.Line - 1
			if d, ok := loadDeprecations(s.tree)[listless(path)]; ok && d.autoMap && (d.major < major || d.major == major && d.minor <= minor) {
				// Renamed: Authelia maps it to its new key and warns.
				out = append(out, Finding{Line: line, Severity: SeverityWarning, Rule: RuleTestedVersions,
					Message: fmt.Sprintf("%s is deprecated since v%d.%d: Authelia %s (Tested Versions, line %d) maps it to %s and logs a warning at every start; write %s",
						dotted(path), d.major, d.minor, named.Version, named.Line, d.newKey, d.newKey)})
				return
			}
			later := ""
			for _, v := range laterVersions(major, minor) {
				if other := loadSchema(s.tree, v); other != nil && other.has(path) {
					later = v
					break
				}
			}
			msg := fmt.Sprintf("Tested Versions names Authelia %s (line %d), but the configuration schema of %s has no key %s: Authelia %s refuses it",
				named.Version, named.Line, version, dotted(path), version)
			if later != "" {
				what := later
				if later == "latest" {
					what = "the latest version"
				}
				msg += fmt.Sprintf("; %s has it: name the version the guide was tested with", what)
			} else {
				msg += "; no later schema in the tree has it either: correct the key"
			}
			out = append(out, Finding{Line: line, Severity: SeverityError, Rule: RuleTestedVersions, Message: msg})
		})
	}
	return out
}

// autheliaBlock is a YAML block of Authelia's configuration, parsed.
type autheliaBlock struct {
	node *yaml.Node // the document's top mapping
	line int        // the guide line of the block's first line
}

// autheliaBlocks are the guide's YAML blocks that configure Authelia: the
// client's (identity_providers) and those beside it (definitions).
func autheliaBlocks(s *Source) []autheliaBlock {
	var out []autheliaBlock
	for _, f := range s.Blocks {
		if langKind(f.Lang) != contentYAML {
			continue
		}
		var doc yaml.Node
		if yaml.Unmarshal([]byte(f.Text), &doc) != nil || len(doc.Content) == 0 {
			continue
		}
		top := guide.ResolveAlias(doc.Content[0])
		if top.Kind != yaml.MappingNode {
			continue
		}
		if guide.MapValue(top, "identity_providers") != nil || guide.MapValue(top, "definitions") != nil {
			out = append(out, autheliaBlock{node: top, line: f.Line})
		}
	}
	return out
}

// laterVersions are the schemas that may have a key a version lacks: the
// next minor versions, then latest.
func laterVersions(major, minor int) []string {
	var out []string
	for m := minor + 1; m <= minor+4; m++ {
		out = append(out, fmt.Sprintf("v%d.%d", major, m))
	}
	return append(out, "latest")
}

func schemaPath(version string) string {
	return schemasDir + "/" + version + "/json-schema/configuration.json"
}

// dotted is a key's path as the docs write it: identity_providers.oidc.clients[0].claims_policy.
func dotted(path []string) string {
	var b strings.Builder
	for i, p := range path {
		if strings.HasPrefix(p, "[") {
			b.WriteString(p)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// schemaNode is a JSON schema object as the configuration schemas write
// them: properties, patternProperties, additionalProperties, items, $ref,
// oneOf/anyOf/allOf.
type schemaNode struct {
	Ref        string                 `json:"$ref"`
	Properties map[string]*schemaNode `json:"properties"`
	Patterns   map[string]*schemaNode `json:"patternProperties"`
	Additional json.RawMessage        `json:"additionalProperties"`
	Items      *schemaNode            `json:"items"`
	OneOf      []*schemaNode          `json:"oneOf"`
	AnyOf      []*schemaNode          `json:"anyOf"`
	AllOf      []*schemaNode          `json:"allOf"`

	additional *schemaNode // additionalProperties as a schema
	closed     bool        // additionalProperties: false
	patterns   []*regexp.Regexp
	patternsOf []*schemaNode
}

// configSchema is one version's configuration schema.
type configSchema struct {
	root *schemaNode
	defs map[string]*schemaNode // $defs and definitions, by name
}

func parseSchema(b []byte) (*configSchema, error) {
	var doc struct {
		schemaNode
		Defs        map[string]*schemaNode `json:"$defs"`
		Definitions map[string]*schemaNode `json:"definitions"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, err
	}
	c := &configSchema{root: &doc.schemaNode, defs: map[string]*schemaNode{}}
	for k, v := range doc.Definitions {
		c.defs["#/definitions/"+k] = v
	}
	for k, v := range doc.Defs {
		c.defs["#/$defs/"+k] = v
	}
	seen := map[*schemaNode]bool{}
	var prep func(n *schemaNode)
	prep = func(n *schemaNode) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		switch a := strings.TrimSpace(string(n.Additional)); {
		case a == "false":
			n.closed = true
		case strings.HasPrefix(a, "{"):
			var sub schemaNode
			if json.Unmarshal(n.Additional, &sub) == nil {
				n.additional = &sub
			}
		}
		for p, sub := range n.Patterns {
			if re, err := regexp.Compile(p); err == nil {
				n.patterns, n.patternsOf = append(n.patterns, re), append(n.patternsOf, sub)
			}
		}
		for _, sub := range n.Properties {
			prep(sub)
		}
		for _, sub := range n.patternsOf {
			prep(sub)
		}
		prep(n.additional)
		prep(n.Items)
		for _, l := range [][]*schemaNode{n.OneOf, n.AnyOf, n.AllOf} {
			for _, sub := range l {
				prep(sub)
			}
		}
	}
	prep(c.root)
	for _, d := range c.defs {
		prep(d)
	}
	return c, nil
}

// alternatives are n, its $ref followed, and the alternatives of its
// oneOf, anyOf and allOf, each followed.
func (c *configSchema) alternatives(n *schemaNode, out []*schemaNode, depth int) []*schemaNode {
	if n == nil || depth > 16 {
		return out
	}
	if n.Ref != "" {
		out = c.alternatives(c.defs[n.Ref], out, depth+1)
	}
	out = append(out, n)
	for _, l := range [][]*schemaNode{n.OneOf, n.AnyOf, n.AllOf} {
		for _, sub := range l {
			out = c.alternatives(sub, out, depth+1)
		}
	}
	return out
}

// child is what the schemas ns say of key: the schemas of its value, and
// whether the key is unknown (every object they describe is closed and
// none has it). open: some schema takes any key there, nothing below it is
// known.
func (c *configSchema) child(ns []*schemaNode, key string) (subs []*schemaNode, unknown, open bool) {
	closed := false
	for _, n := range ns {
		for _, a := range c.alternatives(n, nil, 0) {
			matched := false
			if sub, ok := a.Properties[key]; ok {
				subs, matched = append(subs, sub), true
			}
			for i, re := range a.patterns {
				if re.MatchString(key) {
					subs, matched = append(subs, a.patternsOf[i]), true
				}
			}
			switch {
			case matched:
			case a.additional != nil:
				subs = append(subs, a.additional)
			case a.closed:
				closed = true
			case a.Properties != nil || a.Patterns != nil:
				open = true // additionalProperties left out: any key
			}
		}
	}
	return subs, len(subs) == 0 && closed && !open, open
}

// items are the schemas of a list's items.
func (c *configSchema) items(ns []*schemaNode) []*schemaNode {
	var out []*schemaNode
	for _, n := range ns {
		for _, a := range c.alternatives(n, nil, 0) {
			if a.Items != nil {
				out = append(out, a.Items)
			}
		}
	}
	return out
}

// walk calls unknown for each key of y that the schemas ns do not have,
// with its path; it does not go below an unknown key.
func (c *configSchema) walk(y *yaml.Node, ns []*schemaNode, path []string, unknown func(key *yaml.Node, path []string)) {
	y = guide.ResolveAlias(y)
	if y == nil || len(ns) == 0 {
		return
	}
	switch y.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(y.Content); i += 2 {
			k := y.Content[i]
			if k.Value == "<<" {
				continue // a merge key
			}
			p := append(path[:len(path):len(path)], k.Value)
			subs, missing, _ := c.child(ns, k.Value)
			if missing {
				unknown(k, p)
				continue
			}
			c.walk(y.Content[i+1], subs, p, unknown)
		}
	case yaml.SequenceNode:
		subs := c.items(ns)
		for i, it := range y.Content {
			c.walk(it, subs, append(path[:len(path):len(path)], "["+strconv.Itoa(i)+"]"), unknown)
		}
	}
}

// has: the schema knows the key at path (list items as "[i]").
func (c *configSchema) has(path []string) bool {
	ns := []*schemaNode{c.root}
	for _, p := range path {
		if len(ns) == 0 {
			return false // nothing said of it
		}
		if strings.HasPrefix(p, "[") {
			ns = c.items(ns)
			continue
		}
		subs, missing, open := c.child(ns, p)
		if missing {
			return false
		}
		if open && len(subs) == 0 {
			return true
		}
		ns = subs
	}
	return true
}

// schemas caches each tree's schemas by version, and the parsed schemas
// by their content: the trees of many commits share a few schemas.
var (
	schemas        sync.Map // schemaKey -> *configSchema (nil when the tree has none)
	schemasByBytes sync.Map // [sha256.Size]byte -> *configSchema
)

type schemaKey struct {
	tree    fs.FS
	version string
}

// loadSchema is the configuration schema of a minor version ("v4.38",
// "latest") in tree, nil when the tree has none (or there is no tree).
func loadSchema(tree fs.FS, version string) *configSchema {
	if tree == nil {
		return nil
	}
	cacheable := reflect.TypeOf(tree).Comparable()
	key := schemaKey{tree, version}
	if cacheable {
		if v, ok := schemas.Load(key); ok {
			return v.(*configSchema)
		}
	}
	var c *configSchema
	if b, err := fs.ReadFile(tree, schemaPath(version)); err == nil {
		sum := sha256.Sum256(b)
		if v, ok := schemasByBytes.Load(sum); ok {
			c = v.(*configSchema)
		} else if parsed, err := parseSchema(b); err == nil {
			c = parsed
			schemasByBytes.Store(sum, c)
		}
	}
	if cacheable {
		schemas.Store(key, c)
	}
	return c
}

// deprecationsFile is where Authelia's repository lists the keys it
// renamed, with the version that renamed them and whether it still maps
// the old key to the new one.
const deprecationsFile = "internal/configuration/deprecation.go"

// deprecation is a renamed key.
type deprecation struct {
	major, minor int
	newKey       string
	autoMap      bool
}

// deprecationRe is an entry of deprecationsFile.
var deprecationRe = regexp.MustCompile(`Version:\s*model\.SemanticVersion\{Major:\s*(\d+),\s*Minor:\s*(\d+)[^}]*\},\s*Key:\s*"([^"]+)",\s*NewKey:\s*"([^"]*)",\s*AutoMap:\s*(true|false)`)

var deprecationsOf sync.Map // fs.FS -> map[string]deprecation, for a comparable tree

// loadDeprecations are the renamed keys of the tree (key as
// identity_providers.oidc.clients[].id -> its deprecation); none when the
// tree does not hold the file.
func loadDeprecations(tree fs.FS) map[string]deprecation {
	cacheable := reflect.TypeOf(tree).Comparable()
	if cacheable {
		if v, ok := deprecationsOf.Load(tree); ok {
			return v.(map[string]deprecation)
		}
	}
	out := map[string]deprecation{}
	if b, err := fs.ReadFile(tree, deprecationsFile); err == nil {
		for _, m := range deprecationRe.FindAllSubmatch(b, -1) {
			major, _ := strconv.Atoi(string(m[1]))
			minor, _ := strconv.Atoi(string(m[2]))
			out[string(m[3])] = deprecation{major: major, minor: minor, newKey: string(m[4]), autoMap: string(m[5]) == "true"}
		}
	}
	if cacheable {
		deprecationsOf.Store(tree, out)
	}
	return out
}

// listless is a key's path as deprecationsFile writes it: list items as
// "[]".
func listless(path []string) string {
	var b strings.Builder
	for i, p := range path {
		switch {
		case strings.HasPrefix(p, "["):
			b.WriteString("[]")
		case i > 0:
			b.WriteString("." + p)
		default:
			b.WriteString(p)
		}
	}
	return b.String()
}
