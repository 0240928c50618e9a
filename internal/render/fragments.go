package render

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"html/template"
	"strconv"
	"strings"
)

// Fragments are the parts of a page written in Go (answer rows, gaps,
// table rows) rather than through the templates. Written as the minifier
// would write them, they can skip it: the page goes through the minifier
// with a marker in place of each, and Splice puts them back afterwards. On a
// council page they are most of the bytes, so this halves a build's
// minifying.
type Fragments struct {
	nonce string   // makes markers that no content can contain
	Parts []string // in the order their markers appear
}

// newNonce returns a random string for one renderer's markers. Markers never
// reach the site, so builds stay reproducible.
func newNonce() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read does not fail
	return hex.EncodeToString(b)
}

const markOpen, markClose = "\uE000", "\uE001"

// fragment returns html as it goes in the page: itself, or a marker when the
// page's fragments are kept apart.
func (p *Page) fragment(html string) template.HTML {
	if p.frags == nil {
		return template.HTML(html) //nolint:gosec // callers escape every text
	}
	p.frags.Parts = append(p.frags.Parts, html)
	return template.HTML(markOpen + p.frags.nonce + strconv.Itoa(len(p.frags.Parts)-1) + markClose) //nolint:gosec // a marker
}

// Splice writes page to dst with each marker replaced by its fragment. It
// fails if the markers are not all there, in order, as when a template puts
// a fragment where the minifier rewrites text.
func (f *Fragments) Splice(dst *bytes.Buffer, page []byte) error {
	for i, part := range f.Parts {
		marker := markOpen + f.nonce + strconv.Itoa(i) + markClose
		at := bytes.Index(page, []byte(marker))
		if at < 0 {
			return errors.New("a part of the page written in Go lost its place; it must sit between elements, not inside an attribute or script")
		}
		dst.Write(page[:at])
		dst.WriteString(part)
		page = page[at+len(marker):]
	}
	if bytes.Contains(page, []byte(markOpen+f.nonce)) {
		return errors.New("a page has more places for parts written in Go than parts")
	}
	dst.Write(page)
	return nil
}

// write writes parts to b one after another, without joining them first.
func write(b *strings.Builder, parts ...string) {
	for _, p := range parts {
		b.WriteString(p)
	}
}
