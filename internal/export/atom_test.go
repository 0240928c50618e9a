package export

import (
	"bytes"
	"io/fs"
	"os"
	"testing"

	"github.com/localoffer/localoffer/internal/synth"
)

// TestAtomIsEncodingXML checks that every council's feed, and the site's,
// of the directory and of 400 synthetic councils, is written by hand as
// encoding/xml writes it, byte for byte.
func TestAtomIsEncodingXML(t *testing.T) {
	project := os.DirFS("../..")
	generated, err := synth.FS(project, 400, 5)
	if err != nil {
		t.Fatal(err)
	}
	for name, fsys := range map[string]fs.FS{"the directory": project, "400 synthetic councils": generated} {
		s := loadSite(t, fsys)
		summaries := make([]string, len(s.Councils))
		for i, c := range s.Councils {
			summaries[i] = summary(c)
			sameXML(t, name+": "+c.Slug, councilAtom(s, c, summaries[i]))
		}
		sameXML(t, name+": the site's feed", siteAtom(s, summaries))
	}
}

// FuzzAtom checks the hand-written feed against encoding/xml with any text
// in every place a feed has text.
func FuzzAtom(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" & 'apostrophes' <b>`, "tab\tnew\nline\r", "\x00\x1f\x7f\ufffe",
		"£3,000", "bad \xff byte", "\xed\xa0\x80", "🏠"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		link := AtomLink{Href: s, Rel: s, Type: s}
		sameXML(t, s, AtomFeed{Title: s, Subtitle: s, ID: s, Updated: s, Links: []AtomLink{link, {Href: s}},
			Author:  AtomPerson{Name: s, URI: s},
			Entries: []AtomEntry{{Title: s, ID: s, Updated: s, Link: link, Summary: AtomText{Type: s, Text: s}}}})
	})
}

func sameXML(t *testing.T, what string, f AtomFeed) {
	t.Helper()
	want, err := xmlFile(f, "feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got := f.file(); !bytes.Equal(got, want) {
		t.Fatalf("%s:\ngot  %s\nwant %s", what, got, want)
	}
}
