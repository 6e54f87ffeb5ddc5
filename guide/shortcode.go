package guide

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Options adjusts how a guide is read.
type Options struct {
	// Sitevars overrides the value of sitevar shortcodes by name, as a reader
	// of the docs site does with its preferences. Every name must be one the
	// guide uses.
	Sitevars map[string]string
}

// Shortcode is one Hugo shortcode found in the guide source.
type Shortcode struct {
	Name     string            // "sitevar", "oidc-common"; "/x" for a closing {{< /x >}}
	Args     map[string]string // named arguments; positional ones under "0", "1", ...
	Line     int
	Rendered bool   // a sitevar, replaced in the text by its value
	Raw      string // as written, e.g. {{< sitevar name="domain" nojs="example.com" >}}
}

// Sitevar is the one shortcode the reader renders.
const Sitevar = "sitevar"

// LoadWith reads and parses the guide at path with options.
func LoadWith(path string, o Options) (*Guide, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseWith(path, src, o)
}

var sitevarNameRe = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]*$`)

// ParseSitevars parses Sitevar overrides written as
// "domain=example.org,subdomain-authelia=login". An empty string gives a nil
// map; empty pairs (a trailing comma) are skipped.
func ParseSitevars(s string) (map[string]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	m := map[string]string{}
	for _, pair := range strings.Split(s, ",") {
		pair = strings.TrimSpace(pair)
		if pair == "" {
			continue
		}
		name, value, ok := strings.Cut(pair, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || !sitevarNameRe.MatchString(name) || value == "" {
			return nil, fmt.Errorf("sitevars: malformed pair %q: want name=value, as in domain=example.org", pair)
		}
		if _, dup := m[name]; dup {
			return nil, fmt.Errorf("sitevars: %q is given twice", name)
		}
		m[name] = value
	}
	return m, nil
}

// ShortcodeSpan is a shortcode and its byte range within one line.
type ShortcodeSpan struct {
	Start, End int // byte offsets in the line
	Shortcode
}

var shortcodeNameRe = regexp.MustCompile(`^/?[A-Za-z0-9_][A-Za-z0-9_./-]*`)

// FindShortcodes finds the shortcodes written on one line. Escaped ones
// ({{</* x */>}}, which Hugo shows as written) are not shortcodes.
func FindShortcodes(line string) []ShortcodeSpan {
	var out []ShortcodeSpan
	for i := 0; i < len(line); {
		j := strings.Index(line[i:], "{{")
		if j < 0 {
			break
		}
		start := i + j
		if start+2 >= len(line) || (line[start+2] != '<' && line[start+2] != '%') {
			i = start + 2
			continue
		}
		closer := ">}}"
		if line[start+2] == '%' {
			closer = "%}}"
		}
		k := strings.Index(line[start+3:], closer)
		if k < 0 {
			break
		}
		end := start + 3 + k + len(closer)
		inner := strings.TrimSpace(line[start+3 : end-len(closer)])
		if strings.HasPrefix(inner, "/*") {
			i = end
			continue
		}
		sc, ok := ParseShortcode(inner)
		if !ok {
			i = start + 3
			continue
		}
		sc.Raw = line[start:end]
		out = append(out, ShortcodeSpan{start, end, sc})
		i = end
	}
	return out
}

// ParseShortcode reads "name key="v" positional ..." (the text between the
// delimiters).
func ParseShortcode(inner string) (Shortcode, bool) {
	name := shortcodeNameRe.FindString(inner)
	if name == "" || name == "/" {
		return Shortcode{}, false
	}
	// In a double-quoted YAML string the docs escape the quotes of the
	// arguments (name=\"domain\"): the argument is the same.
	rest := strings.TrimSpace(inner[len(name):])
	if strings.Contains(rest, `=\"`) {
		rest = strings.ReplaceAll(rest, `\"`, `"`)
	}
	if !strings.HasPrefix(name, "/") {
		name = strings.TrimSuffix(name, "/") // {{< x/>}}
	}
	rest = strings.TrimSpace(strings.TrimSuffix(rest, "/")) // self-closing {{< x />}}
	args, ok := shortcodeArgs(rest)
	if !ok {
		return Shortcode{}, false
	}
	return Shortcode{Name: name, Args: args}, true
}

