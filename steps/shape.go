package steps

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/cucumber/godog"
	"github.com/guidewalk/guidewalk/env"
	"github.com/guidewalk/guidewalk/guide"
)

// Shape is the common shape of most of Authelia's guides, as one value an
// application's folder declares: the application reads the method's
// settings (its environment, or a configuration file at a known path),
// shows a page with a button to sign in with the provider, sends the user
// through Authelia and lands on a page that proves who is logged in (and,
// where the guide maps a group to a role, with that role). The suite's
// steps (shape_steps.go) run it; a folder adds Go only for what the shape
// does not cover. RegisterShape makes it the guide's Application.
type Shape struct {
	// Product is the guide's title and its product in Tested Versions.
	Product string
	// Image is the official image with {version} where Tested Versions'
	// version goes, without its "v" ("ghcr.io/thomiceli/opengist:{version}").
	Image    string
	ImageVar string // the variable that overrides it
	// Port is where the application serves plain HTTP; the run serves TLS
	// for the guide's hostname in front of it, as a reverse proxy does
	// (X-Forwarded-Proto, -Host and -For set).
	Port string
	// Ready is the path that answers once the application is up, and a
	// piece of its answer that says it is the application's.
	Ready Probe
	// Version is the command that prints the application's version inside
	// its container; VersionLabel, when it has none, the image label.
	Version      []string
	VersionLabel string
	// TrustVar is the variable naming a CA file the application trusts
	// ("SSL_CERT_FILE" for Go programs): the run's CA, for Authelia's TLS.
	TrustVar string
	// FetchesAtStart: the application reads Authelia's discovery document
	// when it starts (it starts once Authelia is healthy).
	FetchesAtStart bool
	// Env is what the container needs whatever the method (not the guide's).
	Env []string
	// File is where a configuration file method's block goes, as written;
	// a method of variables reaches the application as its environment.
	File string
	// AfterReady are commands run inside the container once it answers
	// (PocketBase's first superuser); Secrets are masked in every log.
	AfterReady [][]string
	Secrets    []string
	// Prepare makes on the host what the container mounts (a page the run
	// serves beside the application): path inside -> folder on the host.
	Prepare func(ctx context.Context, dir string, log *env.Logger) (map[string]string, error)
	// Popup: the sign-in opens Authelia in a window of its own (an
	// application using PocketBase's JavaScript SDK).
	Popup bool
	// Configuring is the step of the application's own feature that starts
	// the configuration by numbered steps (a Web GUI), and Configure does
	// them for a scenario that needs them done; none for a guide of blocks.
	Configuring string
	Configure   func(w *World) error
	// Written, when set, says the application is the guide's own code,
	// made by the guide's commands and program (see Written).
	Written *Written
	// Into, when set, says the block is a piece of a file the image already
	// has (Node-RED's settings.js): the run puts it in that file, where a
	// reader would, and the result goes to File.
	Into *Into
	// Files are more files the application needs that the guide does not
	// give (path -> content); Unsaid says why, for the report.
	Files map[string]string
	// Needs are the containers it needs beside it that the guide takes for
	// granted (its database), started first; "{name}" in Env is one's
	// hostname. Unsaid says so, for the report.
	Needs []env.Service
	// Start is the page a visitor opens to sign in ("" for the root).
	Start string
	// SignIn is the control on it that starts the sign-in with Authelia;
	// none (no Role) when opening the page sends the visitor to Authelia.
	SignIn Control
	// LoggedIn is what proves, once back from Authelia, who is logged in.
	LoggedIn Proof
	// User names the user outside any group the scenarios play (default
	// "user").
	User string
	// Users, when the guide maps no group to a role, are the users the
	// scenarios play: "admin" (in Authelia's admins group) and User.
	Users []string
	// Admin is how the role the guide's admin group gives shows; nil when
	// the guide maps no group to a role.
	Admin *Admin
	// Unsaid is what a reader does that the guide does not say, recorded
	// at the method's block under "Not in the guide" once per scenario.
	Unsaid []Unsaid
	// Steps registers the folder's own step definitions, if any.
	Steps func(w *World, sc *godog.ScenarioContext)
}

// Unsaid is one thing a reader does that the guide does not say, for the
// methods of Kinds (every method when none). "{line of <setting>}" in What
// is the guide's line of the first method's setting of that meaning,
// "{block}" the method's block by its title (".env").
type Unsaid struct {
	Kinds []guide.MethodKind
	What  string
}

// Into is the file of the image a block is a piece of, and the line after
// which a reader puts it (the line that opens its exported object).
type Into struct{ From, After string }

// Probe is a readiness check: GET Path answers Status (default 200) with
// Holds in its body.
type Probe struct {
	Path, Holds string
	Status      int
}

// Control is an element found as a reader finds it: its role and its
// accessible name. {setting} in Name is the value of the method's setting
// of that meaning ("{provider name}": OG_OIDC_PROVIDER_NAME, or
// oidc.provider-name in a configuration file).
type Control struct{ Role, Name string }

