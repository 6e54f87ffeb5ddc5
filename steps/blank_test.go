package steps

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestBlankScreenshots(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, img image.Image) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	white := image.NewRGBA(image.Rect(0, 0, 40, 30))
	for i := range white.Pix {
		white.Pix[i] = 0xff
	}
	drawn := image.NewRGBA(image.Rect(0, 0, 40, 30))
	copy(drawn.Pix, white.Pix)
	drawn.Set(39, 29, color.RGBA{0, 0, 0, 0xff})
	write("blank.png", white)
	write("drawn.png", drawn)
	blank, checked, err := BlankScreenshots(dir)
	if err != nil {
		t.Fatal(err)
	}
	if checked != 2 || len(blank) != 1 || filepath.Base(blank[0]) != "blank.png" {
		t.Fatalf("checked %d, blank %v; want 2 checked and only blank.png blank", checked, blank)
	}
}
