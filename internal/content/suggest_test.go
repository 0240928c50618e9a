package content

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"region", "region", 0},
		{"", "gym", 3},
		{"gym", "", 3},
		{"regoin", "region", 1},    // adjacent swap
		{"swiming", "swimming", 1}, // missing letter
		{"to_aeg", "to_age", 1},
		{"colour", "color", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3},    // a swap is not reused for later edits
		{"café", "cafe", 1}, // runes, not bytes
		{"naïve", "naive", 1},
		{strings.Repeat("a", 65), strings.Repeat("a", 65), 1 << 30}, // too long to compare
		{"a", strings.Repeat("a", 65), 1 << 30},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%.20q, %.20q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	keys := []string{"gym", "swimming", "classes", "friend_free", "free_access"}
	tests := []struct {
		word    string
		allowed []string
		want    string
	}{
		{"swiming", keys, "swimming"},
		{"Swimming", keys, "swimming"}, // case does not count
		{"classe", keys, "classes"},
		{"gim", keys, "gym"}, // short words allow one edit
		{"gm", keys, "gym"},
		{"g", keys, ""},                    // two edits is too far for a short word
		{"frend_fre", keys, "friend_free"}, // two edits
		{"fend_fre", keys, ""},             // three edits is too far
		{"parking", keys, ""},
		{"", keys, ""},
		{"gym", nil, ""},
		{"fre_access", keys, "free_access"},
		{"yse", []string{"yes", "no", "considering", "unknown"}, "yes"},
		{"n", []string{"yes", "no", "considering", "unknown"}, "no"},
		{"East Of England", []string{"East Midlands", "East of England"}, "East of England"},
		{"ab", []string{"ax", "ay"}, "ax"}, // ties go to the first allowed word
	}
	for _, tt := range tests {
		if got := suggest(tt.word, tt.allowed); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
