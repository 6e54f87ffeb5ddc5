package lint

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/guidewalk/guidewalk/guide"
)

// meaning is what a setting is, as far as the checker is sure.
type meaning int

const (
	meaningNone meaning = iota
	meaningClientID
	meaningClientSecret
	meaningScopes
	meaningRedirectURI
	meaningIssuer
	meaningAuthURL
	meaningTokenURL
	meaningUserinfoURL
)

// meanings maps a setting's name, its words joined, to what it is: the
// name ends with one of them ("MINIO_IDENTITY_OPENID_CLIENT_ID").
var meanings = []struct {
	m      meaning
	suffix []string
}{
	{meaningClientID, []string{"clientid"}},
	{meaningClientSecret, []string{"clientsecret"}},
	{meaningScopes, []string{"scopes", "scope"}},
	{meaningRedirectURI, []string{"redirecturi", "redirecturl", "callbackurl", "callbackuri", "redirecturis", "redirecturls", "callbackurls", "callbackuris"}},
	{meaningIssuer, []string{"issuer", "issuerurl", "issueruri", "configurl", "discoveryurl", "discoveryuri",
		"discoveryendpoint", "wellknownurl", "openidconfigurationurl", "autodiscoveryurl"}},
	{meaningAuthURL, []string{"authurl", "authuri", "authorizationurl", "authorizationtokenendpoint", "authorizationuri", "authorizationendpoint", "authendpoint", "authorizeurl"}},
	{meaningTokenURL, []string{"tokenurl", "tokenuri", "tokenendpoint", "accesstokenurl"}},
	{meaningUserinfoURL, []string{"userinfourl", "userinfouri", "userinfoendpoint"}},
}

func meaningOf(words []string) meaning {
	for _, m := range meanings {
		for _, s := range m.suffix {
			if tailOf(words, s) {
				return m.m
			}
		}
	}
	return meaningNone
}

// tailOf: the last words of words, joined, are s ("client","id" ends "clientid").
func tailOf(words []string, s string) bool {
	for k := len(words) - 1; k >= 0; k-- {
		j := strings.Join(words[k:], "")
		if j == s {
			return true
		}
		if len(j) >= len(s) {
			return false
		}
	}
	return false
}

// entry is one setting of a method: a variable, a configuration key or a
// form entry.
type entry struct {
	method     string // the method's label
	kind       guide.MethodKind
	name       string   // as written: "MINIO_IDENTITY_OPENID_SCOPES", "oidc.scopes", "Scopes"
	words      []string // the name's words, lower case
	core       string   // the name's words that say what it is, joined: "scopes"
	desc       string   // its method's block or step: "the .env block", "the Web GUI step 4"
	what       string   // "the .env block's MINIO_IDENTITY_OPENID_SCOPES"
	phrase     string   // "line 9 sets X=y", "line 9 says Label: y"
	value      string
	line       int
	comparable bool // a value to type as is, not prose
	meaning    meaning
}

// view is a method as its settings.
type view struct {
	m       guide.Method
	desc    string // "the .env block", "the Web GUI step 4"
	entries []entry
}

// views reads every method's settings.
func viewsOf(g *guide.Guide) []view {
	var out []view
	for _, m := range g.Methods {
		v := view{m: m, desc: methodDesc(g, m)}
		switch m.Kind {
		case guide.MethodEnv, guide.MethodCompose, guide.MethodFile:
			prefix := ""
			if m.Kind != guide.MethodFile {
				prefix = commonPrefix(m.Vars)
			}
			for _, x := range m.Vars {
				words := wordsOf(x.Name)
				core := strings.Join(wordsOf(strings.TrimPrefix(x.Name, prefix)), "")
				if m.Kind == guide.MethodFile {
					core = strings.Join(wordsOf(x.Name[strings.LastIndexByte(x.Name, '.')+1:]), "")
				}
				value := cleanValue(x.Value)
				v.entries = append(v.entries, entry{method: m.Label(), kind: m.Kind, name: x.Name, words: words, core: core, desc: v.desc,
					what: v.desc + "'s " + x.Name, phrase: fmt.Sprintf("line %d sets %s=%s", x.Line, x.Name, short(value)),
					value: value, line: x.Line, comparable: true, meaning: meaningOf(words)})
			}
		case guide.MethodSteps:
			seen := map[string]bool{}
			for _, st := range m.Steps {
				for _, it := range st.Items {
					words := wordsOf(parenthesis.ReplaceAllString(it.Label, ""))
					if it.Label == "" || len(words) > 6 || seen[strings.Join(words, "")] {
						continue
					}
					seen[strings.Join(words, "")] = true
					value, ok := formEntryValue(it)
					v.entries = append(v.entries, entry{method: m.Label(), kind: m.Kind, name: it.Label, words: words, core: strings.Join(words, ""), desc: formName(g, m, st),
						what: formName(g, m, st) + "'s " + it.Label, phrase: fmt.Sprintf("line %d says %s: %s", it.Line, it.Label, it.Value),
						value: value, line: it.Line, comparable: ok, meaning: meaningOf(words)})
				}
			}
		}
		v.qualified()
		if len(v.entries) > 0 {
			out = append(out, v)
		}
	}
	return out
}

