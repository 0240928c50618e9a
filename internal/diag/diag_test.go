package diag

import "testing"

func TestFormatAndSort(t *testing.T) {
	l := List{
		{File: "content/councils/b.md", Line: 2, Col: 1, Msg: "missing required key \"region\""},
		{File: "content/councils/a.md", Line: 12, Col: 3, Key: "council_tax.exempt.to_age", Msg: "want an age from 14 to 30, got \"twenty\""},
		{File: "content/councils/a.md", Line: 4, Col: 1, Key: "regoin", Msg: "unknown key (did you mean \"region\"?)"},
		{File: "content/councils/a.md", Line: 1, Col: 1, Msg: "last checked long ago", Severity: Warning},
		{File: "content", Msg: "cannot read the content folder"},
	}
	l.Sort()
	want := []string{
		"content: cannot read the content folder",
		"content/councils/a.md:1:1: warning: last checked long ago",
		"content/councils/a.md:4:1: regoin: unknown key (did you mean \"region\"?)",
		"content/councils/a.md:12:3: council_tax.exempt.to_age: want an age from 14 to 30, got \"twenty\"",
		"content/councils/b.md:2:1: missing required key \"region\"",
	}
	for i, d := range l {
		if d.String() != want[i] {
			t.Errorf("line %d: %q, want %q", i, d.String(), want[i])
		}
	}
	if n := len(l.Errors()); n != 4 {
		t.Errorf("%d errors, want 4", n)
	}
	if w := l.Warnings(); len(w) != 1 || w[0].Severity != Warning {
		t.Errorf("warnings: %v", w)
	}
}
