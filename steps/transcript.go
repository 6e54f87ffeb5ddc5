package steps

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	gherkin "github.com/cucumber/gherkin/go/v42"
	messages "github.com/cucumber/messages/go/v34"
)

// Transcription is one Gherkin step and the part of the guide it transcribes,
// read from the "# guide step N" (or "# guide: Section") comment above it.
type Transcription struct {
	File      string
	Line      int
	Keyword   string
	Text      string
	GuideStep int    // 0 when the step transcribes no numbered step
	Section   string // "Assumptions", "Configuration > Authelia", ...
	Scenario  string
	Tags      []string
}

var quotedWord = regexp.MustCompile(`"([^"]*)"`)

var guideComment = regexp.MustCompile(`^\s*#\s*guide(?:\s+step\s+(\d+)|:\s*(.+?))\s*$`)

// ReadTranscriptions parses every .feature file under dir.
func ReadTranscriptions(dir string) ([]Transcription, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".feature") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Transcription
	for _, f := range files {
		ts, err := readFeature(f)
		if err != nil {
			return nil, err
		}
		out = append(out, ts...)
	}
	return out, nil
}

func readFeature(path string) ([]Transcription, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return parseFeature(fh, path)
}

// readFeatureFS reads the feature file name of fsys; path names it in
// messages.
func readFeatureFS(fsys fs.FS, name, path string) ([]Transcription, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return parseFeature(fh, path)
}

func parseFeature(r io.Reader, path string) ([]Transcription, error) {
	doc, err := gherkin.ParseGherkinDocument(r, (&messages.Incrementing{}).NewId)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if doc.Feature == nil {
		return nil, nil
	}
	type ref struct {
		step    int
		section string
	}
	refs := map[int64]ref{} // comment line -> ref
	for _, c := range doc.Comments {
		if m := guideComment.FindStringSubmatch(c.Text); m != nil {
			n, _ := strconv.Atoi(m[1])
			refs[c.Location.Line] = ref{n, m[2]}
		}
	}
	var out []Transcription
	add := func(scenario string, tags []*messages.Tag, steps []*messages.Step, row map[string]string) {
		var tagNames []string
		for _, t := range tags {
			tagNames = append(tagNames, t.Name)
		}
		for _, st := range steps {
			t := Transcription{File: path, Line: int(st.Location.Line), Keyword: strings.TrimSpace(st.Keyword), Text: fill(st.Text, row), Scenario: fill(scenario, row), Tags: tagNames}
			// The comment sits on the line(s) right above the step.
			for l := st.Location.Line - 1; l > 0; l-- {
				r, ok := refs[l]
				if !ok {
					break
				}
				if r.step > 0 {
					t.GuideStep = r.step
				} else {
					t.Section = fill(r.section, row)
				}
			}
			out = append(out, t)
		}
	}
	for _, child := range doc.Feature.Children {
		switch {
		case child.Background != nil:
			add("Background", nil, child.Background.Steps, nil)
		case child.Scenario != nil && len(child.Scenario.Examples) > 0:
			// A Scenario Outline: one transcription per row of its Examples.
			for _, ex := range child.Scenario.Examples {
				if ex.TableHeader == nil {
					continue
				}
				for _, body := range ex.TableBody {
					row := map[string]string{}
					for i, c := range ex.TableHeader.Cells {
						if i < len(body.Cells) {
							row[c.Value] = body.Cells[i].Value
						}
					}
					add(child.Scenario.Name, child.Scenario.Tags, child.Scenario.Steps, row)
				}
			}
		case child.Scenario != nil:
			add(child.Scenario.Name, child.Scenario.Tags, child.Scenario.Steps, nil)
		}
	}
	return out, nil
}

// fill replaces an outline's <placeholders> with a row of its Examples.
func fill(s string, row map[string]string) string {
	for k, v := range row {
		s = strings.ReplaceAll(s, "<"+k+">", v)
	}
	return s
}

// quoted returns the "quoted" words of a step's text.
func quoted(text string) []string {
	var out []string
	for _, m := range quotedWord.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}
