package guide

import (
	"regexp"
	"strings"
)

// A JavaScript block that is a piece of an object literal (Node-RED's
// `adminAuth: {...},` for its settings.js) is a configuration file method:
// its values are named by dotted key paths, as a JSON file's are.

var (
	jsKey     = regexp.MustCompile(`^\s*([A-Za-z_$][\w$]*|'[^']*'|"[^"]*")\s*:\s*(.*?)\s*,?\s*$`)
	jsString  = regexp.MustCompile(`^(?:'([^']*)'|"([^"]*)"|` + "`([^`]*)`" + `)$`)
	jsLiteral = regexp.MustCompile(`^(?:true|false|null|-?[0-9.]+)$`)
)

// isJSFragment: the block's first line that says something is a key of an
// object literal, not a statement (a whole program such as a server.js).
func isJSFragment(b Block) bool {
	lang := strings.ToLower(b.Lang)
	if lang != "js" && lang != "javascript" {
		return false
	}
	for _, l := range strings.Split(b.Text, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "//") {
			continue
		}
		return jsKey.MatchString(t) && !strings.HasPrefix(t, "module.exports")
	}
	return false
}

// jsVars reads an object literal's members line by line: a string, number
// or boolean is a Var, a list of strings one Var of its items joined with
// commas, a function or an expression one Var of its first line; nested
// objects name their members by the dotted path.
func jsVars(b Block) []Var {
	var out []Var
	var path []string // the open objects' keys
	var opened []bool // for each open brace: whether it opened a named object
	skip := 0         // depth of braces inside a function or an expression
	for i, l := range strings.Split(b.Text, "\n") {
		t := strings.TrimSpace(l)
		if i := strings.Index(t, " //"); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		if skip > 0 {
			skip += strings.Count(t, "{") - strings.Count(t, "}")
			continue
		}
		m := jsKey.FindStringSubmatch(t)
		if m == nil {
			for range strings.Count(t, "}") {
				if n := len(opened); n > 0 {
					if opened[n-1] && len(path) > 0 {
						path = path[:len(path)-1]
					}
					opened = opened[:n-1]
				}
			}
			continue
		}
		key, value := strings.Trim(m[1], `'"`), m[2]
		name := strings.Join(append(append([]string(nil), path...), key), ".")
		line := b.Line + i
		switch {
		case value == "{":
			path = append(path, key)
			opened = append(opened, true)
		case jsString.MatchString(value):
			s := jsString.FindStringSubmatch(value)
			out = append(out, Var{Name: name, Value: s[1] + s[2] + s[3], Line: line})
		case jsLiteral.MatchString(value):
			out = append(out, Var{Name: name, Value: value, Line: line})
		case strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]"):
			var items []string
			for _, it := range strings.Split(strings.Trim(value, "[]"), ",") {
				items = append(items, strings.Trim(strings.TrimSpace(it), `'"`+"`"))
			}
			out = append(out, Var{Name: name, Value: strings.Join(items, ","), Line: line})
		default:
			// A function or an expression: its first line stands for it.
			out = append(out, Var{Name: name, Value: value, Line: line})
			skip = strings.Count(value, "{") - strings.Count(value, "}")
		}
	}
	return out
}

// jsMethod is a JavaScript fragment as a configuration file method.
func (p *parser) jsMethod(b Block, ctx context) []Method {
	vars := jsVars(b)
	if len(vars) == 0 {
		return nil
	}
	return []Method{{Name: ctx.name, Variant: ctx.variant, Line: ctx.line, Kind: MethodFile, Block: b, Vars: vars, heading: ctx.heading}}
}
