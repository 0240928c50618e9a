package build_test

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
)

var (
	tags  = regexp.MustCompile(`<[^>]+>`)
	space = regexp.MustCompile(`\s+`)
	punct = regexp.MustCompile(`\s+([.,;:])`)
	rows  = regexp.MustCompile(`(?s)<div(?: id="[^"]*")?><dt>(.*?)</dt><dd>(.*?)</dd></div>`)
)

// text turns HTML into the words a reader sees.
func text(s string) string {
	s = space.ReplaceAllString(html.UnescapeString(tags.ReplaceAllString(s, " ")), " ")
	return strings.TrimSpace(punct.ReplaceAllString(s, "$1"))
}

// answers returns a council page's answer rows, label to text; a label can
// have several rows (a district's and its county's).
func answers(t *testing.T, page []byte) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, m := range rows.FindAllSubmatch(page, -1) {
		label := text(string(m[1]))
		out[label] = append(out[label], text(string(m[2])))
	}
	if len(out) == 0 {
		t.Fatal("the page has no answer rows")
	}
	return out
}

// wantRow checks that the row with label holds every phrase.
func wantRow(t *testing.T, rows map[string][]string, label string, phrases ...string) {
	t.Helper()
	got, ok := rows[label]
	if !ok {
		t.Errorf("no row %q", label)
		return
	}
	for _, r := range got {
		missing := ""
		for _, p := range phrases {
			if !strings.Contains(r, p) {
				missing = p
				break
			}
		}
		if missing == "" {
			return
		}
	}
	t.Errorf("row %q = %q, want it to say %q", label, got, phrases)
}

func TestLeicesterPage(t *testing.T) {
	page := files(buildReal(t))["councils/leicester/index.html"]
	rows := answers(t, page)
	const src = "Source 1."
	wantRow(t, rows, "Exempt from council tax", "✓ Yes", "until your 25th birthday", "if Leicester looked after you", src)
	wantRow(t, rows, "Gym membership", "✓ Yes", "until your 21st birthday", src)
	wantRow(t, rows, "Free swimming", "✓ Yes", "until your 21st birthday", src)
	wantRow(t, rows, "Bring a friend free", "✗ No", src)
	wantRow(t, rows, "Setting-up-home allowance", "✓ Yes", "£2,000", src)
	// Leicester's reply is not dated, and says so rather than inventing a
	// date: once in the list of sources, and with a short mark on each row.
	wantRow(t, rows, "Setting-up-home allowance", "undated")
	body := text(string(page))
	if !strings.Contains(body, "1. Freedom of Information Act 2000 – Care Leavers, Freedom of Information reply.") && !strings.Contains(body, "Freedom of Information Act 2000 – Care Leavers, Freedom of Information reply. Undated: it shows no date") {
		t.Errorf("the list of sources does not say the reply is undated: %s", body[strings.Index(body, "Where these facts come from"):])
	}
	if n := strings.Count(strings.ToLower(body), "undated:") + strings.Count(strings.ToLower(body), "more than 18 months old"); n > len(buildReal(t).Site.BySlug["leicester"].Sources) {
		t.Errorf("the page says undated or may be out of date %d times, more than once per source", n)
	}
	// Having to go through complaints to see your care file is bad news:
	// a warning sign, never a cross beside "Yes".
	wantRow(t, rows, "Must go through complaints to see your care file", "! Yes")
	if !strings.Contains(text(string(page)), "Edit this page") {
		t.Error("no edit link")
	}
	if !strings.Contains(string(page), `href="https://github.com/localoffer/localoffer/edit/main/content/councils/leicester.md"`) {
		t.Error("the edit link does not lead to the council's file")
	}
	if !strings.Contains(string(page), `href="https://github.com/localoffer/localoffer/issues/new?template=offer-changed.yml&amp;title=Offer&#43;changed%3A&#43;Leicester&#43;City&#43;Council"`) &&
		!strings.Contains(html.UnescapeString(string(page)), `href="https://github.com/localoffer/localoffer/issues/new?template=offer-changed.yml&title=Offer+changed%3A+Leicester+City+Council"`) {
		t.Error("no link to report a change in Leicester's offer")
	}
}

