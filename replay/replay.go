package replay

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/guidewalk/guidewalk/lint"
)

// Options say which history to replay and how to check a guide.
type Options struct {
	Rev         string // the commit whose history is replayed (default HEAD)
	Since       string // only commits after this date (git's --since)
	FirstParent bool   // only the first-parent (mainline) commits

	// Check checks one version of a guide; the path is where it stands
	// in that commit, tree the tree of the first commit that holds it
	// (CommitFS), for what the guide refers to beside itself. It runs on
	// several versions at once.
	Check func(path string, src []byte, tree fs.FS) []lint.Finding
	// Objects reads the objects (default one `git cat-file --batch`).
	Objects Objects
	Workers int // checks side by side (default GOMAXPROCS)
}

// Status is how a finding's life ended, if it did.
type Status string

const (
	Open    Status = "open"    // still in the guide at the last commit
	Fixed   Status = "fixed"   // an edit of the guide removed it
	Changed Status = "changed" // an edit removed it, but gave the guide another finding of the same rule: it may have changed form
	Removed Status = "removed" // the guide itself was removed
)

// Place is a finding's guide and line in one version.
type Place struct {
	Path string `json:"path"`
	Line int    `json:"line"`
}

// Finding is one distinct finding of the history: the finding as it was
// last seen, the commit that brought it and the commit that ended it.
type Finding struct {
	lint.Finding
	Status  Status  `json:"status"`
	Entered Commit  `json:"entered"`
	At      Place   `json:"entered_at"`          // its guide and line in the commit that brought it
	Left    *Commit `json:"left,omitempty"`      // the commit that fixed it or removed its guide; none when open
	AtStart bool    `json:"at_start"`            // there in the first commit replayed: it entered there or before (a move, --since)
	Days    float64 `json:"days"`                // from entry to exit (or to the last commit, when open)
	Seen    *Place  `json:"last_seen,omitempty"` // its guide and line in the last version that had it

	order int // the entry commit's index
}

// Result is a replayed history.
type Result struct {
	Commits  int       `json:"commits"` // commits replayed
	First    *Commit   `json:"first,omitempty"`
	Last     *Commit   `json:"last,omitempty"`
	Guides   int       `json:"guides"`   // distinct guides seen (a moved guide is one)
	Versions int       `json:"versions"` // distinct guide versions checked
	Findings []Finding `json:"findings"` // by entry commit, then guide and line
	Summary  Summary   `json:"summary"`
}

// Summary counts the findings by how they ended.
type Summary struct {
	Distinct        int     `json:"distinct"`
	Fixed           int     `json:"fixed"`
	Changed         int     `json:"changed"`
	Removed         int     `json:"removed"`
	Open            int     `json:"open"`
	MedianFixedDays float64 `json:"median_fixed_days"`
	LongestFixDays  float64 `json:"longest_fixed_days"`
}

type version struct{ path, blob string }

