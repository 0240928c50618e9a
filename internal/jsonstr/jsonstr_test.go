package jsonstr

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

var seeds = []string{"", "plain", `a "quoted" \ back`, "</script><!--&", "\b\f\n\r\t\x00\x1f\x7f",
	"£3,000 – 25", "line\u2028para\u2029", "bad \xff byte", "\xe2\x80", "\xed\xa0\x80", "émoji 🏠"}

// FuzzWrite checks Write against encoding/json with SetEscapeHTML(false).
func FuzzWrite(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		Write(&got, s)
		if got.String() != strings.TrimSuffix(want.String(), "\n") {
			t.Fatalf("Write(%q) = %s, want %s", s, got.String(), want.String())
		}
	})
}

// FuzzWriteScript checks that WriteScript writes what encoding/json reads
// back as the same text, with no <, > or & that could end a script element
// early, and byte for byte what the rune-at-a-time escaper it replaced
// wrote, so no page changed.
func FuzzWriteScript(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		WriteScript(&b, s)
		got := b.String()
		if want := runeScript(s); got != want {
			t.Fatalf("WriteScript(%q) = %s, want %s", s, got, want)
		}
		if strings.ContainsAny(got, "<>&") {
			t.Errorf("WriteScript(%q) = %s: an unescaped <, > or &", s, got)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil {
			t.Fatalf("WriteScript(%q) = %s: not JSON: %v", s, got, err)
		}
		if utf8.ValidString(s) && back != s {
			t.Errorf("WriteScript(%q) reads back as %q", s, back)
		}
	})
}

// runeScript is the escaper WriteScript replaced, kept to compare.
func runeScript(s string) string {
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
