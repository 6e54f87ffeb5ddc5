package steps

import (
	"testing"

	messages "github.com/cucumber/messages/go/v34"
)

func TestMatchTags(t *testing.T) {
	dev := []*messages.PickleTag{{Name: "@deviation"}}
	for _, c := range []struct {
		filter string
		tags   []*messages.PickleTag
		want   bool
	}{
		{"", nil, true},
		{"~@deviation", dev, false},
		{"~@deviation", nil, true},
		{"@deviation", dev, true},
		{"@deviation", nil, false},
		{"@x,@deviation", dev, true},
		{"@deviation && ~@x", dev, true},
	} {
		if got := matchTags(c.filter, c.tags); got != c.want {
			t.Errorf("matchTags(%q, %v) = %v, want %v", c.filter, c.tags, got, c.want)
		}
	}
}

// TestPlanKeepsOrderAndExpandsOutlines: the run's scenarios in the
// feature's order, one per row of an outline's Examples.
func TestPlanKeepsOrderAndExpandsOutlines(t *testing.T) {
	ps, err := plan([]string{"../features/minio/three-methods.feature"}, "~@deviation")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 7 {
		t.Fatalf("planned %d scenarios, want 7 (1 + 2 outlines × 3 methods): %v", len(ps), ps)
	}
	if ps[0].Name != "Configure MinIO with the Web GUI" {
		t.Errorf("first planned %q", ps[0].Name)
	}
	if want := `Configured by "Environment Variables (Standard)", a user in a group that matches a policy name logs in through Authelia`; ps[1].Name != want {
		t.Errorf("second planned %q, want %q", ps[1].Name, want)
	}
}
