package export

import (
	"bytes"
	"encoding/xml"
	"unicode/utf8"
)

// A build writes a feed for every council, so feeds are written by hand,
// below, as encoding/xml (indented by two spaces) writes an AtomFeed, not
// by reflection. TestAtomIsEncodingXML holds the two to the same bytes.

// file is the feed as a file: the XML header, the feed, and a newline.
func (f AtomFeed) file() []byte {
	var b bytes.Buffer
	b.Grow(2048)
	b.WriteString(xml.Header)
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">`)
	element(&b, 1, "title", f.Title)
	element(&b, 1, "subtitle", f.Subtitle)
	element(&b, 1, "id", f.ID)
	element(&b, 1, "updated", f.Updated)
	for i := range f.Links {
		f.Links[i].write(&b, 1)
	}
	indent(&b, 1)
	b.WriteString("<author>")
	element(&b, 2, "name", f.Author.Name)
	if f.Author.URI != "" {
		element(&b, 2, "uri", f.Author.URI)
	}
	indent(&b, 1)
	b.WriteString("</author>")
	for _, e := range f.Entries {
		indent(&b, 1)
		b.WriteString("<entry>")
		element(&b, 2, "title", e.Title)
		element(&b, 2, "id", e.ID)
		element(&b, 2, "updated", e.Updated)
		e.Link.write(&b, 2)
		indent(&b, 2)
		b.WriteString("<summary")
		attr(&b, "type", e.Summary.Type)
		b.WriteByte('>')
		escapeXML(&b, e.Summary.Text)
		b.WriteString("</summary>")
		indent(&b, 1)
		b.WriteString("</entry>")
	}
	b.WriteString("\n</feed>\n")
	return b.Bytes()
}

func (l *AtomLink) write(b *bytes.Buffer, depth int) {
	indent(b, depth)
	b.WriteString(`<link href="`)
	escapeXML(b, l.Href)
	b.WriteByte('"')
	attr(b, "rel", l.Rel)
	attr(b, "type", l.Type)
	b.WriteString("></link>")
}

// element writes <name>text</name> on a line of its own.
func element(b *bytes.Buffer, depth int, name, text string) {
	indent(b, depth)
	b.WriteByte('<')
	b.WriteString(name)
	b.WriteByte('>')
	escapeXML(b, text)
	b.WriteString("</")
	b.WriteString(name)
	b.WriteByte('>')
}

// attr writes an attribute, left out when empty, as omitempty does.
func attr(b *bytes.Buffer, name, value string) {
	if value == "" {
		return
	}
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	escapeXML(b, value)
	b.WriteByte('"')
}

func indent(b *bytes.Buffer, depth int) {
	b.WriteByte('\n')
	for range depth {
		b.WriteString("  ")
	}
}

// escapeXML writes s as encoding/xml escapes text and attribute values:
// markup, quotes and the line-break characters as references, and what XML
// may not hold as U+FFFD.
func escapeXML(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || r == utf8.RuneError && width == 1 {
				esc = "\uFFFD"
				break
			}
			i += width
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		i += width
		last = i
	}
	b.WriteString(s[last:])
}

// xmlChar reports whether XML 1.0 may hold r (its Char production).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
