package build_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
	"github.com/localoffer/localoffer/internal/site"
)

var tableRow = regexp.MustCompile(`(?s)<tr data-region="([^"]+)" data-tier="([^"]+)" data-known="(\d+)" data-slug="([^"]+)">(.*?)</tr>`)

// regionSlugs are the slugs of England's nine regions.
func regionSlugs() []string {
	var out []string
	for _, c := range registry.All() {
		if r := registry.Slugify(c.Region); !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// national is a topic's table for all of England as the national page's
// "Show all councils" puts it together: every region's table in turn.
func national(site map[string][]byte, topic string) string {
	var b strings.Builder
	for _, r := range regionSlugs() {
		b.Write(site["compare/"+topic+"/"+r+"/index.html"])
	}
	return b.String()
}

// TestNationalTablesListEveryCouncil: every topic's national page links
// each region's table, and those tables have a row for each of the 317
// councils, once, its name a row header linking to its page, and only
// their region's councils.
func TestNationalTablesListEveryCouncil(t *testing.T) {
	site := files(buildReal(t))
	for _, tp := range offer.Topics {
		page := string(site["compare/"+tp.Key+"/index.html"])
		for _, r := range regionSlugs() {
			if !strings.Contains(page, `href="../../compare/`+tp.Key+`/`+r+`/index.html"`) {
				t.Errorf("%s: the national page does not link %s's table", tp.Key, r)
			}
		}
		seen := map[string]int{}
		for _, r := range regionSlugs() {
			for _, row := range tableRow.FindAllStringSubmatch(string(site["compare/"+tp.Key+"/"+r+"/index.html"]), -1) {
				seen[row[4]]++
				if row[1] != r {
					t.Errorf("%s in %s: a row for %s of %s", tp.Key, r, row[4], row[1])
				}
				if !strings.HasPrefix(row[5], `<th scope="row"><a href="../../../councils/`+row[4]+`/index.html">`) {
					t.Errorf("%s: %s's row does not start with its name linking to its page", tp.Key, row[4])
				}
				if got := strings.Count(row[5], "<td"); got != len(tp.Columns()) {
					t.Errorf("%s: %s's row has %d cells, want %d", tp.Key, row[4], got, len(tp.Columns()))
				}
			}
		}
		for _, c := range registry.All() {
			if seen[c.Slug()] != 1 {
				t.Errorf("%s: %d rows for %s, want 1", tp.Key, seen[c.Slug()], c.Name)
			}
		}
	}
}

// cellsOf returns the text of one council's cells in a table, by column label.
func cellsOf(t *testing.T, page, slug string) map[string]string {
	t.Helper()
	head := regexp.MustCompile(`<th scope="col">([^<]+)</th>`).FindAllStringSubmatch(page, -1)
	for _, r := range tableRow.FindAllStringSubmatch(page, -1) {
		if r[4] != slug {
			continue
		}
		cells := regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllStringSubmatch(r[5], -1)
		out := map[string]string{}
		for i, c := range cells {
			out[head[i+1][1]] = text(c[0])
		}
		return out
	}
	t.Fatalf("no row for %s", slug)
	return nil
}

func TestTableCellsSayWhatAResidentGets(t *testing.T) {
	site := files(buildReal(t))
	money := national(site, "money")
	if got := cellsOf(t, money, "leicester")["Setting-up-home allowance"]; got != "✓ Yes £2,000 may be out of date; undated" {
		t.Errorf("Leicester's allowance cell: %q", got)
	}
	if !strings.Contains(money, `<td data-sort="2010" data-a="yes">`) {
		t.Error("Leicester's £2,000 does not sort by its amount")
	}
	// A district's cell for what the county gives names the county.
	herts := cellsOf(t, money, "hertfordshire")["Setting-up-home allowance"]
	// It says it is for care leavers the county looked after.
	if got := cellsOf(t, money, "hertsmere")["Setting-up-home allowance"]; got != strings.Replace(herts, " undated", " (Hertfordshire) if Hertfordshire looked after you; undated", 1) {
		t.Errorf("Hertsmere's allowance cell: %q, want Hertfordshire's %q, named", got, herts)
	}
	tax := national(site, "council-tax")
	for slug, want := range map[string]string{
		"leicester":  "✓ Yes until your 25th birthday if Leicester looked after you; undated",
		"hertsmere":  "✗ No 2020",
		"mansfield":  "✓ Yes until your 25th birthday (joint offer) 2019",
		"hartlepool": "Not known",
	} {
		if got := cellsOf(t, tax, slug)["Exempt from council tax"]; got != want {
			t.Errorf("%s's council tax cell: %q, want %q", slug, got, want)
		}
	}
}

// TestChartsAgreeWithTables: each chart on the national picture draws the
// same numbers as the table beside it.
func TestChartsAgreeWithTables(t *testing.T) {
	page := string(files(buildReal(t))["picture/index.html"])
	charts := regexp.MustCompile(`(?s)<ul class="bars".*?</ul>.*?<table id="(chart-[^"]+)-table">(.*?)</table>`).FindAllStringSubmatch(page, -1)
	if len(charts) < 5 {
		t.Fatalf("%d charts, want one per key question", len(charts))
	}
	bar := regexp.MustCompile(`<li data-label="([^"]+)" data-yes="(\d+)" data-known="(\d+)">`)
	row := regexp.MustCompile(`<tr><th scope="row">([^<]+)</th><td>\d+</td><td>(\d+)</td><td>(\d+)</td>`)
	for _, c := range charts {
		bars := bar.FindAllStringSubmatch(c[0], -1)
		rows := row.FindAllStringSubmatch(c[2], -1)
		if len(bars) != 10 || len(rows) != 10 {
			t.Errorf("%s: %d bars and %d table rows, want England and 9 regions in each", c[1], len(bars), len(rows))
			continue
		}
		for i := range bars {
			if bars[i][1] != rows[i][1] || bars[i][2] != rows[i][3] || bars[i][3] != rows[i][2] {
				t.Errorf("%s: the chart says %s %s of %s, the table %s %s of %s", c[1], bars[i][1], bars[i][2], bars[i][3], rows[i][1], rows[i][3], rows[i][2])
			}
		}
		if !strings.Contains(c[0], `<ul class="bars" id="`+c[1]+`-bars" aria-label="`) {
			t.Errorf("%s: the chart has no name for screen readers", c[1])
		}
	}
	// Council tax: the England bar counts every council that collects council
	// tax and has an answer for its residents (its own, or its joint
	// offer's), and those that say yes; counties do not collect it.
	yes, known := 0, 0
	res := buildReal(t)
	for _, c := range res.Site.Councils {
		if c.Tier == "county" {
			continue
		}
		if a := residentAnswer(c, "council_tax.exempt"); a != nil {
			known++
			if a.Status == offer.Yes {
				yes++
			}
		}
	}
	want := fmt.Sprintf(`<li data-label="England" data-yes="%d" data-known="%d">`, yes, known)
	if known < 9 || !strings.Contains(page, want) {
		t.Errorf("the council tax chart's England bar is not %d of %d: %v", yes, known, regexp.MustCompile(`chart-council_tax-exempt.*?<li data-label="England"[^>]*>`).FindString(page))
	}
}

// residentAnswer is the answer a council's page shows first for a question.
func residentAnswer(c *site.Council, key string) *offer.Answer {
	for _, sec := range c.Sections() {
		for _, r := range sec.Rows {
			if r.Question.Key == key && !r.Older {
				return r.Answer
			}
		}
	}
	return nil
}

// TestCouncilTaxKentAndMedway: a care leaver Kent looked after who lives in
// Medway has their council tax help worked out from both councils' files.
func TestCouncilTaxKentAndMedway(t *testing.T) {
	s := buildReal(t).Site
	kent, medway := s.BySlug["kent"], s.BySlug["medway"]
	tax := site.CouncilTaxFor(kent, medway)
	from := map[string]bool{}
	for _, h := range tax.Help {
		from[h.From.Slug+" "+h.Key] = true
		if h.Why == "" {
			t.Errorf("%s %s: no reason given", h.From.Slug, h.Key)
		}
	}
	if !from["kent council_tax.care_council_pays"] || !from["medway council_tax.exempt"] {
		t.Errorf("the help comes from %v, want Kent's payment and Medway's exemption", from)
	}
	// Kent's source says it pays for its care leavers living outside Kent.
	if tax.Paid() != site.Covered || tax.ToAge() < 21 {
		t.Errorf("paid %d to age %d, want covered to at least 21", tax.Paid(), tax.ToAge())
	}
}
