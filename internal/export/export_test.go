package export_test

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/export"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/site"
)

// now is the fixed build date for tests.
var now = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

// realSite builds the real content once for all the tests that read it.
var realSite = sync.OnceValues(func() (*build.Result, error) { return build.Site(os.DirFS("../.."), now) })

func buildReal(t *testing.T) *build.Result {
	t.Helper()
	res, err := realSite()
	if err != nil {
		t.Fatalf("building the real content: %v", err)
	}
	return res
}

// file returns one file of a build.
func file(t *testing.T, files []publish.File, name string) []byte {
	t.Helper()
	for _, f := range files {
		if f.Path == name {
			return f.Data
		}
	}
	t.Fatalf("the build has no %s", name)
	return nil
}

// readCSV parses a CSV file and returns its header and its rows as maps by column.
func readCSV(t *testing.T, name string, data []byte) (header []string, rows []map[string]string) {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s does not parse: %v", name, err)
	}
	if len(records) == 0 {
		t.Fatalf("%s is empty", name)
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\r\n")) < len(records) {
		t.Errorf("%s does not end its records with CRLF, as RFC 4180 asks", name)
	}
	header = records[0]
	for _, rec := range records[1:] {
		row := map[string]string{}
		for j, col := range header {
			row[col] = rec[j]
		}
		rows = append(rows, row)
	}
	return header, rows
}

// answerRows reads answers.csv, keyed by the council's gss (or the joint
// offer's slug) and the question, to the first row for each: the council's
// own answer, where sources disagree. n is how many rows there are; a key is
// given again only with another source.
func answerRows(t *testing.T, data []byte) (first map[[2]string]map[string]string, n int) {
	t.Helper()
	header, rows := readCSV(t, "answers.csv", data)
	if !slices.Equal(header, export.AnswerColumns) {
		t.Errorf("header is %v, want %v", header, export.AnswerColumns)
	}
	first = map[[2]string]map[string]string{}
	sources := map[[3]string]bool{}
	for i, row := range rows {
		key := [2]string{cmp.Or(row["gss"], row["joint"]), row["question"]}
		src := [3]string{key[0], key[1], row["source"] + " " + row["source_url"]}
		if sources[src] {
			t.Errorf("row %d: %s %s is given twice from one source", i+2, key[0], key[1])
		}
		sources[src] = true
		if first[key] == nil {
			first[key] = row
		}
	}
	return first, len(rows)
}