// parenthesis is a remark in a label: "Client ID (Key)".
var parenthesis = regexp.MustCompile(`\s*\([^)]*\)`)

// qualified: where a method has the plain setting (Argo CD's clientID),
// a qualified one (cliClientID) is another thing, not the same meaning.
func (v *view) qualified() {
	plain := map[meaning]bool{}
	for _, e := range v.entries {
		if e.meaning != meaningNone && isSuffix(e.meaning, e.core) {
			plain[e.meaning] = true
		}
	}
	for i, e := range v.entries {
		if plain[e.meaning] && !isSuffix(e.meaning, e.core) {
			v.entries[i].meaning = meaningNone
		}
	}
}

func isSuffix(m meaning, core string) bool {
	for _, x := range meanings {
		if x.m == m && slices.Contains(x.suffix, core) {
			return true
		}
	}
	return false
}

// formEntryValue is what a form entry sets, and whether it is a value to
// compare: a code span, a switch (Enabled), or "Leave Empty".
func formEntryValue(it guide.Item) (string, bool) {
	if it.Literal {
		return cleanValue(it.Value), true
	}
	if len(it.Codes) > 1 && strings.Trim(stripCodes(it), " ,.;and") == "" {
		return strings.Join(it.Codes, ","), true // `openid`, `profile` and `email`
	}
	switch kind, on := formValue(it); kind {
	case valueSwitch:
		if on {
			return "enabled", true
		}
		return "disabled", true
	case valueEmpty:
		return "", true
	}
	return it.Value, false
}

// stripCodes is the value with its code spans taken out.
func stripCodes(it guide.Item) string {
	s := it.Value
	for _, c := range it.Codes {
		s = strings.Replace(s, c, "", 1)
	}
	return s
}

// wordsOf splits a name into lower-case words at separators and at
// camelCase: "OIDC_CLIENT_ID", "oidc.clientId", "Client ID" -> oidc client id.
func wordsOf(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && len(cur) > 0 && (unicode.IsLower(cur[len(cur)-1]) ||
				(i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(cur[len(cur)-1]))) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return words
}

// cleanValue is a value without what is not part of it: surrounding
// quotes or backticks and space.
func cleanValue(s string) string {
	s = strings.TrimSpace(s)
	for {
		u := guide.Unquote(s)
		if u == s {
			return s
		}
		s = strings.TrimSpace(u)
	}
}

// placeholder: a value the reader is to replace, or a shortcode the checker
// cannot render; nothing to compare.
func placeholder(s string) bool {
	return strings.Contains(s, "{{") || strings.Contains(s, "${") || strings.Contains(s, "$(") ||
		(strings.Contains(s, "<") && strings.Contains(s, ">")) || strings.Contains(strings.ToLower(s), "your")
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// normURL makes equal URLs equal strings: scheme and host in lower case,
// no default port, no trailing slash.
func normURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return strings.TrimRight(s, "/")
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if (u.Scheme == "https" && u.Port() == "443") || (u.Scheme == "http" && u.Port() == "80") {
		u.Host = u.Hostname()
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return strings.TrimRight(u.String(), "/")
}

const wellKnown = "/.well-known/openid-configuration"

// providerURL is the issuer a URL names: an issuer and its discovery URL
// are the same provider.
func providerURL(s string) string {
	n := normURL(s)
	for _, suffix := range []string{wellKnown, "/.well-known/oauth-authorization-server"} {
		n = strings.TrimSuffix(n, suffix)
	}
	return n
}

// scopeSet reads a scope list whatever its separator, as a sorted set.
func scopeSet(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '+' || r == '\t' })
	var out []string
	for _, x := range f {
		if x = cleanValue(x); x != "" && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	slices.Sort(out)
	return out
}

