package render

import (
	"bytes"
	"strings"
	"testing"
)

func TestSplice(t *testing.T) {
	p := &Page{frags: &Fragments{nonce: "n1"}}
	page := "<main>" + string(p.fragment("<p>one</p>")) + "<div>" + string(p.fragment("<p>two &amp; three</p>")) + "</div></main>"
	var out bytes.Buffer
	if err := p.frags.Splice(&out, []byte(page)); err != nil {
		t.Fatal(err)
	}
	if want := "<main><p>one</p><div><p>two &amp; three</p></div></main>"; out.String() != want {
		t.Errorf("spliced %q, want %q", out.String(), want)
	}
	// A marker the minifier lost, or one too many, fails the page.
	out.Reset()
	if err := p.frags.Splice(&out, []byte(strings.Replace(page, markClose, "", 1))); err == nil {
		t.Error("a lost marker was not noticed")
	}
	out.Reset()
	if err := (&Fragments{nonce: "n1"}).Splice(&out, []byte(page)); err == nil {
		t.Error("markers without parts were not noticed")
	}
	// Without a place for fragments, the HTML goes straight in.
	if got := (&Page{}).fragment("<p>x</p>"); got != "<p>x</p>" {
		t.Errorf("inline fragment = %q", got)
	}
}
