package e2e

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/localoffer/localoffer/internal/site"
)

// summary is what a council page's "What you can get" shows on a phone.
type summary struct {
	Top   float64  `json:"top"`   // how far the section's top is from the page's top, in CSS pixels
	Items []string `json:"items"` // its items, as a reader sees them
	Links int      `json:"links"` // items whose link leads to a row on the page
	Who   []string `json:"who"`
}

const summaryProbe = `(() => {
  const s = document.getElementById("s-get").parentElement;
  const items = [...s.querySelectorAll("ul.get li")];
  return {
    top: s.getBoundingClientRect().top + scrollY,
    items: items.map((li) => li.textContent.replace(/\s+/g, " ").trim()),
    links: items.filter((li) => { const a = li.querySelector("a"); return a && document.getElementById(a.getAttribute("href").slice(1)); }).length,
    who: [...document.querySelectorAll("ul.who li")].map((li) => li.textContent.replace(/\s+/g, " ").trim()),
  };
})()`

func readSummary(t *testing.T, path string) summary {
	t.Helper()
	ctx, rec := newTab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	load(t, ctx, rec, path, false)
	s, err := chromedp.Run(ctx, chromedp.Evaluate[summary](summaryProbe))
	if err != nil {
		t.Fatal(err)
	}
	if s.Links != len(s.Items) {
		t.Errorf("%s: %d of %d summary items link to their rows", path, s.Links, len(s.Items))
	}
	return s
}

func hasItem(items []string, parts ...string) bool {
	for _, it := range items {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(it, p)
		}
		if all {
			return true
		}
	}
	return false
}

// TestWhatYouCanGet: on a phone, a council page starts with what a care
// leaver can get, with amounts, ages and conditions, and who gives each item.
func TestWhatYouCanGet(t *testing.T) {
	leicester := readSummary(t, "/councils/leicester/")
	if leicester.Top >= 600 {
		t.Errorf("Leicester's \"What you can get\" starts %.0f px down the page, want within the first screen (under 600)", leicester.Top)
	}
	if !hasItem(leicester.Items, "£2,000", "set up your first home") {
		t.Errorf("Leicester's summary does not give the £2,000 allowance: %q", leicester.Items)
	}
	if !hasItem(leicester.Items, "Exempt from council tax", "until your 25th birthday", "if Leicester looked after you") {
		t.Errorf("Leicester's summary does not give the council tax exemption with its age and condition: %q", leicester.Items)
	}
	if !hasItem(leicester.Who, "personal adviser") {
		t.Errorf("Leicester's summary does not say who to ask: %q", leicester.Who)
	}

	hertsmere := readSummary(t, "/councils/hertsmere/")
	if !hasItem(hertsmere.Items, "from Hertfordshire County Council") {
		t.Errorf("Hertsmere's summary does not name Hertfordshire County Council for the county's items: %q", hertsmere.Items)
	}
	rushcliffe := readSummary(t, "/councils/rushcliffe/")
	if !hasItem(rushcliffe.Items, "from Nottinghamshire joint local offer") {
		t.Errorf("Rushcliffe's summary does not name the joint offer for its items: %q", rushcliffe.Items)
	}
}

// TestSourcesSayUndatedOnce: on Leicester's page a reader sees "undated" or
// "may be out of date" at most once for each source, in the list of
// sources; each affected row has only a short mark.
func TestSourcesSayUndatedOnce(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/councils/leicester/", false)
	type counts struct {
		Said    int `json:"said"`
		Sources int `json:"sources"`
		Marks   int `json:"marks"`
		Changed int `json:"changed"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[counts](`(() => {
  const main = document.querySelector("main").cloneNode(true);
  const marks = main.querySelectorAll(".mark").length;
  main.querySelectorAll(".mark").forEach((m) => m.remove());
  // A national change that may have overtaken an answer is said where the
  // answer is: under its headline and its row.
  const changed = main.querySelectorAll(".changed").length;
  main.querySelectorAll(".changed").forEach((m) => m.remove());
  // The ready request quotes the answer it asks the council to confirm.
  main.querySelectorAll("details.foi").forEach((m) => m.remove());
  const text = main.innerText.toLowerCase();
  return {
    said: (text.match(/undated|may be out of date/g) || []).length,
    sources: document.querySelectorAll(".sources li").length,
    marks,
    changed,
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Said > got.Sources || got.Sources == 0 {
		t.Errorf("Leicester's page says undated or may be out of date %d times for %d sources, want at most once each", got.Said, got.Sources)
	}
	if got.Changed != 2 {
		t.Errorf("the £3,000 minimum since April 2023 is said %d times, want under the £2,000 headline and its row", got.Changed)
	}
	if got.Marks < 10 {
		t.Errorf("%d rows carry a short mark, want one on each undated row", got.Marks)
	}
}

// TestNothingKnownSaysSoFirst: on a phone, a council with nothing known
// says so on the first screen, with the ready request as the next step.
// The council is the first the content knows nothing about: which one
// changes as research goes on.
func TestNothingKnownSaysSoFirst(t *testing.T) {
	var unknown *site.Council
	for _, c := range built.Site.Councils {
		if c.Unknown() {
			unknown = c
			break
		}
	}
	if unknown == nil {
		t.Skip("something is known about every council: no page says nothing is known")
	}
	ctx, rec := newTab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	path := "/" + unknown.Path()
	load(t, ctx, rec, path, false)
	type seen struct {
		Notice float64 `json:"notice"` // the bottom of the "not found" words, in CSS pixels from the top
		Ask    float64 `json:"ask"`    // the bottom of the link to the request
		Text   string  `json:"text"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[seen](`(() => {
  const strong = [...document.querySelectorAll("main strong")].find((s) => s.textContent.startsWith(`+strconv.Quote("We have not found "+unknown.ShortName+"'s offer")+`));
  const ask = [...document.querySelectorAll("main a[href='#s-ask']")][0];
  return {
    notice: strong ? strong.getBoundingClientRect().bottom + scrollY : 1e9,
    ask: ask ? ask.getBoundingClientRect().bottom + scrollY : 1e9,
    text: ask ? ask.textContent : "",
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got.Notice > 844 {
		t.Errorf("%s's \"we have not found\" ends %.0f px down the page, want within the first screen (844)", unknown.ShortName, got.Notice)
	}
	if got.Ask > 844 || !strings.Contains(got.Text, "Freedom of Information request") {
		t.Errorf("the link to the ready request (%q) ends %.0f px down, want within the first screen", got.Text, got.Ask)
	}
	checkClean(t, ctx, rec, path)
}
