package steps

import (
	"os"
	"strings"

	gherkin "github.com/cucumber/gherkin/go/v42"
	messages "github.com/cucumber/messages/go/v34"
)

// Planned is a scenario the run will do, in the features' order.
type Planned struct {
	Name  string
	Steps []string
}

// plan lists the scenarios godog will run from paths under tags, in order:
// the report keeps that order however scenarios interleave, and a scenario
// that needs the application configured knows whether one that does it runs.
func plan(paths []string, tags string) ([]Planned, error) {
	var out []Planned
	for _, p := range paths {
		files, err := featureFiles(p)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				return nil, err
			}
			ids := &messages.Incrementing{}
			doc, err := gherkin.ParseGherkinDocument(fh, ids.NewId)
			fh.Close()
			if err != nil {
				return nil, err
			}
			for _, pk := range gherkin.Pickles(*doc, f, ids.NewId) {
				if !matchTags(tags, pk.Tags) {
					continue
				}
				sc := Planned{Name: pk.Name}
				for _, st := range pk.Steps {
					sc.Steps = append(sc.Steps, st.Text)
				}
				out = append(out, sc)
			}
		}
	}
	return out, nil
}

func featureFiles(p string) ([]string, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{p}, nil
	}
	var files []string
	ts, err := ReadTranscriptions(p)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, t := range ts {
		if !seen[t.File] {
			seen[t.File] = true
			files = append(files, t.File)
		}
	}
	return files, nil
}

// matchTags is godog's tag filter: "," is or, "&&" is and, "~" is not.
func matchTags(filter string, tags []*messages.PickleTag) bool {
	if filter == "" {
		return true
	}
	for _, alt := range strings.Split(filter, ",") {
		all := strings.TrimSpace(alt) != ""
		for _, tag := range strings.Split(alt, "&&") {
			tag = strings.ReplaceAll(strings.TrimSpace(tag), "@", "")
			want := true
			if strings.HasPrefix(tag, "~") {
				tag, want = tag[1:], false
			}
			if hasTag(tags, tag) != want {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return false
}

func hasTag(tags []*messages.PickleTag, name string) bool {
	for _, t := range tags {
		if strings.ReplaceAll(t.Name, "@", "") == name {
			return true
		}
	}
	return false
}
