package render

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzJSONString checks that writeJSONString writes what encoding/json
// reads back as the same text, escaping <, > and & so a script element
// cannot be closed early, and byte for byte what the rune-at-a-time
// escaper it replaced wrote.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `a "quoted" \ back`, "</script><!--", "tab\tnew\nline\r", "\x00\x1f\x7f",
		"£3,000 – 25", "line\u2028para\u2029", "bad \xff byte", "\xe2\x80", "émoji 🏠"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := jsonString(s)
		if want := runeJSONString(s); got != want {
			t.Fatalf("jsonString(%q) = %s, want %s", s, got, want)
		}
		if strings.ContainsAny(got, "<>&") {
			t.Errorf("jsonString(%q) = %s: an unescaped <, > or &", s, got)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Fatalf("jsonString(%q) = %s: not JSON: %v", s, got, err)
		}
		if utf8.ValidString(s) && back != s {
			t.Errorf("jsonString(%q) reads back as %q", s, back)
		}
	})
}

// runeJSONString is the escaper writeJSONString replaced, kept to compare.
func runeJSONString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == '<' || r == '>' || r == '&' || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
