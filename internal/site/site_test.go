package site

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
)

var now = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

// twoTier is a county with one district, and a unitary council.
var twoTier = fstest.MapFS{
	"content/councils/shire.md": {Data: []byte(`---
gss: E10000001
name: Shire County Council
short_name: Shire
tier: county
region: East of England
default_src: foi
sources: [{id: foi, title: County reply, type: foi, responded: 2026-01-10}]
home:
  setup_allowance: {gbp: 2000}
work:
  ringfenced_apprenticeships: {status: yes, count: 4}
council_tax:
  exempt: yes
---
`)},
	"content/councils/dale.md": {Data: []byte(`---
gss: E07000001
name: Dale District Council
short_name: Dale
tier: district
parent: E10000001
region: East of England
default_src: foi
sources: [{id: foi, title: District reply, type: foi, received: 2020-02-04}]
council_tax:
  exempt: no
work:
  ringfenced_apprenticeships: no
---
`)},
	"content/councils/abbey.md": {Data: []byte(`---
gss: E06000999
name: The Abbey Council
short_name: Abbey
tier: unitary
region: London
---
`)},
}

func model(t *testing.T) *Site {
	t.Helper()
	set, problems := content.Load(twoTier, now)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	return New(set, DefaultConfig, now)
}

// rowsFor returns who gives each answer to a question on a council's page.
func rowsFor(c *Council, key string) []string {
	var by []string
	for _, s := range c.Sections() {
		for _, r := range s.Rows {
			if r.Question.Key == key {
				by = append(by, r.By.Slug+":"+r.Answer.Status.String())
			}
		}
	}
	return by
}

func TestDistrictPageComposesBothCouncils(t *testing.T) {
	s := model(t)
	dale := s.BySlug["dale"]
	if dale.County != s.BySlug["shire"] {
		t.Fatal("the district's county is not linked")
	}
	for key, want := range map[string][]string{
		// What the council that looked after you gives comes from the county.
		"home.setup_allowance": {"shire:yes"},
		// Council tax is the district's, even though the county answered too.
		"council_tax.exempt": {"dale:no"},
		// Each council is an employer in its own right: both are shown.
		"work.ringfenced_apprenticeships": {"dale:no", "shire:yes"},
	} {
		if got := rowsFor(dale, key); !slices.Equal(got, want) {
			t.Errorf("%s on the district's page: %v, want %v", key, got, want)
		}
	}
	if got := s.BySlug["shire"].Districts; len(got) != 1 || got[0] != dale {
		t.Errorf("the county's districts are %v", got)
	}
}

func TestStaleAndGaps(t *testing.T) {
	s := model(t)
	dale := s.BySlug["dale"]
	for _, sec := range dale.Sections() {
		for _, r := range sec.Rows {
			wantStale := r.By.Slug == "dale" // 2020 is more than 18 months before 2026-11
			if r.Stale != wantStale {
				t.Errorf("%s from %s: stale %v, want %v", r.Question.Key, r.By.Slug, r.Stale, wantStale)
			}
		}
		if sec.Key == "home" {
			// Every setting-up-home question but the allowance, which the county answered.
			want := len(offer.InSection("home")) - 1
			if len(sec.Gaps) != 1 || sec.Gaps[0].By.Slug != "shire" || len(sec.Gaps[0].Questions) != want {
				t.Errorf("setting up home gaps: %+v, want %d questions the county has not answered", sec.Gaps, want)
			}
		}
	}
}

func TestRegionsAndAToZ(t *testing.T) {
	s := model(t)
	if len(s.Regions) != 2 || s.Regions[0].Name != "East of England" || len(s.Regions[0].Councils) != 2 || s.Regions[0].Known != 2 {
		t.Errorf("regions: %+v", s.Regions)
	}
	if s.Known != 2 {
		t.Errorf("%d councils with known answers, want 2", s.Known)
	}
	// "The Abbey Council" sorts under A, not T.
	var letters []string
	for _, l := range s.Letters {
		letters = append(letters, l.Letter)
	}
	if !slices.Equal(letters, []string{"A", "D", "S"}) {
		t.Errorf("letters %v", letters)
	}
}

