package export_test

import (
	"bytes"
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
var now = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

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

// readCSV parses offers.csv and returns its rows as maps by column, keyed
// by gss and question.
func readCSV(t *testing.T, data []byte) (header []string, rows map[[2]string]map[string]string, n int) {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("offers.csv does not parse: %v", err)
	}
	if len(records) == 0 {
		t.Fatal("offers.csv is empty")
	}
	header = records[0]
	rows = map[[2]string]map[string]string{}
	for i, rec := range records[1:] {
		row := map[string]string{}
		for j, col := range header {
			row[col] = rec[j]
		}
		key := [2]string{row["gss"], row["question"]}
		if _, dup := rows[key]; dup {
			t.Errorf("row %d: %s %s is given twice", i+2, key[0], key[1])
		}
		rows[key] = row
	}
	return header, rows, len(records) - 1
}

func TestOffersCSV(t *testing.T) {
	res := buildReal(t)
	data := file(t, res.Files, export.CSVFile)
	header, rows, n := readCSV(t, data)
	if !slices.Equal(header, export.CSVColumns) {
		t.Errorf("header is %v, want %v", header, export.CSVColumns)
	}
	if want := 317 * len(offer.Catalogue); n != want || len(res.Site.Councils) != 317 {
		t.Errorf("offers.csv has %d data rows for %d councils, want 317 × %d = %d", n, len(res.Site.Councils), len(offer.Catalogue), want)
	}
	if len(rows) != n {
		t.Errorf("%d rows but %d distinct (gss, question) pairs", n, len(rows))
	}
	for _, c := range res.Site.Councils {
		for _, q := range offer.Catalogue {
			if _, ok := rows[[2]string{c.GSS, q.Key}]; !ok {
				t.Errorf("no row for %s %s", c.GSS, q.Key)
			}
		}
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.Count(data, []byte("\r\n")) < n+1 {
		t.Error("offers.csv does not end its records with CRLF, as RFC 4180 asks")
	}
	for key, row := range rows {
		if s := row["status"]; s != "" && !slices.Contains(offer.Statuses, offer.Status(s)) {
			t.Errorf("%v: status %q", key, s)
		}
		if row["by"] == "" {
			t.Errorf("%v: no by", key)
		}
	}

	for _, tc := range []struct {
		name, gss, question string
		want                map[string]string
	}{
		{"unitary's own money answer", "E06000016", "home.setup_allowance", map[string]string{
			"council": "Leicester City Council", "tier": "unitary", "section": "home", "label": "Setting-up-home allowance",
			"status": "yes", "gbp": "2000", "source": "Freedom of Information Act 2000 – Care Leavers", "as_of": "", "by": "E06000016", "joint": ""}},
		{"unitary's answer with an age and how to apply", "E06000016", "council_tax.exempt", map[string]string{
			"status": "yes", "to_age": "25", "scope": "own", "by": "E06000016",
			"apply": "Your personal adviser completes the form, or you can complete an online form yourself."}},
		{"value of a link question", "E06000016", "offer.url", map[string]string{
			"status": "", "value": "https://www.leicester.gov.uk/health-and-social-care/adoption-and-fostering/looked-after-children/leaving-care-support"}},
		{"district's own answer", "E07000098", "council_tax.exempt", map[string]string{
			"status": "no", "by": "E07000098", "joint": "", "source": "Care Leaver Local Offer", "as_of": "2020-02-04"}},
		{"district's care-council question comes from the county, unanswered", "E07000098", "home.setup_allowance", map[string]string{
			"status": "", "gbp": "", "by": "E10000015", "source": "", "as_of": ""}},
		{"district's count range", "E07000098", "org.apprentices_per_year", map[string]string{
			"status": "yes", "count_min": "3", "count_max": "5", "approx": "true", "per": "year", "by": "E07000098"}},
		{"district's answer from its joint offer", "E07000176", "council_tax.exempt", map[string]string{
			"status": "yes", "by": "E07000176", "joint": "nottinghamshire",
			"source": "Local Offer for Care Leavers (campaign page on the first joint offer)"}},
		{"list value", "E10000003", "offer.sections", map[string]string{
			"status": "", "value": "Who is eligible / Being a care leaver / Role of the personal adviser; Health & Wellbeing; Relationships; Education; Employment & Training; Participation and Engagement; Participation in Society; Accommodation; Finances"}},
		{"council with no answers", "E06000001", "council_tax.exempt", map[string]string{
			"council": "Hartlepool Borough Council", "status": "", "details": "", "by": "E06000001"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row, ok := rows[[2]string{tc.gss, tc.question}]
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

// offersDoc reads offers.json; answers become a map.
type offersDoc struct {
	GeneratedFrom string                `json:"generated_from"`
	Licence       export.Licence        `json:"licence"`
	Sections      []export.JSONSection  `json:"sections"`
	Questions     []export.JSONQuestion `json:"questions"`
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
		Ended     string                       `json:"ended"`
		Successor string                       `json:"successor"`
		Answers   map[string]export.JSONAnswer `json:"answers"`
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

	// Every answer agrees with the CSV, and every CSV row with an answer is in the JSON.
	_, rows, _ := readCSV(t, file(t, res.Files, export.CSVFile))
	answers := 0
	for _, c := range doc.Councils {
		if c.Page != "councils/"+res.Site.ByGSS[c.GSS].Slug+"/" {
			t.Errorf("%s: page %q", c.GSS, c.Page)
		}
		for key, a := range c.Answers {
			answers++
			row := rows[[2]string{c.GSS, key}]
			if row == nil {
				t.Errorf("%s %s: in the JSON but not the CSV", c.GSS, key)
				continue
			}
			var title string
			if a.Source != nil {
				title = a.Source.Title
			}
			gbp := ""
			if a.GBP != nil {
				gbp = strconv.Itoa(*a.GBP)
			}
			for col, got := range map[string]string{"status": a.Status, "by": a.By, "joint": a.Joint, "source": title, "as_of": a.AsOf, "gbp": gbp, "details": a.Details} {
				if row[col] != got {
					t.Errorf("%s %s: %s is %q in the JSON, %q in the CSV", c.GSS, key, col, got, row[col])
				}
			}
		}
	}
	known := 0
	for _, row := range rows {
		if row["source"] != "" || row["status"] != "" || row["value"] != "" {
			known++
		}
	}
	if answers != known || answers < 50 {
		t.Errorf("%d answers in the JSON, %d rows with an answer in the CSV", answers, known)
	}
	for _, c := range doc.Councils {
		if c.GSS == "E06000016" {
			a := c.Answers["home.setup_allowance"]
			if a.Status != "yes" || a.GBP == nil || *a.GBP != 2000 || a.Source == nil || a.Source.ID != "foi" {
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
		if u.Loc == base+"councils/leicester/" && u.LastMod != "2026-11-23" {
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
			if e.ID != res.Site.Config.BaseURL+"councils/leicester/" || e.Updated != "2026-11-23T00:00:00Z" || !strings.Contains(e.Summary.Text, "questions have a known answer") {
				t.Errorf("Leicester's entry = %+v", e)
			}
		}
	}
}

// council makes a council for a small model.
func council(gss, slug, name, tier string, updated offer.Date) *offer.Council {
	return &offer.Council{GSS: gss, Slug: slug, Name: name, ShortName: name, Tier: tier, Region: "East Midlands", Updated: updated,
		Sourced: offer.Sourced{Answers: map[string]*offer.Answer{}}}
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
	data, err := export.Feed(site.New(set, cfg, now))
	if err != nil {
		t.Fatal(err)
	}
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
	county.Answers["home.setup_allowance"] = &offer.Answer{Status: offer.Yes, GBP: &gbp}
	county.Answers["offer.published"] = &offer.Answer{Status: offer.Yes}

	district := council("E07000001", "town", "Town District Council", "district", offer.Date{})
	district.Parent = county.GSS
	district.DefaultSrc = "foi"
	district.Sources = []offer.Source{
		{ID: "foi", Title: "District FOI reply", Responded: offer.Date{Year: 2024, Month: 6}},
		{ID: "old", Title: "Old leaflet", Published: offer.Date{Year: 2017}},
	}
	district.Answers["council_tax.exempt"] = &offer.Answer{Status: offer.No}
	district.Answers["leisure.gym"] = &offer.Answer{Status: offer.No, Src: "old"}

	lone := council("E07000002", "lone", "Lone District Council", "district", offer.Date{})
	lone.Parent = "E10000099" // its county has no file

	joint := &offer.Joint{Slug: "shire-joint", Name: "Shire joint offer", Members: []string{county.GSS, district.GSS},
		Sourced: offer.Sourced{DefaultSrc: "page", Sources: []offer.Source{{ID: "page", Title: "Campaign page", Published: offer.Date{Year: 2020}}},
			Answers: map[string]*offer.Answer{"council_tax.exempt": {Status: offer.Yes}, "leisure.gym": {Status: offer.Yes}}}}
	set := &content.Set{Councils: []*offer.Council{county, lone, district}, Joints: []*offer.Joint{joint}}
	cfg := site.DefaultConfig
	return site.New(set, cfg, now)
}

func TestDistrictRowsAreComposed(t *testing.T) {
	s := twoTier(t)
	_, rows, n := readCSV(t, export.OffersCSV(s))
	if n != 3*len(offer.Catalogue) {
		t.Errorf("%d rows, want %d", n, 3*len(offer.Catalogue))
	}
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
			row := rows[[2]string{tc.gss, tc.question}]
			got := [4]string{row["status"], row["by"], row["joint"], row["source"]}
			if want := [4]string{tc.status, tc.by, tc.joint, tc.source}; got != want {
				t.Errorf("CSV status, by, joint, source = %q, want %q", got, want)
			}
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
	for _, name := range []string{export.CSVFile, export.JSONFile, export.SchemaFile, export.SitemapFile, export.RobotsFile, export.FeedFile} {
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