func TestAnswersCSV(t *testing.T) {
	res := buildReal(t)
	rows, n := answerRows(t, file(t, res.Files, export.AnswersFile))
	known := 0
	for _, c := range res.Site.Councils {
		for _, a := range c.Answers.All() {
			known += 1 + len(a.Also())
		}
		for key := range c.Answers.All() {
			if rows[[2]string{c.GSS, key}] == nil {
				t.Errorf("no row for %s %s", c.GSS, key)
			}
		}
	}
	for _, j := range res.Site.Joints {
		for _, a := range j.Answers.All() {
			known += 1 + len(a.Also())
		}
	}
	if n != known {
		t.Errorf("answers.csv has %d rows, want one for each of the %d answers in the content", n, known)
	}
	for key, row := range rows {
		if s := row["status"]; s != "" && !okStatus(s) {
			t.Errorf("%v: status %q", key, s)
		}
		if row["source_url"] != "" && row["quote"] == "" && row["status"] != "" {
			t.Errorf("%v: an answer from %s has no quote", key, row["source_url"])
		}
	}

	for _, tc := range []struct {
		name, gss, question string
		want                map[string]string
	}{
		{"unitary's own money answer", "E06000016", "home.setup_allowance", map[string]string{
			"council": "Leicester City Council", "tier": "unitary", "region": "East Midlands", "section": "home", "label": "Setting-up-home allowance",
			"provider": "care_council", "status": "yes", "gbp": "2000", "source": "Freedom of Information Act 2000 – Care Leavers", "source_type": "foi",
			"secondary": "false", "as_of": "", "joint": "", "note": "This may be out of date: since April 2023 the government's recommended minimum is £3,000. Ask your personal adviser what you can get now."}},
		{"unitary's answer with an age and how to apply", "E06000016", "council_tax.exempt", map[string]string{
			"status": "yes", "to_age": "25", "scope": "own", "provider": "home_council",
			"apply": "Your personal adviser completes the form, or you can complete an online form yourself."}},
		{"value of a link question", "E06000016", "offer.url", map[string]string{
			"status": "", "value": "https://www.leicester.gov.uk/health-and-social-care/adoption-and-fostering/looked-after-children/leaving-care-support"}},
		{"district's own answer", "E07000098", "council_tax.exempt", map[string]string{
			"status": "no", "joint": "", "source": "Care Leaver Local Offer", "as_of": "2020-02-04"}},
		{"district's count range", "E07000098", "org.apprentices_per_year", map[string]string{
			"status": "yes", "count_min": "3", "count_max": "5", "approx": "true", "per": "year"}},
		{"a floor, not an estimate", "E10000024", "services.over_21_eligible", map[string]string{
			"count_min": "400", "at_least": "true", "approx": ""}},
		{"joint offer's answer, once, unconfirmed and reported by a campaign", "nottinghamshire", "leisure.free_access", map[string]string{
			"gss": "", "council": "Nottinghamshire joint local offer for care leavers", "tier": "joint", "confirmed": "false",
			"status": "yes", "source_type": "campaign_page", "secondary": "true",
			"source_url": "https://normangallowayhomes.co.uk/the-local-offer-for-care-leavers/",
			"quote":      "Some of the policies we created such as council tax exemption and free leisure for care leavers"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row, ok := rows[[2]string{tc.gss, tc.question}]
			if tc.gss == "" {
				row, ok = rows[[2]string{tc.want["joint"], tc.question}]
			}
			if !ok {
				t.Fatalf("no row for %s %s", tc.gss, tc.question)
			}
			for col, want := range tc.want {
				if got := row[col]; got != want {
					t.Errorf("%s = %q, want %q", col, got, want)
				}
			}
		})
	}
}

func TestCouncilsCSV(t *testing.T) {
	res := buildReal(t)
	header, rows := readCSV(t, "councils.csv", file(t, res.Files, export.CouncilsFile))
	if want := slices.Concat(export.CouncilColumns, export.HeadlineColumns, export.LawColumns); !slices.Equal(header, want) {
		t.Errorf("header is %v, want %v", header, want)
	}
	if len(rows) != 317 {
		t.Errorf("%d rows, want one for each of England's 317 councils", len(rows))
	}
	by := map[string]map[string]string{}
	counts := map[string]int{}
	for _, row := range rows {
		by[row["gss"]] = row
		counts[row["researched"]]++
		c := res.Site.ByGSS[row["gss"]]
		want := "not_yet"
		switch {
		case c.HasOwnAnswers():
			want = "found"
		case !c.Checked.IsZero():
			want = "nothing_found"
		}
		if row["researched"] != want || row["checked"] != c.Checked.String() || row["answers"] != strconv.Itoa(c.KnownAnswers()) {
			t.Errorf("%s: researched %s, checked %q, %s answers; want %s, %q, %d", row["gss"], row["researched"], row["checked"], row["answers"], want, c.Checked, c.KnownAnswers())
		}
	}
	if counts["found"] < 4 {
		t.Errorf("researched: %v, want at least the 4 councils with FOI replies found", counts)
	}
	leicester := by["E06000016"]
	for col, want := range map[string]string{"council": "Leicester City Council", "home.setup_allowance": "yes", "home.setup_allowance.gbp": "2000",
		"council_tax.exempt": "yes", "council_tax.exempt.to_age": "25", "researched": "found", "page": res.Site.Config.BaseURL + "councils/leicester/"} {
		if got := leicester[col]; got != want {
			t.Errorf("Leicester's %s = %q, want %q", col, got, want)
		}
	}
	// A district's row says what someone living there gets: its own council
	// tax answer, its county's leaving-care answers.
	hertsmere, herts := by["E07000098"], by["E10000015"]
	if hertsmere["council_tax.exempt"] != "no" || hertsmere["county"] != "Hertfordshire County Council" {
		t.Errorf("Hertsmere's row: %v", hertsmere)
	}
	if hertsmere["council_tax.exempt.by"] != "E07000098" || hertsmere["home.setup_allowance.by"] != herts["home.setup_allowance.by"] || (herts["home.setup_allowance"] != "" && herts["home.setup_allowance.by"] != "E10000015") {
		t.Errorf("Hertsmere's answers are given by %q and %q", hertsmere["council_tax.exempt.by"], hertsmere["home.setup_allowance.by"])
	}
	// A joint offer's answer says so, and that it is not confirmed by each council.
	if m := by["E07000174"]; m["joint_offers"] != "nottinghamshire" || !strings.HasPrefix(m["council_tax.exempt.by"], "joint:nottinghamshire (unconfirmed)") && m["council_tax.exempt.by"] != "E07000174" {
		t.Errorf("Mansfield's row: joint offers %q, council tax by %q", m["joint_offers"], m["council_tax.exempt.by"])
	}
	if hertsmere["home.setup_allowance.gbp"] != herts["home.setup_allowance.gbp"] || hertsmere["home.setup_allowance"] != herts["home.setup_allowance"] {
		t.Errorf("Hertsmere's setting-up-home allowance %q %q, want Hertfordshire's %q %q", hertsmere["home.setup_allowance"], hertsmere["home.setup_allowance.gbp"], herts["home.setup_allowance"], herts["home.setup_allowance.gbp"])
	}
}

