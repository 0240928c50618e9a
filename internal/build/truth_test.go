package build_test

import (
	"encoding/csv"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The tests in this file read the built national content as a reader
// would, and check that what it says about an answer means one thing.

var (
	termRe     = regexp.MustCompile(`(?s)<dt>(.*?)</dt>\s*<dd>\s*<span class="v [a-z]+"><span aria-hidden="true">([^<]*)</span>\s*([^<]*)</span>`)
	dlRe       = regexp.MustCompile(`(?s)<dl[^>]*>(.*?)</dl>`)
	dtRe       = regexp.MustCompile(`(?s)<dt>(.*?)</dt>`)
	headlineRe = regexp.MustCompile(`(?s)<ul class="get">(.*?)</ul>`)
	itemRe     = regexp.MustCompile(`(?s)<li><a href="#[^"]+">(.*?)</a>`)
	cellRe     = regexp.MustCompile(`(?s)<span class="v [a-z]+"><span aria-hidden="true">([^<]*)</span>\s*([^<]*)</span>`)
)

// negative reports whether a label is worded as a lack of something, so that
// "✓ Yes" or "✗ No" beside it would read two ways.
func negative(label string) bool {
	l := strings.ToLower(label)
	return strings.HasPrefix(l, "no ") || strings.HasPrefix(l, "not ") || strings.Contains(l, " without ")
}

// TestEveryAnswerSaysOneThing walks every page: no negative label beside a
// verdict, no cross beside "Yes", no term repeated within a list, and no
// headline that starts with a space or lacks its subject.
func TestEveryAnswerSaysOneThing(t *testing.T) {
	site := files(buildReal(t))
	pages := 0
	for name, data := range site {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		page := string(data)
		for _, m := range termRe.FindAllStringSubmatch(page, -1) {
			label, symbol, word := html.UnescapeString(m[1]), m[2], strings.TrimSpace(m[3])
			if negative(label) {
				t.Errorf("%s: %q %s %s: a negative label beside a verdict reads two ways", name, label, symbol, word)
			}
		}
		for _, m := range cellRe.FindAllStringSubmatch(page, -1) {
			if m[1] == "✗" && strings.TrimSpace(m[2]) == "Yes" {
				t.Errorf("%s: a cross beside Yes", name)
				break
			}
		}
		for _, dl := range dlRe.FindAllStringSubmatch(page, -1) {
			seen := map[string]bool{}
			for _, dt := range dtRe.FindAllStringSubmatch(dl[1], -1) {
				if seen[dt[1]] {
					t.Errorf("%s: the term %q repeats within a list", name, dt[1])
				}
				seen[dt[1]] = true
			}
		}
		if list := headlineRe.FindStringSubmatch(page); list != nil && strings.HasPrefix(name, "councils/") {
			for _, it := range itemRe.FindAllStringSubmatch(list[1], -1) {
				text := html.UnescapeString(it[1])
				if text == "" || text[0] == ' ' || strings.HasPrefix(text, ":") || !regexp.MustCompile(`^[A-Z]`).MatchString(text) {
					t.Errorf("%s: the headline %q starts without its subject", name, text)
				}
			}
		}
	}
	if pages < 317 {
		t.Fatalf("walked %d pages, want every council's and more", pages)
	}
}

// headlines returns the "What you can get" items of a council's page, as
// text, each with its year mark.
func headlines(t *testing.T, site map[string][]byte, slug string) []string {
	t.Helper()
	page := string(site["councils/"+slug+"/index.html"])
	list := headlineRe.FindStringSubmatch(page)
	if list == nil {
		t.Fatalf("%s: no list of what you can get", slug)
	}
	var out []string
	for _, li := range regexp.MustCompile(`(?s)<li>(.*?)</li>`).FindAllStringSubmatch(list[1], -1) {
		out = append(out, text(li[1]))
	}
	return out
}

func wantHeadline(t *testing.T, site map[string][]byte, slug string, parts ...string) {
	t.Helper()
	items := headlines(t, site, slug)
	for _, it := range items {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(it, p)
		}
		if all {
			return
		}
	}
	t.Errorf("%s: no headline says %q; the headlines are %q", slug, parts, items)
}

