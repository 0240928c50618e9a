package hexmap

import "testing"

func TestEnglandHasEveryLowerTierArea(t *testing.T) {
	m := England()
	if len(m.Hexes) != 296 {
		t.Errorf("%d hexes, want England's 296 lower-tier councils", len(m.Hexes))
	}
	seen := map[[2]int]string{}
	for _, h := range m.Hexes {
		if h.GSS[0] != 'E' || h.Name == "" {
			t.Errorf("hex %+v", h)
		}
		if other, dup := seen[[2]int{h.Q, h.R}]; dup {
			t.Errorf("%s and %s share a place", h.GSS, other)
		}
		seen[[2]int{h.Q, h.R}] = h.GSS
		if h.X <= 0 || h.Y <= 0 || h.X >= m.Width || h.Y >= m.Height {
			t.Errorf("%s at (%v, %v) is outside the %v × %v map", h.GSS, h.X, h.Y, m.Width, m.Height)
		}
	}
}