func TestHertsmerePageShowsBothCouncils(t *testing.T) {
	page := files(buildReal(t))["councils/hertsmere/index.html"]
	rows := answers(t, page)
	const own = "From Hertsmere Borough Council."
	wantRow(t, rows, "Exempt from council tax", "✗ No", own, "Source ", "old")
	wantRow(t, rows, "Free leisure", "✗ No", own)
	wantRow(t, rows, "Council that publishes the offer for this area", "Hertfordshire County Council")
	// What the county gives comes from the county, and says so.
	wantRow(t, rows, "Setting-up-home allowance", "From Hertfordshire County Council")
	body := text(string(page))
	for _, want := range []string{
		"District council in Hertfordshire, East of England.",
		"Questions we have no answer to yet: Travel: ask Hertfordshire: Free or cheaper buses?",
		"you get council tax, housing and leisure help from Hertsmere Borough Council",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
}

func TestCountyPageListsDistricts(t *testing.T) {
	page := string(files(buildReal(t))["councils/hertfordshire/index.html"])
	// Hertfordshire has ten districts; the page links to each.
	for _, d := range []string{"broxbourne", "dacorum", "east-hertfordshire", "hertsmere", "north-hertfordshire",
		"st-albans", "stevenage", "three-rivers", "watford", "welwyn-hatfield"} {
		if !strings.Contains(page, `href="../../councils/`+d+`/index.html"`) {
			t.Errorf("the county page does not link to %s", d)
		}
	}
}

// TestCouncilWithNoDataShowsHowToAsk: a council whose offer nobody has
// found yet says so, says when someone last looked, and gives the FOI
// request and a WhatDoTheyKnow link.
func TestCouncilWithNoDataShowsHowToAsk(t *testing.T) {
	res := buildReal(t)
	site := files(res)
	tested := 0
	for _, c := range res.Site.Councils {
		if !c.Unknown() || c.IsDistrict() || c.WDTK == "" || tested == 3 {
			continue
		}
		tested++
		page := string(site["councils/"+c.Slug+"/index.html"])
		body := text(page)
		notice := "We have not found " + c.ShortName + "'s offer for care leavers yet (nobody has looked yet)."
		if !c.Checked.IsZero() {
			notice = "We have not found " + c.ShortName + "'s offer for care leavers yet (last looked " + c.Checked.Words() + ")."
		}
		for _, want := range []string{
			notice,
			"Dear " + c.Name + ",",
			"Under the Freedom of Information Act 2000",
			offer.Lookup("home.setup_allowance").Ask,
			"Yours faithfully,",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the page does not say %q", c.Slug, want)
			}
		}
		if !strings.Contains(html.UnescapeString(page), `href="https://www.whatdotheyknow.com/new/`+c.WDTK+`?title=Local+offer+for+care+leavers"`) {
			t.Errorf("%s: no link to make the request on WhatDoTheyKnow", c.Slug)
		}
		if strings.Contains(body, "Nobody has found out yet") {
			t.Errorf("%s: a council with nothing known lists every unknown question instead of showing how to ask", c.Slug)
		}
	}
	if tested == 0 {
		t.Skip("every council that looks after children has a known answer")
	}
}

// TestEveryCouncilIsBuiltAndListed checks every council in the reference
// list has a page, and its region's page and the A to Z link to it.
func TestEveryCouncilIsBuiltAndListed(t *testing.T) {
	site := files(buildReal(t))
	az := html.UnescapeString(string(site["councils/index.html"]))
	all := registry.All()
	if len(all) != 317 {
		t.Fatalf("the reference list has %d councils", len(all))
	}
	for _, c := range all {
		if _, ok := site["councils/"+c.Slug()+"/index.html"]; !ok {
			t.Errorf("%s has no page", c.Name)
			continue
		}
		region := html.UnescapeString(string(site["regions/"+registry.Slugify(c.Region)+"/index.html"]))
		link := `href="../../councils/` + c.Slug() + `/index.html"`
		if !strings.Contains(region, link+">"+c.Name+"<") {
			t.Errorf("the %s page does not list %s", c.Region, c.Name)
		}
		if !strings.Contains(az, `href="../councils/`+c.Slug()+`/index.html">`+c.Name+"<") {
			t.Errorf("the A to Z does not list %s", c.Name)
		}
	}
}

// TestRushcliffeShowsTheJointOffer: Rushcliffe has no answers of its own,
// but it is a member of the Nottinghamshire joint offer, whose council tax
// exemption shows on its page, labelled as the joint offer's.
func TestRushcliffeShowsTheJointOffer(t *testing.T) {
	site := files(buildReal(t))
	rows := answers(t, site["councils/rushcliffe/index.html"])
	// Rushcliffe's own answer and the joint offer's each have a label of
	// their own.
	rows["Exempt from council tax"] = append(rows["Exempt from council tax: Rushcliffe"], rows["Exempt from council tax (older answer)"]...)
	wantRow(t, rows, "Exempt from council tax", "✓ Yes", "From Nottinghamshire joint local offer for care leavers.",
		"not yet confirmed by each council")
	// Leaving-care support still comes from the county.
	wantRow(t, rows, "Service for care leavers aged 21 to 25", "called 21Plus", "From Nottinghamshire County Council.")
	page := string(site["councils/rushcliffe/index.html"])
	if !strings.Contains(page, `href="../../joint/nottinghamshire/index.html"`) {
		t.Error("Rushcliffe's page does not link to the joint offer")
	}
	joint := text(string(site["joint/nottinghamshire/index.html"]))
	for _, want := range []string{"made together by 8 councils in Nottinghamshire", "Rushcliffe Borough Council", "Not yet confirmed by each council."} {
		if !strings.Contains(joint, want) {
			t.Errorf("the joint offer's page does not say %q", want)
		}
	}
}