func TestCSVCellsCannotBeFormulas(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+44 20 7946 0000":         "'+44 20 7946 0000",
		"-1":                       "'-1",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\tTab first":              "'\tTab first",
		"\rReturn first":           "'\rReturn first",
		"Ask your adviser = yes":   "Ask your adviser = yes",
		"":                         "",
		"2000":                     "2000",
	} {
		if got := export.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
	// Text from web pages reaches both files through a council's answers.
	s := twoTier(t)
	a := s.BySlug["town"].Answers.Get("council_tax.exempt")
	a.Details, a.Extend().Apply = "=cmd|' /C calc'!A0", "@SUM(1+1)"
	s.BySlug["town"].Name = "+Town District Council"
	for name, data := range map[string][]byte{"answers.csv": export.AnswersCSV(s), "councils.csv": export.CouncilsCSV(s)} {
		_, rows := readCSV(t, name, data)
		for _, row := range rows {
			for col, v := range row {
				if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
					t.Errorf("%s: %s cell %q could be read as a formula", name, col, v)
				}
			}
		}
		if !bytes.Contains(data, []byte("'=cmd|")) && name == "answers.csv" {
			t.Errorf("%s lost the neutralised text", name)
		}
		if !bytes.Contains(data, []byte("'+Town District Council")) {
			t.Errorf("%s lost the neutralised name", name)
		}
	}
}

// offersDoc reads offers.json; answers become a map.
type offersDoc struct {
	GeneratedFrom string                `json:"generated_from"`
	Licence       export.Licence        `json:"licence"`
	Sections      []export.JSONSection  `json:"sections"`
	Questions     []export.JSONQuestion `json:"questions"`
	LawAreas      []export.JSONLawArea  `json:"law_areas"`
	JointOffers   []export.JSONJoint    `json:"joint_offers"`
	Councils      []struct {
		GSS       string                       `json:"gss"`
		Name      string                       `json:"name"`
		ShortName string                       `json:"short_name"`
		Tier      string                       `json:"tier"`
		Parent    string                       `json:"parent"`
		Region    string                       `json:"region"`
		Page      string                       `json:"page"`
		Website   string                       `json:"website"`
		Updated   string                       `json:"updated"`
		Checked   string                       `json:"checked"`
		Ended     string                       `json:"ended"`
		Successor string                       `json:"successor"`
		Answers   map[string]export.JSONAnswer `json:"answers"`
		Law       []export.JSONCheck           `json:"law"`
	} `json:"councils"`
}

func readJSON(t *testing.T, data []byte) offersDoc {
	t.Helper()
	var doc offersDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("offers.json does not decode: %v", err)
	}
	return doc
}

