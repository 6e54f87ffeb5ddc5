package lint

import (
	"testing"

	"github.com/guidewalk/guidewalk/guide"
	"github.com/guidewalk/guidewalk/internal/guidetest"
)

func loadReal(t *testing.T) *guide.Guide {
	t.Helper()
	g, err := guide.Load(guidetest.RealGuide)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return g
}