// Proof is what a page shows to a logged-in user only. Every field given
// must show.
type Proof struct {
	UserName bool // the Authelia user's name (the preferred_username claim)
	Email    bool // the user's email (the email claim), as a text or an element's title
	// Claims: the page shows the user's claims as JSON (a developer
	// guide's page): the object holding the user's email holds their name
	// and groups too.
	Claims  bool
	Heading string  // a heading
	Text    string  // a text
	Control Control // a control, by role and name (an editor's "Deploy")
	// Welcome is a dialog a first sign-in opens over the page (a tour),
	// which a reader closes before anything else.
	Welcome *Welcome
	// Avatar is the role of a control named by the user's initials (the
	// name's first two letters) that opens a menu showing the user's name:
	// pressed before UserName is looked for.
	Avatar string
}

// Welcome is a dialog shown at a first sign-in: its heading begins with
// Heading, and Close, inside it, closes it.
type Welcome struct {
	Heading string
	Close   Control
}

// Admin is the role the guide's admin group gives: the page at Path opens
// with Heading for a member, and not for anyone else. Group names the
// setting that names the group ("admin group": OG_OIDC_ADMIN_GROUP,
// oidc.admin-group).
type Admin struct{ Group, Path, Heading string }

// RegisterShape makes the shape the Application of its guide.
func RegisterShape(s Shape) { RegisterApplication(&shapeApp{s}) }

// IsShape says whether the application is declared as a Shape.
func IsShape(a Application) bool {
	_, ok := a.(*shapeApp)
	return ok
}

// shapeApp is a Shape as an Application.
type shapeApp struct{ s Shape }

// NoNumberedSteps: a guide of this shape configures by blocks only.
var _ interface {
	Application
	UsersFromGuide
} = (*shapeApp)(nil)

func (a *shapeApp) Product() string  { return a.s.Product }
func (a *shapeApp) ImageVar() string { return a.s.ImageVar }
func (a *shapeApp) Image(version string) string {
	return strings.ReplaceAll(a.s.Image, "{version}", strings.TrimPrefix(strings.TrimSpace(version), "v"))
}

func (a *shapeApp) ConfiguringStep() string { return a.s.Configuring }

// Services: the Shape's, each with the image its variable names, if set.
func (a *shapeApp) Services() []env.Service {
	var out []env.Service
	for _, d := range a.s.Needs {
		if v := os.Getenv(d.ImageVar); v != "" && d.ImageVar != "" {
			d.Image = v
		}
		out = append(out, d)
	}
	return out
}

func (a *shapeApp) ConfigureBySteps(w *World) error {
	if a.s.Configure != nil {
		return a.s.Configure(w)
	}
	return NoNumberedSteps{}.ConfigureBySteps(w)
}

// Instance: the application at the guide's Application Root URL, the
// method's variables in its environment or its block at File.
func (a *shapeApp) Instance(name string, appURL *url.URL, image string, m guide.Method) Instance {
	s := a.s
	spec := env.AppSpec{
		Name: name, URL: appURL, Image: image, ImageVar: s.ImageVar,
		Env:           append([]string(nil), s.Env...),
		Ports:         []string{s.Port},
		URLPort:       s.Port,
		TLS:           env.TLSFiles{Terminate: true, Mount: "/guidewalk-ca", CA: "ca.crt"},
		AfterAuthelia: s.FetchesAtStart,
		Ready:         s.ready,
		Version:       s.Version,
		VersionLabel:  s.VersionLabel,
		Files:         map[string]string{},
		Needs:         a.Services(),
		AfterReady:    s.AfterReady,
		Secrets:       s.Secrets,
		Prepare:       s.Prepare,
	}
	if s.TrustVar != "" {
		spec.Env = append(spec.Env, s.TrustVar+"=/guidewalk-ca/ca.crt")
	}
	for p, c := range s.Files {
		spec.Files[p] = c
	}
	if s.Written != nil {
		spec.Prepare, spec.WorkDir, spec.Cmd = s.Written.prepare(suite.Guide), AppDir, s.Written.Run
	}
	switch {
	case m.Kind == guide.MethodFile && s.Into != nil:
		spec.Splices = []env.Splice{{Path: s.File, From: s.Into.From, After: s.Into.After, Text: m.Block.Text}}
	case m.Kind == guide.MethodFile:
		spec.Files[s.File] = m.Block.Text
	default:
		for _, v := range m.Vars {
			spec.Env = append(spec.Env, v.Name+"="+v.Value)
		}
	}
	in := env.NewInstance(spec)
	return &in
}

func (s Shape) ready(ctx context.Context, a *env.App) error {
	want := s.Ready.Status
	if want == 0 {
		want = http.StatusOK
	}
	code, body, err := a.Get(ctx, a.At(s.Ready.Path))
	if err != nil || code != want {
		return fmt.Errorf("/%s: %d %v", s.Ready.Path, code, err)
	}
	if !strings.Contains(body, s.Ready.Holds) {
		return fmt.Errorf("/%s does not look like %s's: %.80q", s.Ready.Path, s.Product, body)
	}
	return nil
}

