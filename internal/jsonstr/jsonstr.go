// Package jsonstr writes strings as JSON without reflection, in the two ways
// the site needs: as encoding/json writes them (the open data), and safe to
// put inside an HTML script element (the pages' scripts and the councils'
// data scripts). A large directory writes millions of strings each build,
// so runs of bytes that need no escape are copied whole.
package jsonstr

import "unicode/utf8"

// A Writer is a bytes.Buffer or a strings.Builder.
type Writer interface {
	WriteString(s string) (int, error)
	WriteByte(c byte) error
}

// Write writes s as encoding/json does with SetEscapeHTML(false): quotes,
// backslashes and control characters escaped (\b, \f, \n, \r and \t as
// such), U+2028 and U+2029 too, and a byte that is not UTF-8 as \ufffd.
func Write[W Writer](w W, s string) { write(w, s, false) }

// WriteScript writes s as a JSON string that is safe inside a script
// element: <, > and & escaped as well, every control character as \u00XX,
// and a byte that is not UTF-8 as U+FFFD itself.
func WriteScript[W Writer](w W, s string) { write(w, s, true) }

const hex = "0123456789abcdef"

func write[W Writer](w W, s string, script bool) {
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && !(script && (c == '<' || c == '>' || c == '&')) {
				i++
				continue
			}
			w.WriteString(s[start:i])
			switch {
			case c == '"' || c == '\\':
				w.WriteByte('\\')
				w.WriteByte(c)
			case !script && short[c] != 0:
				w.WriteByte('\\')
				w.WriteByte(short[c])
			default:
				w.WriteString(`\u00`)
				w.WriteByte(hex[c>>4])
				w.WriteByte(hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			w.WriteString(s[start:i])
			if script {
				w.WriteString("\uFFFD")
			} else {
				w.WriteString(`\ufffd`)
			}
		case r == '\u2028' || r == '\u2029':
			w.WriteString(s[start:i])
			w.WriteString(`\u202`)
			w.WriteByte(hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// short are the control characters encoding/json writes with a letter.
var short = [utf8.RuneSelf]byte{'\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't'}
