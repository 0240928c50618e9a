// Package jsonstr writes strings as JSON without reflection, in the two ways
// the site needs: as encoding/json writes them (the open data), and safe to
// put inside an HTML script element (the pages' scripts and the councils'
// data scripts). A large directory writes millions of strings each build,
// so runs of bytes that need no escape are copied whole.
package jsonstr

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Write writes s to b as encoding/json does with SetEscapeHTML(false):
// quotes, backslashes and control characters escaped (\b, \f, \n, \r and
// \t as such), U+2028 and U+2029 too, and a byte that is not UTF-8 as
// \ufffd.
func Write(b *bytes.Buffer, s string) { b.Write(appendString(b.AvailableBuffer(), s, false)) }

// WriteScript writes s to b as a JSON string that is safe inside a script
// element: <, > and & escaped as well, every control character as \u00XX,
// and a byte that is not UTF-8 as U+FFFD itself.
func WriteScript(b *strings.Builder, s string) {
	var room [256]byte // most strings fit, so most need no memory of their own
	b.Write(appendString(room[:0], s, true))
}

// The two functions above take concrete writers, not a type parameter or an
// interface, so that a caller's builder can stay on its stack.

const hex = "0123456789abcdef"

// appendString appends s to dst as a JSON string, for a script if script.
func appendString(dst []byte, s string, script bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && !(script && (c == '<' || c == '>' || c == '&')) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case !script && short[c] != 0:
				dst = append(dst, '\\', short[c])
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			if script {
				dst = append(dst, "\uFFFD"...)
			} else {
				dst = append(dst, `\ufffd`...)
			}
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// short are the control characters encoding/json writes with a letter.
var short = [utf8.RuneSelf]byte{'\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't'}