func TestOffersJSON(t *testing.T) {
	res := buildReal(t)
	data := file(t, res.Files, export.JSONFile)
	doc := readJSON(t, data)

	// The document survives a round trip through encoding/json unchanged.
	var generic any
	if err := json.Unmarshal(data, &generic); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(generic)
	if err != nil {
		t.Fatal(err)
	}
	var back any
	if err := json.Unmarshal(again, &back); err != nil || fmt.Sprint(back) != fmt.Sprint(generic) {
		t.Errorf("offers.json changes in a round trip (%v)", err)
	}

	var keys []string
	for _, q := range doc.Questions {
		keys = append(keys, q.Key)
		if q.Kind == "" || q.Provider == "" || q.Polarity == "" || q.Label == "" || q.Ask == "" {
			t.Errorf("question %s is missing a field: %+v", q.Key, q)
		}
	}
	var want []string
	for _, q := range offer.Catalogue {
		want = append(want, q.Key)
	}
	if !slices.Equal(keys, want) {
		t.Errorf("questions are %v, want the catalogue's %v", keys, want)
	}
	if len(doc.Councils) != len(res.Site.Councils) {
		t.Errorf("%d councils, want %d", len(doc.Councils), len(res.Site.Councils))
	}
	if !strings.Contains(doc.Licence.CouncilCode, "mySociety") || !strings.Contains(doc.Licence.Content, "CC BY 4.0") {
		t.Errorf("licence = %+v", doc.Licence)
	}

	// Every council's own answer in the JSON agrees with answers.csv, and
	// every council row of answers.csv is in the JSON.
	rows, _ := answerRows(t, file(t, res.Files, export.AnswersFile))
	own := 0
	for _, c := range doc.Councils {
		if c.Page != "councils/"+res.Site.ByGSS[c.GSS].Slug+"/" {
			t.Errorf("%s: page %q", c.GSS, c.Page)
		}
		for key, a := range c.Answers {
			for _, a := range append([]export.JSONAnswer{a}, a.Older...) {
				if a.By != c.GSS || a.Joint != "" || a.Differs {
					continue
				}
				own++
				row := rows[[2]string{c.GSS, key}]
				if row == nil {
					t.Errorf("%s %s: in the JSON but not answers.csv", c.GSS, key)
					continue
				}
				var title, quote string
				if a.Source != nil {
					title = a.Source.Title
				}
				quote = a.Quote
				for col, got := range map[string]string{"status": a.Status, "source": title, "as_of": a.AsOf, "gbp": a.GBP.String(), "details": a.Details, "quote": quote} {
					if export.Neutralise(got) != row[col] {
						t.Errorf("%s %s: %s is %q in the JSON, %q in answers.csv", c.GSS, key, col, got, row[col])
					}
				}
			}
		}
	}
	councilRows := 0
	for key := range rows {
		// A council's answer to a question the other tier provides is in
		// answers.csv but not in the JSON, which says what residents get.
		if c := res.Site.ByGSS[key[0]]; c != nil && offer.Lookup(key[1]).ProvidedBy(c.Tier) {
			councilRows++
		}
	}
	if own != councilRows || own < 50 {
		t.Errorf("%d councils' own answers in the JSON, %d council rows in answers.csv", own, councilRows)
	}
	for _, c := range doc.Councils {
		if c.GSS == "E06000016" {
			a := c.Answers["home.setup_allowance"]
			if a.Status != "yes" || a.GBP != "2000" || a.Source == nil || a.Source.ID != "foi" {
				t.Errorf("Leicester's home.setup_allowance = %+v", a)
			}
			if g := c.Answers["participation.in_care_council"].Groups; len(g) != 2 || g[0].Attendees != "5-6" {
				t.Errorf("Leicester's groups = %+v", g)
			}
		}
	}
}

func TestCatalogueHasNamesForTheJSON(t *testing.T) {
	for _, q := range offer.Catalogue {
		if export.KindNames[q.Kind] == "" || export.ProviderNames[q.Provider] == "" || export.PolarityNames[q.Polarity] == "" {
			t.Errorf("%s: kind %d, provider %d or polarity %d has no name in package export", q.Key, q.Kind, q.Provider, q.Polarity)
		}
	}
}

