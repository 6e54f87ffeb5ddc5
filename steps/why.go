package steps

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/lint"
	"github.com/mxschmitt/playwright-go"
)

// A full run says why a scenario failed in the guide's terms: what the
// offline check found in the lines of the scenario's configuration method,
// and what Authelia said when it refused to go on.

// offlineCheck runs the guide's offline check before anything starts and
// prints its findings first: a failure later may be one of them.
func (s *Suite) offlineCheck(g *guide.Guide) {
	s.findings = lint.Findings(g)
	if len(s.findings) == 0 {
		s.Log.Printf("offline check: no finding in %s", g.Path)
		return
	}
	s.Log.Printf("offline check: %d finding(s) in %s; a scenario that fails names those of its method", len(s.findings), g.Path)
	for _, f := range s.findings {
		s.Log.Printf("  %s", f)
	}
}

// AutheliaError is Authelia's own account of why it did not go on (the
// error, error_description and error_hint of the address it shows),
// instead of the wait that ran out meanwhile.
type AutheliaError struct {
	At, Code, Description, Hint string
	cause                       error
}

func (e *AutheliaError) Error() string {
	msg := fmt.Sprintf("Authelia refused (at %s): %s", e.At, e.Code)
	if e.Description != "" {
		msg += ": " + strconv.Quote(e.Description)
	}
	if e.Hint != "" {
		msg += "; hint: " + strconv.Quote(e.Hint)
	}
	return msg
}

func (e *AutheliaError) Unwrap() error { return e.cause }

// autheliaRefusal is err told in Authelia's words when a window of the
// scenario shows Authelia's error.
func (w *World) autheliaRefusal(err error) error {
	for _, u := range []string{pageURL(w.popup), pageURL(w.page)} {
		p, perr := url.Parse(u)
		if perr != nil || w.s.Env == nil || p.Host != w.s.Env.AutheliaURL.Host {
			continue
		}
		q := p.Query()
		if q.Get("error") == "" {
			q, _ = url.ParseQuery(p.Fragment) // some flows put it in the fragment
		}
		if q.Get("error") != "" {
			return &AutheliaError{At: p.Scheme + "://" + p.Host + p.Path, Code: q.Get("error"),
				Description: q.Get("error_description"), Hint: q.Get("error_hint"), cause: err}
		}
	}
	w.authorize.mu.Lock()
	defer w.authorize.mu.Unlock()
	if r := w.authorize.refused; r != nil {
		refused := *r
		refused.cause = err
		return &refused
	}
	return err
}

// pageURL is the address a window of the scenario shows, "" for none.
func pageURL(p playwright.Page) string {
	if p == nil || p.IsClosed() {
		return ""
	}
	return p.URL()
}

// why is a failed step's error with what explains it: Authelia's words and
// the offline check's findings in the lines of the scenario's method.
func (w *World) why(err error) error {
	if err == nil {
		return nil
	}
	err = w.autheliaRefusal(err)
	var ae *AutheliaError
	if errors.As(err, &ae) {
		if ge := w.guideLineOf(ae); ge != nil {
			err = ge
		}
	}
	if w.target == nil {
		return err
	}
	if fs := lint.OfMethod(w.s.findings, w.target.Label()); len(fs) > 0 {
		lines := make([]string, len(fs))
		for i, f := range fs {
			lines[i] = f.String()
		}
		return fmt.Errorf("%w\nthe offline check found in the guide's %s (the lines to fix):\n  %s", err, w.target.Label(), strings.Join(lines, "\n  "))
	}
	return err
}