// Users: see UsersFor.
func (a *shapeApp) Users() []env.User { return nil }

// UsersFor: with an admin group, "admin" in it and a user (User) in no
// group; else that user alone.
func (a *shapeApp) UsersFor(g *guide.Guide) ([]env.User, error) {
	product, name := a.s.Product, a.s.User
	if name == "" {
		name = "user"
	}
	user := env.User{Name: name, DisplayName: product + " " + name, Email: name + "@example.com"}
	if a.s.Admin == nil {
		var out []env.User
		for _, n := range a.s.Users {
			u := env.User{Name: n, DisplayName: product + " " + n, Email: n + "@example.com"}
			if n == "admin" {
				u.Groups = []string{"admins"}
			}
			out = append(out, u)
		}
		if len(out) == 0 {
			out = []env.User{user}
		}
		return out, nil
	}
	for _, m := range g.Methods {
		if v, ok := Setting(m, a.s.Admin.Group); ok {
			admin := env.User{Name: "admin", DisplayName: product + " admin", Email: "admin@example.com", Groups: []string{v.Value}}
			return []env.User{admin, user}, nil
		}
	}
	return nil, fmt.Errorf("%s: no configuration method of the guide names the %s", g.Where(g.ApplicationLine), a.s.Admin.Group)
}

func (a *shapeApp) Steps(w *World, sc *godog.ScenarioContext) {
	registerShapeSteps(w, sc, a.s)
	if a.s.Steps != nil {
		a.s.Steps(w, sc)
	}
}

// CheckVariables: started as the method says, the application offers the
// sign-in; when it does not, it ignored what the method says.
func (a *shapeApp) CheckVariables(w *World) error { return shapeOf(w).offersSignIn() }

// AtStart: the visitor is at the page with the sign-in; what the run adds
// beyond the guide is recorded there.
func (a *shapeApp) AtStart(w *World) error {
	m := w.target.Method
	at := m.Block.Line
	if m.Kind == guide.MethodSteps {
		// Steps configured it: the visitor's page is opened here.
		at = m.Line
		if err := shapeOf(w).offersSignIn(); err != nil {
			return err
		}
	}
	for _, u := range a.s.Unsaid {
		if len(u.Kinds) > 0 && !slices.Contains(u.Kinds, m.Kind) {
			continue
		}
		what := linesOf.ReplaceAllStringFunc(u.What, func(p string) string {
			meaning := linesOf.FindStringSubmatch(p)[1]
			for _, o := range w.s.Guide.Methods {
				if v, ok := Setting(o, meaning); ok {
					return fmt.Sprintf("line %d", v.Line)
				}
			}
			return "(no line: the guide has no " + meaning + ")"
		})
		w.NotInGuideAt(at, "%s", strings.ReplaceAll(what, "{block}", blockTitle(m.Block)))
	}
	return nil
}

var linesOf = regexp.MustCompile(`\{line of ([^}]+)\}`)

var settingWords = regexp.MustCompile(`[^a-z0-9]+`)

// words is a setting's name as lower-case words: OG_OIDC_ADMIN_GROUP and
// oidc.admin-group are "og oidc admin group" and "oidc admin group".
func words(name string) string {
	return strings.TrimSpace(settingWords.ReplaceAllString(strings.ToLower(name), " "))
}

// Setting is the method's setting whose name ends with meaning's words
// ("admin group"), and its line.
func Setting(m guide.Method, meaning string) (guide.Var, bool) {
	want := words(meaning)
	for _, v := range append(m.Vars, itemVars(m)...) {
		if n := words(v.Name); n == want || strings.HasSuffix(n, " "+want) {
			return v, true
		}
	}
	return guide.Var{}, false
}

// ItemValue is what a reader types for a "Label: value" item: a value in
// code marks, the one code span of a value that says more ("`Authelia` (or
// whatever you want)"), or the value as written.
func ItemValue(it guide.Item) string {
	if !it.Literal && len(it.Codes) == 1 {
		return it.Codes[0]
	}
	return it.Value
}

// itemVars are the "Label: value" items of a method's numbered steps as
// settings, valued as ItemValue says.
func itemVars(m guide.Method) []guide.Var {
	var out []guide.Var
	for _, st := range m.Steps {
		for _, it := range st.Items {
			if it.Label == "" {
				continue
			}
			out = append(out, guide.Var{Name: it.Label, Value: ItemValue(it), Line: it.Line})
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`\{([^}]+)\}`)

// resolve fills in a control's {setting}s from the method.
func resolve(m guide.Method, name string) (string, error) {
	var err error
	out := placeholder.ReplaceAllStringFunc(name, func(p string) string {
		meaning := strings.Trim(p, "{}")
		v, ok := Setting(m, meaning)
		if !ok {
			err = fmt.Errorf("the method %q sets no %s, which names the button %q", m.Label(), meaning, name)
		}
		return v.Value
	})
	return out, err
}
