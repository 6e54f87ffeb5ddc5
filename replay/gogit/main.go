// Command gogit measures the two ways guidewalk history can read git's
// objects, on one repository: one long-lived `git cat-file --batch` (what
// guidewalk uses) and go-git reading the packs itself. It is a module of
// its own, so that guidewalk does not depend on go-git.
//
//	go run . -repo /path/to/authelia -n 5 docs/content/integration/openid-connect
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"syscall"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/guidewalk/guidewalk/lint"
	"github.com/guidewalk/guidewalk/replay"
)

// goGit reads objects with go-git, by id.
type goGit struct{ repo *git.Repository }

func (g goGit) Object(name string) (string, []byte, error) {
	if !plumbing.IsHash(name) {
		return "", nil, fmt.Errorf("%s: go-git reads objects by id only", name)
	}
	obj, err := g.repo.Storer.EncodedObject(plumbing.AnyObject, plumbing.NewHash(name))
	if err == plumbing.ErrObjectNotFound {
		return "", nil, replay.ErrMissing
	}
	if err != nil {
		return "", nil, err
	}
	r, err := obj.Reader()
	if err != nil {
		return "", nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	return obj.Type().String(), data, err
}

func (goGit) Close() error { return nil }

func main() {
	repo := flag.String("repo", ".", "the repository (a work tree or a bare one)")
	n := flag.Int("n", 5, "runs of each")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the runs to this file")
	flag.Parse()
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	paths := flag.Args()
	if len(paths) == 0 {
		log.Fatal("want the paths to replay, relative to the repository's root")
	}
	none := func(string, []byte, fs.FS) []lint.Finding { return nil }
	check := func(p string, src []byte, tree fs.FS) []lint.Finding {
		_, f := lint.Read(p, src, lint.Options{Tree: tree})
		return f
	}

	ways := []struct {
		name string
		open func() (replay.Objects, error)
	}{
		{"git cat-file --batch", func() (replay.Objects, error) { return replay.OpenCatFile(*repo) }},
		{"go-git v5", func() (replay.Objects, error) {
			r, err := git.PlainOpenWithOptions(*repo, &git.PlainOpenOptions{DetectDotGit: true})
			return goGit{r}, err
		}},
	}
	fmt.Printf("GOMAXPROCS=%d, %d runs each, medians\n", runtime.GOMAXPROCS(0), *n)
	for _, what := range []struct {
		name  string
		check func(string, []byte, fs.FS) []lint.Finding
	}{{"objects only (no check)", none}, {"whole replay (every version checked)", check}} {
		for _, w := range ways {
			var ts, cpus []time.Duration
			var res *replay.Result
			for range *n {
				start, cpu0 := time.Now(), cpuTime()
				objs, err := w.open()
				if err != nil {
					log.Fatal(err)
				}
				res, err = replay.Run(*repo, paths, replay.Options{Check: what.check, Objects: objs})
				if err != nil {
					log.Fatal(err)
				}
				objs.Close()
				ts = append(ts, time.Since(start))
				cpus = append(cpus, cpuTime()-cpu0)
			}
			slices.Sort(ts)
			slices.Sort(cpus)
			fmt.Printf("%-38s %-22s wall median %6.0f ms (min %5.0f, max %5.0f), CPU median %6.0f ms: %d commits, %d guide versions, %d findings\n", what.name, w.name,
				ms(ts[len(ts)/2]), ms(ts[0]), ms(ts[len(ts)-1]), ms(cpus[len(cpus)/2]), res.Commits, res.Versions, len(res.Findings))
		}
	}
}

// cpuTime is the user and system time of this process and of its children
// that ended (git rev-list, git cat-file).
func cpuTime() time.Duration {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if syscall.Getrusage(who, &ru) == nil {
			total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	return total
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