// TestHeadlinesSayNoMoreThanTheirSources: the conditions behind an answer
// reach its headline.
func TestHeadlinesSayNoMoreThanTheirSources(t *testing.T) {
	site := files(buildReal(t))
	// Hertfordshire pays council tax for care leavers it looked after, from
	// 18 until 21: on its own page and each district's.
	for _, slug := range []string{"hertfordshire", "hertsmere", "dacorum", "watford"} {
		wantHeadline(t, site, slug, "Your council tax paid by Hertfordshire from 18 until your 21st birthday")
	}
	wantHeadline(t, site, "hertsmere", "Your council tax paid by Hertfordshire", "if Hertfordshire looked after you")
	wantHeadline(t, site, "guildford", "Your council tax paid by Surrey", "75% of the bill if you live outside Surrey")
	wantHeadline(t, site, "telford-and-wrekin", "Exempt from council tax", "only if you live alone")
	wantHeadline(t, site, "dartford", "Money to set up your first home", "if Kent looked after you")
	// Leicester's £2,000 comes from an undated reply: it says so, and that
	// the minimum has since risen.
	wantHeadline(t, site, "leicester", "Money to set up your first home: £2,000", "undated", "since April 2023 the government's recommended minimum is £3,000")
	wantHeadline(t, site, "nottinghamshire", "A bursary at university: £3,465 a year", "reported by", "2019")
	wantHeadline(t, site, "nottinghamshire", "Support after 21 until your 25th birthday")
	// Every headline says its source's year, or that it is undated.
	for name := range site {
		if !strings.HasPrefix(name, "councils/") || !strings.HasSuffix(name, "/index.html") || name == "councils/index.html" {
			continue
		}
		slug := strings.TrimSuffix(strings.TrimPrefix(name, "councils/"), "/index.html")
		if !headlineRe.Match(site[name]) {
			continue
		}
		for _, it := range headlines(t, site, slug) {
			if !regexp.MustCompile(` (undated|(19|20)\d\d)( |$)`).MatchString(it) {
				t.Errorf("%s: the headline %q does not say its year or that it is undated", slug, it)
			}
		}
	}
}

// TestConditionsReachTheTables: a yes decided case by case says so in the
// tables, where an adviser counts.
func TestConditionsReachTheTables(t *testing.T) {
	site := files(buildReal(t))
	housing := national(site, "housing")
	cells := cellsOf(t, housing, "leicester")
	for _, col := range []string{"Practising living on your own", "Guarantor for renting", "Deposit for renting"} {
		if c := cells[col]; !strings.Contains(c, "case by case") && !strings.Contains(c, "only in some cases") {
			t.Errorf("Leicester's %s cell is %q: it drops its condition", col, c)
		}
	}
	if !strings.Contains(housing, `data-a="cond"`) {
		t.Error("no cell in the housing table can be filtered as a yes for some or case by case")
	}
	// The side-by-side page's data for Leicester carries the same words.
	data := string(site["data/councils/leicester.js"])
	if !strings.Contains(data, `"housing.guarantor":["good","✓","Yes","in principle, decided case by case; undated"`) {
		t.Error("the side-by-side page's data drops Leicester's guarantor condition")
	}
}

