package content

import (
	"strings"
	"testing"
)

func TestReview(t *testing.T) {
	set, problems := load(newFS(map[string]string{"content/councils/hertsmere.md": `---
gss: E07000098
name: Hertsmere Borough Council
tier: district
parent: E10000015
region: East of England
default_src: old
sources:
  - {id: old, type: foi, title: Old reply, received: 2020-02-04}
  - {id: new, type: foi, title: New reply, responded: 2026-10}
  - {id: undated, type: campaign_page, title: A page, publisher: A campaign, url: "https://example.org/page"}
council_tax:
  exempt: no
leisure:
  free_access: {status: yes, src: new}
  friend_free: {status: no, src: undated, quote: "Friends pay the usual price."}
offer:
  url: https://www.hertsmere.gov.uk
home:
  setup_allowance: {gbp: 2000, src: new}
---
`}))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	got := strings.Split(Review(set, testNow).Error(), "\n")
	want := []string{
		"content/councils/hertfordshire.md:1:1: warning: not looked for yet: nobody has recorded what this council offers, or added checked: when they looked",
		"content/councils/hertsmere.md:13:3: warning: council_tax.exempt: from 4 February 2020, more than 18 months ago: check it is still true",
		"content/councils/hertsmere.md:16:3: warning: leisure.friend_free: no date: neither the answer (as_of) nor its source says when it was true",
		"content/councils/hertsmere.md:20:3: warning: home.setup_allowance: a district does not provide this (the council that looked after you does), so residents' pages show the other tier's answer instead",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReviewWarnsOfLinesLeftToRead: a file that still holds an imported
// reply's "not understood" lines gets a warning at the first of them.
func TestReviewWarnsOfLinesLeftToRead(t *testing.T) {
	file := "---\nschema: 1\ngss: E06000037\nname: West Berkshire Council\nshort_name: West Berkshire\ntier: unitary\nregion: South East\n" +
		"default_src: foi\nsources:\n  - {id: foi, type: foi, title: Reply}\noffer:\n  published: yes\n" +
		"# From the reply, for you to read:\n# not understood, line 4: Your request was received.\n# to confirm, line 9: home.setup_allowance: \"see policy\"\n---\nWest Berkshire.\n"
	set, problems := load(newFS(map[string]string{"content/councils/west-berkshire.md": file}))
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, w := range Review(set, testNow) {
		if strings.Contains(w.Msg, "for a person to read") {
			got = append(got, w.String())
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "west-berkshire.md:14:1") || !strings.Contains(got[0], "2 lines") {
		t.Errorf("warnings %q, want one at line 14 for 2 lines", got)
	}
}