// Run replays the history of the paths (relative to the repository's root,
// files or folders) in the repository at dir: every commit that touched
// them, oldest first; each guide checked once per blob.
func Run(dir string, paths []string, o Options) (*Result, error) {
	if o.Check == nil {
		return nil, fmt.Errorf("replay: no Check")
	}
	rev := o.Rev
	if rev == "" {
		rev = "HEAD"
	}
	args := []string{"rev-list", "--reverse"}
	if o.FirstParent {
		args = append(args, "--first-parent")
	} else {
		args = append(args, "--topo-order")
	}
	if o.Since != "" {
		args = append(args, "--since="+o.Since)
	}
	args = append(args, rev, "--")
	for _, p := range paths {
		if p == "" {
			p = "."
		}
		args = append(args, ":(top)"+p)
	}
	out, err := Git(dir, args...)
	if err != nil {
		return nil, err
	}
	hashes := strings.Fields(out)

	objs := o.Objects
	if objs == nil {
		cf, err := OpenCatFile(dir)
		if err != nil {
			return nil, err
		}
		defer cf.Close()
		objs = cf
	}

	// Read every commit's guides; gather the versions to check.
	explicit := map[string]bool{} // a path named as a file is a guide whatever it holds
	commits := make([]Commit, len(hashes))
	states := make([]map[string]string, len(hashes)) // path → blob, guides only
	isGuide := map[string]bool{}                     // blob → opens with front matter
	srcs := map[version][]byte{}
	first := map[version]string{} // the first commit that holds it
	t := newTrees(objs)
	for i, h := range hashes {
		c, err := ReadCommit(objs, h)
		if err != nil {
			return nil, err
		}
		commits[i] = c
		files, err := t.filesAt(c, paths)
		if err != nil {
			return nil, fmt.Errorf("commit %s: %w", h, err)
		}
		for _, p := range paths {
			if e, ok, _ := t.lookup(c.tree, p); ok && !e.tree {
				explicit[p] = true
			}
		}
		state := map[string]string{}
		for _, f := range files {
			if !explicit[f.Path] && (path.Ext(f.Path) != ".md" || path.Base(f.Path) == "_index.md") {
				continue
			}
			g, known := isGuide[f.Blob]
			v := version{f.Path, f.Blob}
			if !known || (g && srcs[v] == nil) {
				_, data, err := objs.Object(f.Blob)
				if err != nil {
					return nil, err
				}
				g = bytes.HasPrefix(data, []byte("---"))
				isGuide[f.Blob] = g
				if g || explicit[f.Path] {
					srcs[v] = data
				}
			}
			if _, ok := first[v]; !ok {
				first[v] = h
			}
			if g || explicit[f.Path] {
				state[f.Path] = f.Blob
			}
		}
		states[i] = state
	}

	found := checkAll(srcs, first, objs, o)

	r := &Result{Commits: len(commits), Versions: len(found), Findings: []Finding{}}
	if len(commits) == 0 {
		return r, nil
	}
	r.First, r.Last = &commits[0], &commits[len(commits)-1]
	rp := &replayer{open: map[Key][]*Finding{}, guideOf: map[string]int{}}
	prev := map[string]string{}
	for i, c := range commits {
		cur := states[i]
		var removed, added []string
		for p := range prev {
			if _, ok := cur[p]; !ok {
				removed = append(removed, p)
			}
		}
		for p := range cur {
			if _, ok := prev[p]; !ok {
				added = append(added, p)
			}
		}
		renamed := map[string]string{} // new path → old path
		if i > 0 && len(removed) > 0 && len(added) > 0 {
			renamed, err = renames(dir, commits[i-1].Hash, c.Hash, paths, removed, added)
			if err != nil {
				return nil, err
			}
		}
		sort.Strings(removed)
		var touched []string
		for p, b := range cur {
			if prev[p] != b {
				touched = append(touched, p)
			}
		}
		sort.Strings(touched)
		rp.opened = nil
		rp.closed = nil
		for _, p := range touched {
			var before []lint.Finding
			if old, ok := renamed[p]; ok {
				rp.move(old, p)
				before = repath(found[version{old, prev[old]}], old, p)
			} else if b, ok := prev[p]; ok {
				before = found[version{p, b}]
			} else {
				rp.guideOf[p] = len(rp.guideOf) + 1
			}
			rp.compare(before, found[version{p, cur[p]}], i, c, Fixed)
		}
		gone := map[string]bool{}
		for _, p := range renamed {
			gone[p] = true
		}
		for _, p := range removed {
			if !gone[p] {
				rp.compare(found[version{p, prev[p]}], nil, i, c, Removed)
			}
		}
		rp.markChanged()
		prev = cur
	}
	last := commits[len(commits)-1]
	for _, eps := range rp.open {
		for _, f := range eps {
			f.Days = days(f.Entered.Date, last.Date)
		}
	}
	guides := map[int]bool{}
	for _, id := range rp.guideOf {
		guides[id] = true
	}
	r.Guides = len(guides)
	for _, f := range rp.all {
		if f.Seen == nil {
			f.Seen = &Place{Path: f.Path, Line: f.Line}
		}
		r.Findings = append(r.Findings, *f)
	}
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		if a.order != b.order {
			return a.order - b.order
		}
		if a.At.Path != b.At.Path {
			return strings.Compare(a.At.Path, b.At.Path)
		}
		return a.At.Line - b.At.Line
	})
	r.Summary = summarize(r.Findings)
	return r, nil
}

// checkAll checks every version, side by side.
func checkAll(srcs map[version][]byte, first map[version]string, objs Objects, o Options) map[version][]lint.Finding {
	vs := make([]version, 0, len(srcs))
	for v := range srcs {
		vs = append(vs, v)
	}
	found := make([][]lint.Finding, len(vs))
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				found[i] = o.Check(vs[i].path, srcs[vs[i]], CommitFS(objs, first[vs[i]]))
			}
		})
	}
	for i := range vs {
		next <- i
	}
	close(next)
	wg.Wait()
	out := make(map[version][]lint.Finding, len(vs))
	for i, v := range vs {
		out[v] = found[i]
	}
	return out
}