// TestCountsAgreeWithCouncilsCSV: every count of councils on the home,
// region, map and national picture pages equals the count worked out from
// councils.csv under the same label.
func TestCountsAgreeWithCouncilsCSV(t *testing.T) {
	res := buildReal(t)
	site := files(res)
	records, err := csv.NewReader(strings.NewReader(string(site["data/councils.csv"]))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	residents, own := map[string]int{}, map[string]int{}
	mapped, allOwn, all := 0, 0, 0
	for _, r := range records[1:] {
		n, _ := strconv.Atoi(r[col["answers"]])
		all++
		if n > 0 {
			residents[r[col["region"]]]++
			if r[col["tier"]] != "county" {
				mapped++
			}
		}
		if r[col["researched"]] == "found" {
			own[r[col["region"]]]++
			allOwn++
		}
	}
	home := text(string(site["index.html"]))
	for _, rg := range res.Site.Regions {
		want := fmt.Sprintf("%s %d councils, something known for residents of %d", rg.Name, len(rg.Councils), residents[rg.Name])
		if !strings.Contains(home, want) {
			t.Errorf("the home page does not say %q", want)
		}
		region := text(string(site["regions/"+rg.Slug+"/index.html"]))
		if want := fmt.Sprintf("Something known for residents of %d of them", residents[rg.Name]); !strings.Contains(region, want) {
			t.Errorf("%s's page does not say %q", rg.Name, want)
		}
		if want := fmt.Sprintf("Councils with answers of their own, found in public sources: %d;", own[rg.Name]); !strings.Contains(region, want) {
			t.Errorf("%s's page does not say %q", rg.Name, want)
		}
		if want := fmt.Sprintf("%s %d %d ", rg.Name, len(rg.Councils), own[rg.Name]); !strings.Contains(home, want) {
			t.Errorf("the home page's table does not say %q (region, councils, with answers of their own)", want)
		}
	}
	total := 0
	for _, n := range residents {
		total += n
	}
	if want := fmt.Sprintf("For residents of %d of them we know something", total); !strings.Contains(home, want) {
		t.Errorf("the home page does not say %q", want)
	}
	if want := fmt.Sprintf("%d councils have answers of their own", allOwn); !strings.Contains(home, want) {
		t.Errorf("the home page does not say %q", want)
	}
	for _, page := range []string{"index.html", "picture/index.html"} {
		if want := fmt.Sprintf("Something known for residents (from the council, its county or a joint offer): %d", mapped); !strings.Contains(text(string(site[page])), want) {
			t.Errorf("%s: the map's key does not say %q", page, want)
		}
	}
	if want := fmt.Sprintf("%d of %d councils have answers of their own here", allOwn, all); !strings.Contains(text(string(site["picture/index.html"])), want) {
		t.Errorf("the national picture does not say %q", want)
	}
}

// TestConditionsReachTheOpenData: the open data carries each answer's
// conditions and year in the words the pages use.
func TestConditionsReachTheOpenData(t *testing.T) {
	site := files(buildReal(t))
	read := func(name string) []map[string]string {
		records, err := csv.NewReader(strings.NewReader(string(site[name]))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, r := range records[1:] {
			row := map[string]string{}
			for i, h := range records[0] {
				row[h] = r[i]
			}
			out = append(out, row)
		}
		return out
	}
	found := 0
	for _, row := range read("data/councils.csv") {
		switch row["short_name"] {
		case "Leicester":
			found++
			if got := row["housing.guarantor.conditions"]; got != "in principle, decided case by case; undated" {
				t.Errorf("Leicester's guarantor conditions in councils.csv: %q", got)
			}
		case "Dartford":
			found++
			if got := row["home.setup_allowance.conditions"]; !strings.HasPrefix(got, "if Kent looked after you") {
				t.Errorf("Dartford's setting-up-home conditions in councils.csv: %q, want it to say whom Kent's grant is for", got)
			}
		}
	}
	for _, row := range read("data/answers.csv") {
		if row["council"] == "Telford & Wrekin Council" && row["question"] == "council_tax.exempt" {
			found++
			if !strings.Contains(row["conditions"], "only if you live alone") || row["condition"] != "only if you live alone" {
				t.Errorf("Telford and Wrekin's exemption in answers.csv: condition %q, conditions %q", row["condition"], row["conditions"])
			}
		}
	}
	if found != 3 {
		t.Errorf("found %d of the 3 rows checked", found)
	}
}

// TestRequestAsksToConfirmOldFigures: the ready FOI request asks a council
// to confirm an answer that a national change may have overtaken.
func TestRequestAsksToConfirmOldFigures(t *testing.T) {
	page := html.UnescapeString(string(files(buildReal(t))["councils/leicester/index.html"]))
	want := "Setting-up-home allowance: the answer we hold is £2,000 (undated). Since April 2023 the government's recommended minimum has been £3,000. Please confirm what you give care leavers now"
	if !strings.Contains(page, want) {
		t.Errorf("Leicester's request does not ask it to confirm its £2,000: want %q", want)
	}
}
