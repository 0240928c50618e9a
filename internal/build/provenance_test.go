package build_test

import (
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/build"
)

// provenance is a council whose answers come from its own web page, from a
// newspaper and from an undated page, with the source's words behind each.
const provenance = `---
gss: E06000002
name: Middlesbrough Borough Council
short_name: Middlesbrough
tier: unitary
region: North East
checked: 2026-12
default_src: offer
sources:
  - id: offer
    type: offer_page
    title: Our offer to care leavers
    publisher: Middlesbrough Borough Council
    url: https://www.middlesbrough.gov.uk/care-leavers
    updated: 2022-06-01
  - id: paper
    type: press
    title: Council to waive council tax for care leavers
    publisher: The Evening Gazette
    url: https://www.example.org/gazette
    published: 2024-03
  - id: leisure
    type: council_page
    title: Leisure for care leavers
    publisher: Middlesbrough Borough Council
    url: https://www.middlesbrough.gov.uk/leisure
home:
  setup_allowance: {gbp: 2000, quote: "a setting up home allowance of £2,000"}
council_tax:
  exempt:
    - {status: yes, to_age: 25, src: paper, quote: "care leavers will not pay council tax until they are 25"}
    - {status: yes, to_age: 21, src: leisure, quote: "No council tax for care leavers up to 21"}
leisure:
  swimming: {status: yes, to_age: 21, src: leisure, quote: "Free swimming for care leavers up to 21"}
---
`

// notLooked is a council nobody has looked for; notFound one someone has.
const (
	notLooked = "---\ngss: E06000001\nname: Hartlepool Borough Council\nshort_name: Hartlepool\ntier: unitary\nregion: North East\n---\n"
	notFound  = "---\ngss: E06000003\nname: Redcar and Cleveland Borough Council\nshort_name: Redcar and Cleveland\ntier: unitary\nregion: North East\nchecked: 2026-11\n---\n"
)

func TestPagesShowProvenance(t *testing.T) {
	res, err := build.Site(projectWith(t, map[string]string{
		"content/councils/middlesbrough.md":        provenance,
		"content/councils/hartlepool.md":           notLooked,
		"content/councils/redcar-and-cleveland.md": notFound,
	}), now)
	if err != nil {
		t.Fatal(err)
	}
	site := files(res)
	page := site["councils/middlesbrough/index.html"]
	rows := answers(t, page)
	// The source's words, on demand, behind each answer.
	wantRow(t, rows, "Setting-up-home allowance", "£2,000", "What the source says “a setting up home allowance of £2,000”",
		"This may be out of date: since April 2023 the government's recommended minimum is £3,000.")
	wantRow(t, rows, "Exempt from council tax (another source)", "What the source says “care leavers will not pay council tax until they are 25”",
		"Reported by The Evening Gazette, not confirmed by the council.")
	wantRow(t, rows, "Free swimming", "What the source says “Free swimming for care leavers up to 21”")
	// Where sources disagree, both show: the council's own page first.
	// Each has a label of its own, so no term repeats within the list.
	if tax := append(rows["Exempt from council tax"], rows["Exempt from council tax (another source)"]...); len(tax) != 2 || !strings.Contains(tax[0], "until your 21st birthday") || strings.Contains(tax[0], "Reported by") ||
		!strings.Contains(tax[1], "until your 25th birthday") || !strings.Contains(tax[1], "Another source says something different") {
		t.Errorf("the council tax rows are %q, want the council's own answer, then the newspaper's", tax)
	}
	if r := rows["Free swimming"]; len(r) == 1 && strings.Contains(r[0], "Reported by") {
		t.Errorf("the council's own page is shown as reported by others: %q", r[0])
	}
	body := text(string(page))
	for _, want := range []string{
		"Our offer to care leavers, the council's offer web page, published by Middlesbrough Borough Council. Last updated 1 June 2022.",
		"Council to waive council tax for care leavers, news report, published by The Evening Gazette. Reported by The Evening Gazette, not confirmed by the council. Published March 2024.",
		"Leisure for care leavers, council web page, published by Middlesbrough Borough Council. Undated: it shows no date, so check what it says is still true.",
		"Last looked for in public sources: December 2026.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not say %q", want)
		}
	}

	for slug, want := range map[string]string{
		"hartlepool":           "We have not found Hartlepool's offer for care leavers yet (nobody has looked yet).",
		"redcar-and-cleveland": "We have not found Redcar and Cleveland's offer for care leavers yet (last looked November 2026).",
	} {
		body := text(string(site["councils/"+slug+"/index.html"]))
		if !strings.Contains(body, want) {
			t.Errorf("%s: the page does not say %q", slug, want)
		}
		if !strings.Contains(body, "Under the Freedom of Information Act 2000") {
			t.Errorf("%s: the page has no FOI request", slug)
		}
	}

	// The home page counts what was found, looked for and not looked for.
	home := text(string(site["index.html"]))
	if !strings.Contains(home, "North East 3 1 1 1 November 2026 to December 2026") {
		t.Errorf("the home page's coverage table does not count the North East's three councils: %s", home[strings.Index(home, "How much we know"):][:600])
	}
}