func TestLoadConfig(t *testing.T) {
	cfg, err := LoadConfig(fstest.MapFS{})
	if err != nil || cfg != DefaultConfig {
		t.Errorf("with no site.yaml: %+v, %v", cfg, err)
	}
	cfg, err = LoadConfig(fstest.MapFS{"site.yaml": {Data: []byte("title: Offers\nbase_path: /offers/\n")}})
	if err != nil || cfg.Title != "Offers" || cfg.BasePath != "/offers/" || cfg.Branch != "main" {
		t.Errorf("got %+v, %v", cfg, err)
	}
	if got := cfg.EditURL("content/councils/leicester.md"); got != "https://github.com/localoffer/localoffer/edit/main/content/councils/leicester.md" {
		t.Errorf("EditURL = %q", got)
	}
	for src, want := range map[string]string{
		"titel: x\n":             "site.yaml:1:1: titel: unknown key",
		"base_path: offers\n":    `site.yaml: base_path: want a path that starts and ends with /, got "offers"`,
		"repository: http://x\n": `site.yaml: repository: want an https address, got "http://x"`,
	} {
		_, err := LoadConfig(fstest.MapFS{"site.yaml": {Data: []byte(src)}})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
}

// TestJointOfferNewerAnswerFirst: a district's own answer and its joint
// offer's answer to the same question are both shown, the newer first.
func TestJointOfferNewerAnswerFirst(t *testing.T) {
	fsys := fstest.MapFS{}
	for k, v := range twoTier {
		fsys[k] = v
	}
	fsys["content/joint/shire-joint.md"] = &fstest.MapFile{Data: []byte(`---
name: Shire joint offer
members: [E10000001, E07000001]
default_src: page
sources: [{id: page, type: campaign_page, title: Joint page, publisher: A campaign, url: "https://example.org/joint", published: 2025-06}]
council_tax:
  exempt: {status: yes, quote: "No council tax for care leavers."}
leisure:
  free_access: {status: yes, quote: "Free leisure for care leavers."}
---
`)}
	set, problems := content.Load(fsys, now)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	s := New(set, DefaultConfig, now)
	dale := s.BySlug["dale"]
	if len(dale.Joints) != 1 || len(s.Joints) != 1 || len(s.Joints[0].Members) != 2 {
		t.Fatalf("joint membership: %d for dale, %d joint offers", len(dale.Joints), len(s.Joints))
	}
	var tax, leisure []Row
	for _, sec := range dale.Sections() {
		for _, r := range sec.Rows {
			switch r.Question.Key {
			case "council_tax.exempt":
				tax = append(tax, r)
			case "leisure.free_access":
				leisure = append(leisure, r)
			}
		}
	}
	// The joint offer's answer (June 2025) is newer than the district's own (February 2020).
	if len(tax) != 2 || tax[0].Joint == nil || tax[0].Older || tax[1].Joint != nil || !tax[1].Older {
		t.Errorf("council tax rows: %+v", tax)
	}
	if len(leisure) != 1 || leisure[0].Joint == nil || leisure[0].Older {
		t.Errorf("leisure rows: %+v", leisure)
	}

	// When the council's own answer is newer, it comes first.
	fsys["content/councils/dale.md"] = &fstest.MapFile{Data: []byte(strings.Replace(string(twoTier["content/councils/dale.md"].Data), "received: 2020-02-04", "received: 2026-02-04", 1))}
	set, _ = content.Load(fsys, now)
	for _, sec := range New(set, DefaultConfig, now).BySlug["dale"].Sections() {
		for _, r := range sec.Rows {
			if r.Question.Key == "council_tax.exempt" && (r.Joint == nil) == r.Older {
				t.Errorf("with the district's answer newer: row from joint=%v older=%v", r.Joint != nil, r.Older)
			}
		}
	}
}
