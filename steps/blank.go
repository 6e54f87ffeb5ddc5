package steps

import (
	"bytes"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// busyShots are the screenshots taken while their page still showed a
// loading indicator (a spinner, "Loading..."), after waiting for it to go.
type busyShots struct {
	mu    sync.Mutex
	shots []string
}

func (b *busyShots) add(shot, url string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.shots = append(b.shots, shot+" ("+url+")")
}

// BusyScreenshots lists the run's screenshots that show a loading
// indicator instead of the page their step describes, and how many
// screenshots the run took.
func (s *Suite) BusyScreenshots() (busy []string, taken int64) {
	s.busy.mu.Lock()
	defer s.busy.mu.Unlock()
	return append([]string(nil), s.busy.shots...), s.shots.n.Load()
}

// BlankScreenshots lists the PNG screenshots under dir that show nothing:
// every pixel the same colour (a page between two documents is white).
func BlankScreenshots(dir string) (blank []string, checked int, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".png") {
			return err
		}
		checked++
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			return err
		}
		if uniform(img) {
			blank = append(blank, p)
		}
		return nil
	})
	return blank, checked, err
}

// blankPNG: the PNG is of one colour (or not a PNG at all).
func blankPNG(b []byte) bool {
	img, err := png.Decode(bytes.NewReader(b))
	return err != nil || uniform(img)
}

// uniform: every pixel has the first pixel's colour.
func uniform(img image.Image) bool {
	// Screenshots decode as NRGBA or RGBA: compare their bytes, 4 a pixel.
	var pix []byte
	switch m := img.(type) {
	case *image.NRGBA:
		pix = m.Pix
	case *image.RGBA:
		pix = m.Pix
	}
	if pix != nil {
		for i := 4; i+3 < len(pix); i += 4 {
			if pix[i] != pix[0] || pix[i+1] != pix[1] || pix[i+2] != pix[2] || pix[i+3] != pix[3] {
				return false
			}
		}
		return true
	}
	b := img.Bounds()
	r0, g0, b0, a0 := img.At(b.Min.X, b.Min.Y).RGBA()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, g, bl, a := img.At(x, y).RGBA(); r != r0 || g != g0 || bl != b0 || a != a0 {
				return false
			}
		}
	}
	return true
}