func TestSitemap(t *testing.T) {
	res := buildReal(t)
	var set export.URLSet
	if err := xml.Unmarshal(file(t, res.Files, export.SitemapFile), &set); err != nil {
		t.Fatalf("sitemap.xml does not parse: %v", err)
	}
	if set.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" || set.XMLName.Local != "urlset" {
		t.Errorf("root element is %v", set.XMLName)
	}
	base := res.Site.Config.BaseURL
	want := map[string]bool{}
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, ".html") && f.Path != "404.html" {
			want[base+strings.TrimSuffix(f.Path, "index.html")] = true
		}
	}
	got := map[string]bool{}
	for _, u := range set.URLs {
		if got[u.Loc] {
			t.Errorf("%s is listed twice", u.Loc)
		}
		got[u.Loc] = true
		if !want[u.Loc] {
			t.Errorf("%s is not a page of the site", u.Loc)
		}
		if u.Loc == base+"councils/leicester/" && u.LastMod != "2026-12-01" {
			t.Errorf("Leicester's lastmod = %q", u.LastMod)
		}
	}
	for loc := range want {
		if !got[loc] {
			t.Errorf("%s is missing from the sitemap", loc)
		}
	}
	if len(set.URLs) < 300 || got[base+"404.html"] || !got[base] || !got[base+"councils/hertsmere/"] {
		t.Errorf("the sitemap lists %d pages; want every page but 404.html", len(set.URLs))
	}
	robots := string(file(t, res.Files, export.RobotsFile))
	if !strings.Contains(robots, "User-agent: *\nAllow: /\n") || !strings.Contains(robots, "\nSitemap: "+base+"sitemap.xml\n") {
		t.Errorf("robots.txt = %q", robots)
	}
}

func TestPageURL(t *testing.T) {
	s := &site.Site{Config: site.Config{BaseURL: "https://example.org/offers/"}}
	for _, tc := range []struct{ file, want string }{
		{"index.html", "https://example.org/offers/"},
		{"councils/leicester/index.html", "https://example.org/offers/councils/leicester/"},
		{"compare/council-tax/london/index.html", "https://example.org/offers/compare/council-tax/london/"},
		{"odd page.html", "https://example.org/offers/odd%20page.html"},
	} {
		if got := export.PageURL(s, tc.file); got != tc.want {
			t.Errorf("PageURL(%q) = %q, want %q", tc.file, got, tc.want)
		}
	}
}

func readFeed(t *testing.T, data []byte) export.AtomFeed {
	t.Helper()
	var f export.AtomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed.xml does not parse: %v", err)
	}
	if f.XMLName.Space != "http://www.w3.org/2005/Atom" || f.XMLName.Local != "feed" {
		t.Errorf("root element is %v, want Atom's feed", f.XMLName)
	}
	var prev time.Time
	for i, e := range f.Entries {
		at, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil {
			t.Errorf("entry %d: updated %q is not RFC 3339", i, e.Updated)
		}
		if i > 0 && at.After(prev) {
			t.Errorf("entry %d (%s) is newer than the one before it", i, e.Title)
		}
		prev = at
		if e.ID == "" || e.Title == "" || e.Link.Href != e.ID || e.Summary.Text == "" {
			t.Errorf("entry %d is incomplete: %+v", i, e)
		}
	}
	if len(f.Entries) > 0 && f.Updated != f.Entries[0].Updated {
		t.Errorf("the feed's updated is %s, want its newest entry's, %s", f.Updated, f.Entries[0].Updated)
	}
	return f
}

func TestFeedOfTheRealSite(t *testing.T) {
	res := buildReal(t)
	f := readFeed(t, file(t, res.Files, export.FeedFile))
	var updated int
	for _, c := range res.Site.Councils {
		if !c.Updated.IsZero() {
			updated++
		}
	}
	if len(f.Entries) != min(updated, export.MaxFeedEntries) || len(f.Entries) == 0 {
		t.Errorf("%d entries for %d updated councils", len(f.Entries), updated)
	}
	for _, e := range f.Entries {
		if e.Title == "Leicester City Council" {
			if e.ID != res.Site.Config.BaseURL+"councils/leicester/" || e.Updated != "2026-12-01T00:00:00Z" || !strings.Contains(e.Summary.Text, "questions have a known answer") {
				t.Errorf("Leicester's entry = %+v", e)
			}
		}
	}
}