// shortcodeArgs tokenizes key="value", key=value, "positional" and
// positional arguments; quotes are "..." (with \" escapes) or `...`.
func shortcodeArgs(s string) (map[string]string, bool) {
	var args map[string]string
	set := func(k, v string) {
		if args == nil {
			args = map[string]string{}
		}
		args[k] = v
	}
	pos := 0
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return args, true
		}
		var key string
		if s[0] != '"' && s[0] != '`' {
			end := strings.IndexAny(s, " \t=")
			if end < 0 {
				end = len(s)
			}
			if end < len(s) && s[end] == '=' {
				key, s = s[:end], s[end+1:]
				if key == "" {
					return nil, false
				}
			}
		}
		value, rest, ok := shortcodeValue(s)
		if !ok {
			return nil, false
		}
		s = rest
		if key == "" {
			key = strconv.Itoa(pos)
			pos++
		}
		set(key, value)
	}
}

func shortcodeValue(s string) (value, rest string, ok bool) {
	if s == "" {
		return "", "", true
	}
	switch s[0] {
	case '`':
		end := strings.IndexByte(s[1:], '`')
		if end < 0 {
			return "", "", false
		}
		return s[1 : end+1], s[end+2:], true
	case '"':
		var sb strings.Builder
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				if i+1 < len(s) {
					i++
					sb.WriteByte(s[i])
				}
			case '"':
				return sb.String(), s[i+1:], true
			default:
				sb.WriteByte(s[i])
			}
		}
		return "", "", false
	}
	end := strings.IndexAny(s, " \t")
	if end < 0 {
		end = len(s)
	}
	return s[:end], s[end:], true
}

// renderShortcodes records every shortcode of body and replaces each sitevar
// by its value on the same line, so line numbers stay the source's.
func (p *parser) renderShortcodes(body []byte, o Options) ([]byte, error) {
	for name, v := range o.Sitevars {
		if strings.ContainsAny(v, "\r\n") {
			return nil, p.errorf(0, "sitevar override %s=%q spans lines", name, v)
		}
	}
	type use struct {
		value string
		line  int
	}
	used := map[string]use{}
	lines := strings.SplitAfter(string(body), "\n")
	var out strings.Builder
	for i, line := range lines {
		n := i + 1
		spans := FindShortcodes(line)
		last := 0
		for _, sp := range spans {
			sc := sp.Shortcode
			sc.Line = n
			if sc.Name == Sitevar {
				name := sc.Args["name"]
				if name == "" {
					return nil, p.errorf(n, "sitevar shortcode without a name: %s", sc.Raw)
				}
				value, override := o.Sitevars[name]
				if !override {
					var ok bool
					if value, ok = sc.Args["nojs"]; !ok {
						return nil, p.errorf(n, "sitevar %q has no nojs value and no override: %s", name, sc.Raw)
					}
				}
				if u, seen := used[name]; !seen {
					used[name] = use{value, n}
				} else if u.value != value {
					p.sitevarConflicts = append(p.sitevarConflicts, p.errorf(n,
						"sitevar %q: line %d says %q, line %d says %q", name, u.line, u.value, n, value))
				}
				sc.Rendered = true
				out.WriteString(line[last:sp.Start])
				out.WriteString(value)
				last = sp.End
			}
			p.g.Shortcodes = append(p.g.Shortcodes, sc)
		}
		out.WriteString(line[last:])
	}
	var unknown []string
	for name := range o.Sitevars {
		if _, ok := used[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 && !p.lenient { // one --sitevars for many guides: not all use every name
		var names []string
		for name := range used {
			names = append(names, name)
		}
		sort.Strings(unknown)
		sort.Strings(names)
		uses := strings.Join(names, ", ")
		if uses == "" {
			uses = "none"
		}
		return nil, p.errorf(0, "GUIDEWALK_SITEVARS names %s, which the guide does not use; it uses: %s", strings.Join(unknown, ", "), uses)
	}
	if len(used) > 0 {
		p.g.Sitevars = map[string]string{}
		for name, u := range used {
			p.g.Sitevars[name] = u.value
		}
	}
	return []byte(out.String()), nil
}

// checkValue reports a shortcode left in a value the suite uses. from is the
// value's first line; the error names the shortcode's own line when known.
func (p *parser) checkValue(value string, from int) error {
	if p.lenient {
		return nil // the checker compares what is there; a shortcode is just text
	}
	i := strings.Index(value, "{{<")
	if j := strings.Index(value, "{{%"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return nil
	}
	raw := value[i:]
	if spans := FindShortcodes(raw); len(spans) > 0 && spans[0].Start == 0 {
		raw = raw[:spans[0].End]
	} else if end := strings.Index(raw, "}}"); end >= 0 {
		raw = raw[:end+2]
	}
	line := from
	for _, sc := range p.g.Shortcodes {
		if !sc.Rendered && sc.Raw == raw && sc.Line >= from {
			line = sc.Line
			break
		}
	}
	return p.errorf(line, "shortcode %s inside a value the suite uses: only %s is rendered", raw, Sitevar)
}
