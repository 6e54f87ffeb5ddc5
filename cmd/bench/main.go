// Command bench runs the guide's scenarios warm N times and writes the
// medians per phase to artifacts/bench.json. Figures, not asserts: the
// target (20 s warm on 2 cores) is compared by a person, not by a test.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"time"
)

type timings struct {
	Total     float64            `json:"total"`
	Phases    map[string]float64 `json:"phases"`
	Scenarios map[string]float64 `json:"scenarios"`
}

func main() {
	n := flag.Int("n", 5, "runs")
	out := flag.String("out", "artifacts/bench.json", "where the medians go")
	flag.Parse()

	// Compile once so that runs measure the suite, not the compiler.
	bin := filepath.Join(os.TempDir(), "guidewalk-bench.test")
	if err := run(exec.Command("go", "test", "-c", "-o", bin, ".")); err != nil {
		fail("build the suite: %v", err)
	}
	defer os.Remove(bin)

	var runs []timings
	var walls []float64
	failed := 0
	for i := 1; i <= *n; i++ {
		dir := filepath.Join("artifacts", "bench", fmt.Sprintf("run-%02d", i))
		_ = os.RemoveAll(dir)
		cmd := exec.Command(bin, "-test.run", "^TestGuide$", "-test.count=1")
		cmd.Env = append(os.Environ(), "GUIDEWALK_ARTIFACTS="+dir)
		start := time.Now()
		err := run(cmd)
		wall := time.Since(start).Seconds()
		if err != nil {
			failed++
			fmt.Fprintf(os.Stderr, "bench run %d failed: %v (artifacts in %s)\n", i, err, dir)
			continue
		}
		var t timings
		b, err := os.ReadFile(filepath.Join(dir, "timings.json"))
		if err == nil {
			err = json.Unmarshal(b, &t)
		}
		if err != nil {
			fail("run %d left no timings: %v", i, err)
		}
		runs = append(runs, t)
		walls = append(walls, wall)
		fmt.Fprintf(os.Stderr, "bench run %d: %.1fs wall\n", i, wall)
	}
	if len(runs) == 0 {
		fail("no run passed")
	}
	result := map[string]any{
		"runs": *n, "passed": len(runs), "failed": failed,
		"median_wall_seconds":     median(walls),
		"median_suite_seconds":    median(pick(runs, func(t timings) map[string]float64 { return map[string]float64{"total": t.Total} })["total"]),
		"median_phase_seconds":    medians(pick(runs, func(t timings) map[string]float64 { return t.Phases })),
		"median_scenario_seconds": medians(pick(runs, func(t timings) map[string]float64 { return t.Scenarios })),
		// Beside the wall time: what the scenarios took one by one, added up;
		// the difference is what running them at the same time won.
		"median_sum_of_scenarios_seconds": median(pick(runs, func(t timings) map[string]float64 {
			sum := 0.0
			for _, v := range t.Scenarios {
				sum += v
			}
			return map[string]float64{"sum": sum}
		})["sum"]),
		"guide":    guide(),
		"parallel": os.Getenv("GUIDEWALK_PARALLEL"),
		"machine":  fmt.Sprintf("%d cores", numCPU()),
		"when":     time.Now().UTC().Format(time.RFC3339),
	}
	b, _ := json.MarshalIndent(result, "", "  ")
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fail("%v", err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fail("%v", err)
	}
	fmt.Printf("%s\n", b)
	if failed > 0 {
		os.Exit(1)
	}
}

func run(cmd *exec.Cmd) error {
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

func pick(runs []timings, f func(timings) map[string]float64) map[string][]float64 {
	out := map[string][]float64{}
	for _, r := range runs {
		for k, v := range f(r) {
			out[k] = append(out[k], v)
		}
	}
	return out
}

func medians(m map[string][]float64) map[string]float64 {
	out := map[string]float64{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out[k] = median(m[k])
	}
	return out
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + m) / 2
	}
	return float64(int(m*1000)) / 1000
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}

func numCPU() int { return runtime.NumCPU() }

// guide is the guide form the runs verified.
func guide() string {
	if g := os.Getenv("GUIDEWALK_GUIDE"); g != "" {
		return g
	}
	return "features/minio/guide.md"
}