// council makes a council for a small model.
func council(gss, slug, name, tier string, updated offer.Date) *offer.Council {
	return &offer.Council{GSS: gss, Slug: slug, Name: name, ShortName: name, Tier: tier, Region: "East Midlands", Updated: updated,
		Sourced: offer.Sourced{}}
}

func TestFeedOrderAndLimit(t *testing.T) {
	set := &content.Set{}
	// 60 councils updated on different days, 5 only to the month, and 3 never.
	for i := range 60 {
		d := offer.Date{Year: int16(2020 + i%6), Month: int8(1 + i%12), Day: int8(1 + i%28)}
		if i%12 == 5 {
			d.Day = 0
		}
		set.Councils = append(set.Councils, council(fmt.Sprintf("E060%05d", i), fmt.Sprintf("c%d", i), fmt.Sprintf("Council %02d", i), "unitary", d))
	}
	for i := range 3 {
		set.Councils = append(set.Councils, council(fmt.Sprintf("E061%05d", i), fmt.Sprintf("never%d", i), fmt.Sprintf("Never %d", i), "unitary", offer.Date{}))
	}
	set.Councils = append(set.Councils, council("E06199999", "newest", "Newest", "unitary", offer.Date{Year: 2026, Month: 2}))
	cfg := site.DefaultConfig
	cfg.BaseURL = "https://example.org/offers"
	data := export.Feed(site.New(set, cfg, now))
	f := readFeed(t, data)
	if len(f.Entries) != export.MaxFeedEntries {
		t.Fatalf("%d entries, want %d", len(f.Entries), export.MaxFeedEntries)
	}
	first := f.Entries[0]
	if first.Title != "Newest" || first.Updated != "2026-02-01T00:00:00Z" || first.ID != "https://example.org/offers/councils/newest/" {
		t.Errorf("first entry = %+v; want Newest, a month-only date at its first day", first)
	}
	if f.Updated != "2026-02-01T00:00:00Z" {
		t.Errorf("feed updated = %s, want the newest entry's date, not the build's", f.Updated)
	}
	for _, e := range f.Entries {
		if strings.HasPrefix(e.Title, "Never") {
			t.Errorf("%s has no updated date but is in the feed", e.Title)
		}
	}
	if !strings.Contains(string(data), `<link href="https://example.org/offers/feed.xml" rel="self"`) {
		t.Error("the feed has no self link")
	}
}

// twoTier is a small model of a county, a district and their joint offer,
// with answers dated so that the district's own answer is newer for one
// question and the joint offer's is newer for another.
func twoTier(t *testing.T) *site.Site {
	t.Helper()
	county := council("E10000001", "shire", "Shire County Council", "county", offer.Date{})
	county.DefaultSrc = "reply"
	county.Sources = []offer.Source{{ID: "reply", Title: "County reply", Responded: offer.Date{Year: 2024, Month: 5, Day: 1}}}
	gbp := 1500
	county.Answers.Set("home.setup_allowance", &offer.Answer{Status: offer.Yes, GBP: &gbp})
	county.Answers.Set("offer.published", &offer.Answer{Status: offer.Yes})

	district := council("E07000001", "town", "Town District Council", "district", offer.Date{})
	district.Parent = county.GSS
	district.DefaultSrc = "foi"
	district.Sources = []offer.Source{
		{ID: "foi", Title: "District FOI reply", Responded: offer.Date{Year: 2024, Month: 6}},
		{ID: "old", Title: "Old leaflet", Published: offer.Date{Year: 2017}},
	}
	district.Answers.Set("council_tax.exempt", &offer.Answer{Status: offer.No})
	district.Answers.Set("leisure.gym", &offer.Answer{Status: offer.No, Src: "old"})

	lone := council("E07000002", "lone", "Lone District Council", "district", offer.Date{})
	lone.Parent = "E10000099" // its county has no file

	joint := &offer.Joint{Slug: "shire-joint", Name: "Shire joint offer", Members: []string{county.GSS, district.GSS},
		Sourced: offer.Sourced{DefaultSrc: "page", Sources: []offer.Source{{ID: "page", Title: "Campaign page", Published: offer.Date{Year: 2020}}},
			Answers: offer.NewAnswers(map[string]*offer.Answer{"council_tax.exempt": {Status: offer.Yes}, "leisure.gym": {Status: offer.Yes}})}}
	set := &content.Set{Councils: []*offer.Council{county, lone, district}, Joints: []*offer.Joint{joint}}
	cfg := site.DefaultConfig
	return site.New(set, cfg, now)
}