// TestEndingCouncilsSaySo: Surrey's county and districts are replaced on
// 1 April 2027, and their pages say by whom.
func TestEndingCouncilsSaySo(t *testing.T) {
	site := files(buildReal(t))
	for slug, want := range map[string]string{
		"surrey":       "Surrey County Council is replaced by East Surrey Council and West Surrey Council from 1 April 2027.",
		"surrey-heath": "Surrey Heath Borough Council is replaced by West Surrey Council from 1 April 2027.",
		"tandridge":    "Tandridge District Council is replaced by East Surrey Council from 1 April 2027.",
	} {
		if body := text(string(site["councils/"+slug+"/index.html"])); !strings.Contains(body, want) {
			t.Errorf("%s: the page does not say %q", slug, want)
		}
	}
	if body := text(string(site["councils/leicester/index.html"])); strings.Contains(body, "is replaced by") {
		t.Error("Leicester is not ending, but its page says it is")
	}
}

// TestSearchPageWorksWithoutJavaScript: the search page is a complete list
// of councils by region, each with the names that find it, and a form; its
// data stays within budget.
func TestSearchPageWorksWithoutJavaScript(t *testing.T) {
	page := string(files(buildReal(t))["search/index.html"])
	if !strings.Contains(page, `<form class="search" action="../search/index.html" method="get" role="search"`) {
		t.Error("no search form that works without JavaScript")
	}
	if n := strings.Count(page, "<li data-gss="); n != 317 {
		t.Errorf("the search page lists %d councils, want 317", n)
	}
	for _, r := range registry.All() {
		if !strings.Contains(page, `<li data-gss="`+r.GSS+`"`) || !strings.Contains(page, `<a href="../councils/`+r.Slug()+`/index.html">`) {
			t.Errorf("the search page does not link to %s", r.Name)
		}
	}
	if !strings.Contains(page, `<li data-gss="E07000098" data-county="E10000015"`) {
		t.Error("districts do not name their county, so they are not found by the county's name")
	}
	if !strings.Contains(page, `<span class="places">Borehamwood, Potters Bar, Bushey, Radlett, Elstree</span>`) {
		t.Error("Hertsmere's towns are not listed")
	}
	start, end := strings.Index(page, `<div id="all-councils">`), strings.Index(page, "</main>")
	if n := gzipSize(t, []byte(page[start:end])); n > 15*1024 {
		t.Errorf("the search data is %d bytes gzipped, want at most 15 KB", n)
	}
}

// TestEveryPageHasTheSearchBox: every page but the search page itself has a
// small search form in its header that leads to the search page.
func TestEveryPageHasTheSearchBox(t *testing.T) {
	for name, data := range files(buildReal(t)) {
		if !strings.HasSuffix(name, ".html") || name == "search/index.html" {
			continue
		}
		if !strings.Contains(string(data), `<form class="find" action="`) || !strings.Contains(string(data), `name="q"`) {
			t.Errorf("%s has no search box in its header", name)
		}
	}
}

// TestCountyPageLeavesDistrictWorkToDistricts: a county does not collect
// council tax, so its page does not list council tax as unknown, and its
// table rows say districts give it.
func TestCountyPageLeavesDistrictWorkToDistricts(t *testing.T) {
	site := files(buildReal(t))
	body := text(string(site["councils/cambridgeshire/index.html"]))
	if strings.Contains(body, "Exempt from council tax") {
		t.Error("Cambridgeshire's page lists council tax, which its districts give")
	}
	if got := cellsOf(t, national(site, "council-tax"), "cambridgeshire")["Exempt from council tax"]; got != "District councils give this" {
		t.Errorf("Cambridgeshire's council tax cell: %q", got)
	}
	// A figure reads as a figure, not "Yes".
	rows := answers(t, site["councils/cambridgeshire/index.html"])
	wantRow(t, rows, "Care leavers the council supports", "about 330")
	if r := rows["Care leavers the council supports"]; len(r) > 0 && strings.Contains(r[0], "Yes") {
		t.Errorf("the cohort size reads %q", r[0])
	}
	// A district's row shows its own answer to what each council does itself,
	// not its county's.
	if got := cellsOf(t, national(site, "offer"), "ashfield")["Local offer published"]; got != "Not known" {
		t.Errorf("Ashfield's 'offer published' cell: %q, want Not known (the county's answer is the county's)", got)
	}
}
