package build_test

import (
	"bytes"
	"encoding/csv"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/offer"
)

// The tests in this file read the law's checklist as a reader and an
// adviser would: on council pages, on the national page, in the open data
// and in the ready request.

var (
	checklistRe = regexp.MustCompile(`(?s)<section aria-labelledby="s-law"[^>]*>(.*?)</section>`)
	checkItemRe = regexp.MustCompile(`(?s)<li><strong>(.*?)</strong>(.*?)</li>`)
	hrefRe      = regexp.MustCompile(`href="#([^"]+)"`)
	lawCountRe  = regexp.MustCompile(`(?s)<tr><th scope="?row"?><a href="[^"]+">([^<]*)</a> \([^<]*\)</th><td>(\d+) of (\d+)</td>`)
	requestRe   = regexp.MustCompile(`(?s)<pre class="request"[^>]*>(.*?)</pre>`)
)

// councilsCSV reads data/councils.csv into rows by short name.
func councilsCSV(t *testing.T, site map[string][]byte) (header []string, rows map[string][]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(site["data/councils.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows = map[string][]string{}
	for _, r := range recs[1:] {
		rows[r[2]] = r
	}
	return recs[0], rows
}

// checklist returns a council page's checklist items, by area title: the
// item's words and the fragments it links to.
func checklist(t *testing.T, page []byte) (heading string, items map[string]string) {
	t.Helper()
	sec := checklistRe.FindSubmatch(page)
	if sec == nil {
		t.Fatal("no checklist of the law's areas on the page")
	}
	heading = text(string(regexp.MustCompile(`(?s)<h2[^>]*>(.*?)</h2>`).FindSubmatch(sec[1])[1]))
	items = map[string]string{}
	for _, m := range checkItemRe.FindAllSubmatch(sec[1], -1) {
		items[html.UnescapeString(string(m[1]))] = string(m[2])
	}
	return heading, items
}

// TestChecklistOnCouncilPages: Leicester's and Kent's pages list every
// area of the law; each links to rows on the page that show it, or says it
// was not found in what we have read, and says when its requirement began.
func TestChecklistOnCouncilPages(t *testing.T) {
	site := files(buildReal(t))
	for _, slug := range []string{"leicester", "kent"} {
		page := site["councils/"+slug+"/index.html"]
		_, items := checklist(t, page)
		ids := map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(page, -1) {
			ids[string(m[1])] = true
		}
		found := 0
		for _, a := range offer.Areas {
			item, ok := items[a.Title]
			if !ok {
				t.Errorf("%s: the checklist has no item for %s", slug, a.Title)
				continue
			}
			links := hrefRe.FindAllStringSubmatch(item, -1)
			switch {
			case len(links) > 0:
				found++
				for _, l := range links {
					if !ids[l[1]] {
						t.Errorf("%s: %s links to #%s, which is not on the page", slug, a.Title, l[1])
					}
				}
			case !strings.Contains(item, "Not found in what we have read"):
				t.Errorf("%s: %s neither links to a row nor says it was not found: %s", slug, a.Title, text(item))
			}
			if since := html.EscapeString(a.Law.Since); !strings.Contains(item, since) {
				t.Errorf("%s: %s does not say when it began (%q): %s", slug, a.Title, a.Law.Since, text(item))
			}
		}
		if found == 0 {
			t.Errorf("%s: no area of the checklist is found, though its page has answers", slug)
		}
	}
}

// TestDistrictShowsItsCountysChecklist: a district does not look after
// children, so Hertsmere's page shows Hertfordshire's checklist, as the
// county's.
func TestDistrictShowsItsCountysChecklist(t *testing.T) {
	site := files(buildReal(t))
	heading, items := checklist(t, site["councils/hertsmere/index.html"])
	if !strings.Contains(heading, "Hertfordshire") {
		t.Errorf("Hertsmere's checklist is headed %q, want Hertfordshire's", heading)
	}
	_, county := checklist(t, site["councils/hertfordshire/index.html"])
	for area, item := range county {
		if (strings.Contains(item, "✓ Found")) != strings.Contains(items[area], "✓ Found") {
			t.Errorf("%s: Hertsmere's page says %q, Hertfordshire's %q", area, text(items[area]), text(item))
		}
	}
	if !bytes.Contains(site["councils/hertsmere/index.html"], []byte("Hertfordshire County Council looks after children for Hertsmere")) {
		t.Error("Hertsmere's page does not say why the county's checklist is the one that applies")
	}
}

// TestLawPageCountsAgreeWithCouncilsCSV: the national page's count for
// each area is the number of councils.csv rows whose law column says found.
func TestLawPageCountsAgreeWithCouncilsCSV(t *testing.T) {
	site := files(buildReal(t))
	header, rows := councilsCSV(t, site)
	want := map[string][2]int{} // area title: found, councils that look after children
	for _, a := range offer.Areas {
		col := slices.Index(header, "law."+a.Key)
		if col < 0 {
			t.Fatalf("councils.csv has no column law.%s", a.Key)
		}
		var n [2]int
		for _, r := range rows {
			if r[col] != "" {
				n[1]++
			}
			if r[col] == "found" {
				n[0]++
			}
		}
		want[a.Title] = n
	}
	got := lawCountRe.FindAllSubmatch(site["law/index.html"], -1)
	if len(got) != len(offer.Areas) {
		t.Fatalf("the national page counts %d areas, want %d", len(got), len(offer.Areas))
	}
	for _, m := range got {
		title := html.UnescapeString(string(m[1]))
		found, _ := strconv.Atoi(string(m[2]))
		of, _ := strconv.Atoi(string(m[3]))
		if w := want[title]; found != w[0] || of != w[1] {
			t.Errorf("%s: the page says %d of %d, councils.csv %d of %d", title, found, of, w[0], w[1])
		}
	}
}

// TestRequestAsksTheAreasWithNoEvidence: Leicester's ready request asks,
// in the law's words, about each area nothing we have read shows its offer
// covers, and about no other.
func TestRequestAsksTheAreasWithNoEvidence(t *testing.T) {
	site := files(buildReal(t))
	header, rows := councilsCSV(t, site)
	leicester := rows["Leicester"]
	req := requestRe.FindSubmatch(site["councils/leicester/index.html"])
	if req == nil {
		t.Fatal("Leicester's page has no ready request")
	}
	request := html.UnescapeString(string(req[1]))
	asked := 0
	for _, a := range offer.Areas {
		state := leicester[slices.Index(header, "law."+a.Key)]
		asks := strings.Contains(request, "set out "+a.Words+" ("+a.Cite()+")")
		if asks {
			asked++
		}
		if asks != (state == "not_found") {
			t.Errorf("%s is %s in councils.csv, but the request asks about it: %v", a.Title, state, asks)
		}
	}
	if asked == 0 {
		t.Error("the request asks about no area of the law; Leicester has areas with no evidence")
	}
	if strings.Contains(request, "Does your published offer set out") {
		t.Error("the request still asks the catalogue's own questions about the law's areas, beside the law's words")
	}
}