func TestDistrictRowsAreComposed(t *testing.T) {
	s := twoTier(t)
	doc := readJSON(t, must(export.OffersJSON(s)))
	answers := map[string]map[string]export.JSONAnswer{}
	for _, c := range doc.Councils {
		answers[c.GSS] = c.Answers
	}
	for _, tc := range []struct {
		name, gss, question        string
		status, by, joint, source  string
		olderJoint, olderBy, older string // the older answer in the JSON, if any: its joint, by and status
	}{
		{"own answer newer than the joint offer's", "E07000001", "council_tax.exempt", "no", "E07000001", "", "District FOI reply", "shire-joint", "E07000001", "yes"},
		{"joint offer's answer newer than the council's own", "E07000001", "leisure.gym", "yes", "E07000001", "shire-joint", "Campaign page", "", "E07000001", "no"},
		{"care-council question from the county", "E07000001", "home.setup_allowance", "yes", "E10000001", "", "County reply", "", "", ""},
		{"care-council question nobody answered: by the county", "E07000001", "housing.deposit", "", "E10000001", "", "", "", "", ""},
		{"each-council question: the district's own, not the county's", "E07000001", "offer.published", "", "E07000001", "", "", "", "", ""},
		{"county's own answer", "E10000001", "offer.published", "yes", "E10000001", "", "County reply", "", "", ""},
		// A county does not collect council tax: its districts do, even where the
		// county's joint offer answers for them.
		{"county's home-council question is the districts' to answer", "E10000001", "council_tax.exempt", "", "E10000001", "", "", "", "", ""},
		{"district whose county has no file answers for itself", "E07000002", "home.setup_allowance", "", "E07000002", "", "", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, ok := answers[tc.gss][tc.question]
			if ok != (tc.status != "") {
				t.Fatalf("in the JSON: %v, want %v", ok, tc.status != "")
			}
			if !ok {
				return
			}
			if a.Status != tc.status || a.By != tc.by || a.Joint != tc.joint {
				t.Errorf("JSON answer = %+v", a)
			}
			switch {
			case tc.olderBy == "" && len(a.Older) > 0:
				t.Errorf("JSON has older answers %+v, want none", a.Older)
			case tc.olderBy != "" && (len(a.Older) != 1 || a.Older[0].Joint != tc.olderJoint || a.Older[0].By != tc.olderBy || a.Older[0].Status != tc.older):
				t.Errorf("JSON older answers = %+v, want one with joint %q, by %s, status %s", a.Older, tc.olderJoint, tc.olderBy, tc.older)
			}
		})
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestExportsAreReproducible(t *testing.T) {
	a, err := build.Site(os.DirFS("../.."), now)
	if err != nil {
		t.Fatal(err)
	}
	b := buildReal(t)
	for _, name := range []string{export.AnswersFile, export.CouncilsFile, export.JSONFile, export.SchemaFile, export.SitemapFile, export.RobotsFile, export.FeedFile} {
		if !bytes.Equal(file(t, a.Files, name), file(t, b.Files, name)) {
			t.Errorf("%s differs between two builds of the same content", name)
		}
	}
	// The same model gives the same bytes, however often it is exported.
	s := twoTier(t)
	first, err := export.Files(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, _ := export.Files(s, nil)
		if !slices.EqualFunc(first, again, func(a, b publish.File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
			t.Fatal("exporting the same model twice gives different files")
		}
	}
}

func BenchmarkFiles(b *testing.B) {
	res, err := build.Site(os.DirFS("../.."), now)
	if err != nil {
		b.Fatal(err)
	}
	var pages []string
	for _, f := range res.Files {
		pages = append(pages, f.Path)
	}
	for b.Loop() {
		if _, err := export.Files(res.Site, pages); err != nil {
			b.Fatal(err)
		}
	}
}

func okStatus(s string) bool {
	_, ok := offer.ParseStatus(s)
	return ok
}
