package render

//go:generate go run -tags layoutc ../../cmd/layoutc -root ../..

import (
	"bytes"
	"fmt"
	"strings"
)

// runCompiled runs compiled templates, giving a run-time error (a nil
// pointer where a template expected a value) as an error, as
// html/template does.
func runCompiled(run func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("template: %v", r)
		}
	}()
	return run()
}

// The compiled templates' escapers. They escape a plain string exactly as
// html/template's escapers of the same names do (html.go and url.go in
// Go's html/template): the compiled code gives them only strings, and
// handles html/template's trusted types (template.HTML, template.JS,
// template.URL) itself.

// htmlReplacements are html/template's htmlReplacementTable: what
// htmlEscaper, attrEscaper and rcdataEscaper replace in a plain string.
var htmlReplacements = [...]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// lcwHTML writes s escaped for HTML text or a quoted attribute.
func lcwHTML(w *bytes.Buffer, s string) { replace(w, s, htmlReplacements[:]) }

// replace writes s with each byte that has a replacement in table
// replaced. Every byte replaced is ASCII, so bytes can be read one at a
// time.
func replace[W interface{ WriteString(string) (int, error) }](w W, s string, table []string) {
	written := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; int(c) < len(table) && table[c] != "" {
			w.WriteString(s[written:i])
			w.WriteString(table[c])
			written = i + 1
		}
	}
	w.WriteString(s[written:])
}

// lcHTML gives s escaped as lcwHTML writes it.
func lcHTML(s string) string {
	var b bytes.Buffer
	lcwHTML(&b, s)
	return b.String()
}

// lcURLFilter is html/template's urlFilter: a URL whose scheme is not
// http, https or mailto becomes "#ZgotmplZ".
func lcURLFilter(s string) string {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// lcwURLNorm writes s as html/template's urlNormalizer gives it.
func lcwURLNorm(w *bytes.Buffer, s string) { writeURL(w, s, true) }

// lcURLNorm gives s as html/template's urlNormalizer does.
func lcURLNorm(s string) string { return urlString(s, true) }

// lcwURLEsc writes s as html/template's urlEscaper gives it.
func lcwURLEsc(w *bytes.Buffer, s string) { writeURL(w, s, false) }

// lcURLEsc gives s as html/template's urlEscaper does.
func lcURLEsc(s string) string { return urlString(s, false) }

// urlString is what writeURL writes, as a string: s itself when nothing in
// it is encoded, as in most of a page's links.
func urlString(s string, norm bool) string {
	if urlKept(s, 0, norm) == len(s) {
		return s
	}
	var b bytes.Buffer
	writeURL(&b, s, norm)
	return b.String()
}

// writeURL is html/template's processURLOnto: it percent-encodes what a
// URL (norm) or a part of one (not norm) may not hold as it is.
func writeURL(w *bytes.Buffer, s string, norm bool) {
	const hex = "0123456789abcdef"
	written := 0
	for i := urlKept(s, 0, norm); i < len(s); i = urlKept(s, i+1, norm) {
		c := s[i]
		w.WriteString(s[written:i])
		w.Write([]byte{'%', hex[c>>4], hex[c&15]})
		written = i + 1
	}
	w.WriteString(s[written:])
}

// urlKept is the index of the first byte of s from i on that writeURL
// encodes, or len(s).
func urlKept(s string, i int, norm bool) int {
	for ; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		return i
	}
	return len(s)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
