package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// RuleIssuerSlash: Authelia's issuer given with a trailing slash by a
// command or a plain-text file.
const RuleIssuerSlash = "issuer-slash"

// issuer-slash: Authelia's issuer is its root URL without a trailing
// slash (the client configuration's and the discovery document's "issuer"),
// and OpenID Connect compares issuers exactly. A command line or a plain
// text file (a providers file) the reader types as written gives
// "https://auth.example.com/", which no token's iss matches
// (authelia/authelia 9cdccf819). An application's own setting may
// normalize it, so the methods' variables are not judged here. The issuer
// is authoritative: the fix drops the slash.
var _ = register(Rule{
	Name:     RuleIssuerSlash,
	Severity: SeverityError,
	Doc:      "a command or plain-text file gives Authelia's issuer with a trailing slash: issuers are compared exactly (fix: without it)",
	Example:  "`opkssh login --provider=https://auth.example.com/,opkssh`",
	Phase:    PhaseText,
	Run:      checkIssuerSlash,
})

// literalLangs are the blocks typed or saved as written: commands and
// plain text.
var literalLangs = map[string]bool{"shell": true, "sh": true, "bash": true, "console": true, "zsh": true,
	"powershell": true, "txt": true, "text": true, "plain": true, "plaintext": true}

var envAssignRe = regexp.MustCompile(`^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=`)

func checkIssuerSlash(p *Pass) {
	s := p.Source
	if s == nil {
		return
	}
	r, ok := p.reference()
	if !ok || r.autheliaRoot == "" {
		return
	}
	issuer := r.autheliaRoot
	for _, f := range s.Blocks {
		if !literalLangs[strings.ToLower(f.Lang)] || strings.HasSuffix(f.Title, ".env") {
			continue // an .env file is the application's settings
		}
		for i, l := range strings.Split(f.Text, "\n") {
			n := f.Line + i
			if envAssignRe.MatchString(l) {
				continue // a variable of the application's, as in an .env file
			}
			for rest := l; ; {
				j := strings.Index(rest, issuer+"/")
				if j < 0 {
					break
				}
				after := rest[j+len(issuer)+1:]
				rest = after
				if after != "" && !strings.ContainsAny(after[:1], " \t,;'\"`\\)") {
					continue // a path under the root: an endpoint, not the issuer
				}
				f := Finding{Line: n, Severity: SeverityError, Rule: RuleIssuerSlash,
					Message: fmt.Sprintf("%s/ is Authelia's issuer with a trailing slash, but its issuer is %s (the discovery document's issuer, every token's iss), and OpenID Connect compares issuers exactly: write %s", issuer, issuer, issuer)}
				if start, end, ok := s.RawSpan(n, issuer+"/"); ok {
					raw := s.RawLine(n)
					f.Fix = &Fix{Line: n, Old: raw, New: raw[:start] + strings.TrimSuffix(raw[start:end], "/") + raw[end:]}
				}
				p.Report(f)
				break
			}
		}
	}
}
