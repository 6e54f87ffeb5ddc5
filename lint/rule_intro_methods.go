package lint

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// RuleIntroMethods: the introduction names methods the guide does not have.
const RuleIntroMethods = "intro-methods"

// intro-methods: the methods the introduction names (guide.Guide.Intro) and
// the method headings of the Application section are the same.
var _ = register(Rule{
	Name:     RuleIntroMethods,
	Severity: SeverityError,
	Doc:      "each method the introduction names (\"there are two methods, using …\") has a section of its own",
	Example:  "\"there are two methods, using Environment Variables or the Web GUI\" above no Web GUI section",
	Phase:    PhaseReading,
	Run:      checkIntroMethods,
})

// checkIntroMethods: each method the introduction names is one of the
// section's headings, and each method heading of the section is named by
// the introduction. Said only when the section has headings to name
// methods.
func checkIntroMethods(p *Pass) {
	g := p.Guide
	intro := g.Intro
	var headings []string
	var levels, lines []int
	for _, h := range g.ApplicationHeadings {
		headings = append(headings, h.Text)
		levels, lines = append(levels, h.Level), append(lines, h.Line)
	}
	if len(headings) == 0 || len(intro) == 0 {
		return
	}
	names := func(a, b string) bool {
		ka, kb := guide.Normalize(a), guide.Normalize(b)
		return strings.Contains(ka, kb) || strings.Contains(kb, ka)
	}
	var missing []string
	for _, im := range intro {
		found := false
		for _, h := range headings {
			if names(h, im.Name) {
				found = true
			}
		}
		if !found {
			missing = append(missing, strconv.Quote(im.Name))
		}
	}
	if len(missing) > 0 {
		p.Reportf(SeverityError, "", intro[0].Line, "the introduction names %s, but the guide has no section for %s: it has %s; name only the methods the guide has",
			methodCount(len(intro)), strings.Join(missing, " nor "), quoteAll(headings))
		return
	}
	// The other way: a method heading the introduction does not name.
	var unnamed []string
	methods := 0
	for i, h := range headings {
		if levels[i] != slices.Min(levels) || !methodHeading(g, h) {
			continue
		}
		methods++
		if !slices.ContainsFunc(intro, func(im guide.IntroMethod) bool { return names(h, im.Name) }) {
			unnamed = append(unnamed, fmt.Sprintf("%q (line %d)", h, lines[i]))
		}
	}
	if len(unnamed) > 0 && methods > len(intro) {
		var named []string
		for _, im := range intro {
			named = append(named, strconv.Quote(im.Name))
		}
		p.Reportf(SeverityError, "", intro[0].Line, "the introduction names %s (%s), but the guide has %d: it also has %s; name every method in the introduction",
			methodCount(len(intro)), strings.Join(named, ", "), methods, strings.Join(unnamed, " and "))
	}
}

func methodCount(n int) string {
	if n == 1 {
		return "1 method"
	}
	return strconv.Itoa(n) + " methods"
}

// methodNames are the headings that name a way to configure an
// application, normalized.
var methodNames = []string{"configurationfile", "configurationfiles", "configfile", "environmentvariables", "environmentvariable",
	"webgui", "gui", "webui", "webinterface", "admininterface", "cli", "commandline", "commandlineinterface", "api",
	"dockercompose", "helm", "helmchart"}

// methodHeading: a heading that names a way to configure the application
// and holds a method the checker read.
func methodHeading(g *guide.Guide, h string) bool {
	if !slices.Contains(methodNames, guide.Normalize(h)) {
		return false
	}
	return slices.ContainsFunc(g.Methods, func(m guide.Method) bool { return m.Name == h })
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = strconv.Quote(x)
	}
	return strings.Join(q, ", ")
}
