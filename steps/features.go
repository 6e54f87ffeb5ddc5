package steps

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/guidewalk/guidewalk/guide"
)

// ErrNoFeature: no feature of this project transcribes the guide, so no
// browser run verifies it. A fact about guidewalk's coverage, not the guide.
var ErrNoFeature = errors.New("no feature transcribes the guide")

// FeatureChoice is the feature file chosen to verify a guide, and why.
type FeatureChoice struct {
	Paths    []string
	Findings []error  // coverage findings of the chosen feature against the guide
	Others   []string // the other candidates, with their number of findings
}

// FeaturesFor chooses the feature that transcribes g: among the feature
// files under root/<guide title>/ (features/minio for "MinIO"), the one whose
// transcription fits the guide best, as the coverage check measures it. A
// guide's forms differ (one list of steps, or several methods); each form
// has its feature. $GUIDEWALK_FEATURES names files instead.
func FeaturesFor(g *guide.Guide, root string) (FeatureChoice, error) {
	return FeaturesForFS(g, os.DirFS(root), root)
}

// FeaturesForFS is FeaturesFor over the feature folders of fsys (the
// embedded features.FS, say); root names its files in messages.
func FeaturesForFS(g *guide.Guide, fsys fs.FS, root string) (FeatureChoice, error) {
	if v := os.Getenv(FeaturesVar); v != "" {
		paths := strings.Split(v, ",")
		ts, err := readAll(paths)
		if err != nil {
			return FeatureChoice{}, err
		}
		return FeatureChoice{Paths: paths, Findings: Coverage(g, ts)}, nil
	}
	dir := filepath.Join(root, slug(g.Title))
	names, _ := fs.Glob(fsys, slug(g.Title)+"/*.feature")
	if len(names) == 0 || g.Title == "" {
		return FeatureChoice{}, fmt.Errorf("%w %q (%s): expected .feature files in %s", ErrNoFeature, g.Title, g.Path, dir)
	}
	best := FeatureChoice{}
	bestN := -1
	var scored []string
	for _, name := range names {
		f := filepath.Join(root, filepath.FromSlash(name))
		ts, err := readFeatureFS(fsys, name, f)
		if err != nil {
			return FeatureChoice{}, err
		}
		findings := Coverage(g, ts)
		scored = append(scored, fmt.Sprintf("%s (%d finding(s))", f, len(findings)))
		if bestN < 0 || len(findings) < bestN {
			best, bestN = FeatureChoice{Paths: []string{f}, Findings: findings}, len(findings)
		}
	}
	for _, s := range scored {
		if !strings.HasPrefix(s, best.Paths[0]+" ") {
			best.Others = append(best.Others, s)
		}
	}
	return best, nil
}

func readAll(paths []string) ([]Transcription, error) {
	var out []Transcription
	for _, p := range paths {
		ts, err := ReadTranscriptions(p)
		if err != nil {
			return nil, err
		}
		out = append(out, ts...)
	}
	return out, nil
}