// renames pairs the guides one commit removed and the next added, as git's
// rename detection pairs them.
func renames(dir, from, to string, paths, removed, added []string) (map[string]string, error) {
	args := []string{"diff-tree", "-r", "-M", "--name-status", "-z", from, to, "--"}
	for _, p := range paths {
		args = append(args, ":(top)"+p)
	}
	out, err := Git(dir, args...)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	f := strings.Split(out, "\x00")
	for i := 0; i < len(f); i++ {
		if strings.HasPrefix(f[i], "R") && i+2 < len(f) {
			old, nw := f[i+1], f[i+2]
			if slices.Contains(removed, old) && slices.Contains(added, nw) {
				m[nw] = old
			}
			i += 2
		}
	}
	return m, nil
}

// repath is the findings of a guide read at old as if read at nw.
func repath(fs []lint.Finding, old, nw string) []lint.Finding {
	out := make([]lint.Finding, len(fs))
	for i, f := range fs {
		f.Path = nw
		f.Message = strings.ReplaceAll(f.Message, old, nw)
		out[i] = f
	}
	return out
}

type replayer struct {
	open    map[Key][]*Finding // open findings by key, oldest first
	all     []*Finding
	guideOf map[string]int // path → guide, a moved guide keeping its number
	opened  []*Finding     // in the commit being replayed
	closed  []*Finding
}

// move makes a guide's open findings follow it to its new path.
func (rp *replayer) move(old, nw string) {
	rp.guideOf[nw] = rp.guideOf[old]
	for k, eps := range rp.open {
		if k.Path != old {
			continue
		}
		delete(rp.open, k)
		k.Path = nw
		rp.open[k] = append(rp.open[k], eps...)
	}
}

// compare turns a guide's findings before and after a commit into entries
// and exits, as multisets by key.
func (rp *replayer) compare(before, after []lint.Finding, i int, c Commit, exit Status) {
	was := map[Key]int{}
	for _, f := range before {
		was[Identity(f)]++
	}
	now := map[Key][]lint.Finding{}
	var keys []Key
	for _, f := range after {
		k := Identity(f)
		if now[k] == nil {
			keys = append(keys, k)
		}
		now[k] = append(now[k], f)
	}
	for _, k := range keys {
		fs := now[k]
		eps := rp.open[k]
		for j, f := range fs {
			if j < len(eps) {
				eps[j].Finding = f // still there; its line may have moved
				continue
			}
			ep := &Finding{Finding: f, Status: Open, Entered: c, At: Place{f.Path, f.Line}, AtStart: i == 0, order: i}
			rp.open[k] = append(rp.open[k], ep)
			rp.all = append(rp.all, ep)
			rp.opened = append(rp.opened, ep)
		}
	}
	for k := range was {
		eps := rp.open[k]
		n := len(now[k])
		for len(eps) > n {
			ep := eps[len(eps)-1] // the latest to enter leaves first
			eps = eps[:len(eps)-1]
			left := c
			ep.Left, ep.Status = &left, exit
			ep.Seen = &Place{ep.Path, ep.Line}
			ep.Days = days(ep.Entered.Date, c.Date)
			rp.closed = append(rp.closed, ep)
		}
		if len(eps) == 0 {
			delete(rp.open, k)
		} else {
			rp.open[k] = eps
		}
	}
}

// markChanged: a finding an edit removed while giving the guide another of
// the same rule is "changed", not "fixed": its message may only have
// changed words (a method renamed, the client's list it is not among).
func (rp *replayer) markChanged() {
	for _, ep := range rp.closed {
		if ep.Status != Fixed {
			continue
		}
		for _, o := range rp.opened {
			if o.Path == ep.Path && o.Rule == ep.Rule {
				ep.Status = Changed
				break
			}
		}
	}
}

func days(from, to time.Time) float64 { return to.Sub(from).Hours() / 24 }

func summarize(fs []Finding) Summary {
	s := Summary{Distinct: len(fs)}
	var lives []float64
	for _, f := range fs {
		switch f.Status {
		case Fixed:
			s.Fixed++
			lives = append(lives, f.Days)
		case Changed:
			s.Changed++
		case Removed:
			s.Removed++
		case Open:
			s.Open++
		}
	}
	if len(lives) > 0 {
		slices.Sort(lives)
		n := len(lives)
		s.MedianFixedDays = lives[n/2]
		if n%2 == 0 {
			s.MedianFixedDays = (lives[n/2-1] + lives[n/2]) / 2
		}
		s.LongestFixDays = lives[n-1]
	}
	return s
}