// separator of a scope list: "," or " " (or "" for one scope).
func separator(s string) string {
	switch {
	case strings.Contains(s, ","):
		return ","
	case strings.Contains(strings.TrimSpace(s), " "):
		return " "
	}
	return ""
}

// agree compares two values of one setting by what they mean.
func agree(a, b entry) bool {
	x, y := a.value, b.value
	if x == y {
		return true
	}
	if a.meaning == meaningScopes || b.meaning == meaningScopes {
		return slices.Equal(scopeSet(x), scopeSet(y))
	}
	if isURL(x) && isURL(y) {
		if a.meaning == meaningIssuer || b.meaning == meaningIssuer {
			return providerURL(x) == providerURL(y)
		}
		return normURL(x) == normURL(y)
	}
	if bx, ok := boolWord(x); ok {
		if by, ok := boolWord(y); ok {
			return bx == by
		}
	}
	return false
}

// boolWord reads true/on/1/Enabled/yes and their opposites.
func boolWord(s string) (on, ok bool) {
	switch strings.TrimSpace(s) {
	case "1":
		return true, true
	case "0":
		return false, true
	}
	return switchWord(s)
}

// rank orders the kinds for where a disagreement is said: at the block a
// reader copies (compose, then .env, then a file), not at the prose.
func rank(k guide.MethodKind) int {
	switch k {
	case guide.MethodCompose:
		return 4
	case guide.MethodEnv:
		return 3
	case guide.MethodFile:
		return 2
	}
	return 1
}

func envLike(k guide.MethodKind) bool { return k == guide.MethodEnv || k == guide.MethodCompose }

// comparison is two methods' settings matched by meaning, which the rules
// of PhaseMethods read: the same variable name in two environment blocks,
// otherwise names whose words say the same thing, when exactly one setting
// of each side matches.
type comparison struct {
	a, b         view
	pairs        [][2]entry
	restA, restB []entry // the settings of a, b that match none of the other
}

// comparisons are the guide's methods compared two by two, in order, read
// once; two sets of steps or two files are not compared (two screens, two
// files, two set-ups).
func (p *Pass) comparisons() []comparison {
	if sh := p.shared; !sh.read.comparisons {
		views := p.views()
		for i := range views {
			for j := i + 1; j < len(views); j++ {
				a, b := views[i], views[j]
				if a.m.Kind == b.m.Kind && (a.m.Kind == guide.MethodSteps || a.m.Kind == guide.MethodFile) {
					continue
				}
				c := comparison{a: a, b: b}
				c.pairs, c.restA, c.restB = match(a, b)
				sh.comparisons = append(sh.comparisons, c)
			}
		}
		sh.read.comparisons = true
	}
	return p.shared.comparisons
}

// sure are the matched pairs whose values the rules compare: both sure of
// what they are, neither a placeholder; the more authoritative first (see
// rank), else the first in the guide.
func (c comparison) sure() [][2]entry {
	var out [][2]entry
	for _, p := range c.pairs {
		x, y := p[0], p[1]
		if !x.comparable || !y.comparable || placeholder(x.value) || placeholder(y.value) || !sureToCompare(x, y) {
			continue
		}
		if rank(y.kind) > rank(x.kind) || (rank(y.kind) == rank(x.kind) && y.line > x.line) {
			x, y = y, x
		}
		out = append(out, [2]entry{x, y})
	}
	return out
}

// twoEnvironments: the two methods are two environments (.env, compose) of
// one application: both environment-like, and at least half the settings
// of the smaller one matched.
func (c comparison) twoEnvironments() bool {
	return envLike(c.a.m.Kind) && envLike(c.b.m.Kind) && len(c.pairs)*2 >= min(len(c.a.entries), len(c.b.entries))
}

// sureToCompare: settings of two kinds of method are compared when what they
// are is known, or both are switches; a GUI shows an option by its name
// ("OpenID Connect" for oidc), so prose-like values are not compared.
func sureToCompare(x, y entry) bool {
	if envLike(x.kind) && envLike(y.kind) {
		return true
	}
	if x.meaning != meaningNone && x.meaning == y.meaning {
		return true
	}
	_, bx := boolWord(x.value)
	_, by := boolWord(y.value)
	if bx && by {
		return true
	}
	if x.kind == guide.MethodSteps || y.kind == guide.MethodSteps {
		return x.kind != guide.MethodFile && y.kind != guide.MethodFile && !strings.Contains(x.value, " ") && !strings.Contains(y.value, " ")
	}
	return false
}

