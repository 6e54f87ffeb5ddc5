package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/replay"
)

// onlyNew keeps, of each guide's findings, those that REV's version of the
// same guide (`git show REV:path`) does not have, matched as the history
// matches them (replay.Identity: guide, rule, message without line numbers;
// a multiset), and counts again. A guide REV does not have is new: all its
// findings are. A guide REV has byte for byte has no new finding.
func onlyNew(r *checkReport, rev string, o lint.Options) error {
	repos := map[string]*revRepo{} // by the guide's folder
	defer func() {
		closed := map[*revRepo]bool{}
		for _, rr := range repos {
			if !closed[rr] {
				closed[rr] = true
				rr.objs.Close()
			}
		}
	}()
	byTop := map[string]*revRepo{}
	for i := range r.Guides {
		g := &r.Guides[i]
		if len(g.Findings) == 0 {
			continue
		}
		abs, err := filepath.Abs(g.Path)
		if err != nil {
			return err
		}
		dir := filepath.Dir(abs)
		rr := repos[dir]
		if rr == nil {
			top, err := replay.Git(dir, "rev-parse", "--show-toplevel")
			if err != nil {
				return fmt.Errorf("%s is in no git work tree: %v", g.Path, err)
			}
			if rr = byTop[top]; rr == nil {
				commit, err := replay.Git(top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
				if err != nil || commit == "" {
					return fmt.Errorf("%q is no commit of the repository %s (a shallow clone may lack it: fetch it)", rev, top)
				}
				objs, err := replay.OpenCatFile(top)
				if err != nil {
					return err
				}
				rr = &revRepo{top: top, commit: commit, objs: objs}
				byTop[top] = rr
			}
			repos[dir] = rr
		}
		rel, err := repoPaths(rr.top, []string{abs})
		if err != nil {
			return err
		}
		kind, old, err := rr.objs.Object(rr.commit + ":" + rel[0])
		if errors.Is(err, replay.ErrMissing) || (err == nil && kind != "blob") {
			continue // not a guide at REV: every finding is new
		}
		if err != nil {
			return err
		}
		if now, err := os.ReadFile(g.Path); err == nil && bytes.Equal(now, old) {
			g.Findings = []lint.Finding{}
			continue
		}
		// REV's version is read where it stood, in REV's tree: the guides
		// beside it and the schemas as they were.
		ro := o
		ro.Tree = replay.CommitFS(rr.objs, rr.commit)
		_, before := lint.Read(rel[0], old, ro)
		for i := range before {
			before[i].Path = g.Path
		}
		g.Findings = replay.NewOnly(g.Findings, before)
	}
	r.Counts.Errors, r.Counts.Warnings, r.Counts.Notices = 0, 0, 0
	for _, g := range r.Guides {
		n := lint.Count(g.Findings)
		r.Counts.Errors += n[lint.SeverityError]
		r.Counts.Warnings += n[lint.SeverityWarning]
		r.Counts.Notices += n[lint.SeverityNotice]
	}
	return nil
}

// revRepo is a repository holding guides, and REV in it.
type revRepo struct {
	top, commit string
	objs        *replay.CatFile
}