func withoutQuery(s string) string {
	if i := strings.IndexByte(s, '?'); i >= 0 {
		return s[:i]
	}
	return s
}

// whereLongValuesDiffer points at the first difference of two values too
// long for a message (a JSON document in a variable).
func whereLongValuesDiffer(a, b string) string {
	if len(a) <= 80 && len(b) <= 80 {
		return ""
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-20, 0)
	cut := func(s string) string { return s[from:min(len(s), i+30)] }
	return fmt.Sprintf(" (they differ from character %d: %q and %q)", i+1, cut(a), cut(b))
}

// short keeps a long value (a JSON document in a variable) readable.
func short(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

// match pairs the settings of two methods that are sure to be one setting.
func match(a, b view) (pairs [][2]entry, restA, restB []entry) {
	usedB := map[int]bool{}
	usedA := map[int]bool{}
	if envLike(a.m.Kind) && envLike(b.m.Kind) {
		for i, x := range a.entries {
			for j, y := range b.entries {
				if !usedB[j] && x.name == y.name {
					pairs = append(pairs, [2]entry{x, y})
					usedA[i], usedB[j] = true, true
					break
				}
			}
		}
	} else {
		for i, x := range a.entries {
			var cand []int
			for j, y := range b.entries {
				if sameSetting(x, y) {
					cand = append(cand, j)
				}
			}
			if len(cand) != 1 || usedB[cand[0]] {
				continue
			}
			y := b.entries[cand[0]]
			back := 0
			for _, x2 := range a.entries {
				if sameSetting(x2, y) {
					back++
				}
			}
			if back == 1 {
				pairs = append(pairs, [2]entry{x, y})
				usedA[i], usedB[cand[0]] = true, true
			}
		}
	}
	for i, x := range a.entries {
		if !usedA[i] {
			restA = append(restA, x)
		}
	}
	for j, y := range b.entries {
		if !usedB[j] {
			restB = append(restB, y)
		}
	}
	return pairs, restA, restB
}

// sameSetting: the names say the same: their cores are equal, or the whole
// of one name is the tail of the other ("oidc.client_id" and
// "SFTPGO_HTTPD__BINDINGS__0__OIDC__CLIENT_ID").
func sameSetting(x, y entry) bool {
	if x.core != "" && x.core == y.core {
		return true
	}
	short, long := x.words, y.words
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) > 0 && tailOf(long, strings.Join(short, "")) && len(strings.Join(short, "")) >= 6
}

// namedDifferently finds the one setting of others that is e under another
// name: same meaning, or the same last two words.
func namedDifferently(e entry, others []entry) (entry, bool) {
	var found []entry
	for _, o := range others {
		switch {
		case e.meaning != meaningNone && e.meaning == o.meaning:
			found = append(found, o)
		case len(e.words) >= 2 && len(o.words) >= 2 &&
			slices.Equal(e.words[len(e.words)-2:], o.words[len(o.words)-2:]):
			found = append(found, o)
		}
	}
	if len(found) != 1 {
		return entry{}, false
	}
	return found[0], true
}

// methodDesc names a method's block or steps for messages.
func methodDesc(g *guide.Guide, m guide.Method) string {
	switch m.Kind {
	case guide.MethodEnv, guide.MethodCompose:
		d := blockName(g, m)
		if countKind(g, m.Kind) > 1 && m.Kind == guide.MethodEnv {
			d += " of " + m.Label()
		}
		return d
	case guide.MethodFile:
		if m.Block.Title != "" {
			return "the " + m.Block.Title + " block"
		}
		return "the " + m.Label() + " block"
	case guide.MethodSteps:
		return "the " + m.Label() + " steps"
	}
	return m.Label()
}

func countKind(g *guide.Guide, k guide.MethodKind) int {
	n := 0
	for _, m := range g.Methods {
		if m.Kind == k {
			n++
		}
	}
	return n
}

// digests remembers verified digests: the docs share one example digest,
// and each verification is 310000 rounds.
var digests sync.Map // [2]string{digest, secret} -> bool

func verifyDigest(digest, secret string) (bool, error) {
	k := [2]string{digest, secret}
	if ok, seen := digests.Load(k); seen {
		return ok.(bool), nil
	}
	ok, err := VerifyPBKDF2Digest(digest, secret)
	if err == nil {
		digests.Store(k, ok)
	}
	return ok, err
}
