package site

import (
	"testing"
	"testing/fstest"

	"github.com/localoffer/localoffer/internal/content"
)

// kentMedway is shaped like the sources: Kent pays its own care leavers'
// council tax to 21 wherever they live; Medway exempts only care leavers it
// looked after; Tunbridge Wells, a Kent district, exempts the county's.
var kentMedway = fstest.MapFS{
	"content/councils/kent.md": {Data: []byte(`---
gss: E10000016
name: Kent County Council
short_name: Kent
tier: county
region: South East
default_src: dec
sources: [{id: dec, title: Payment of Council Tax for Kent Care Leavers, type: committee_report, url: "https://example.org/kent", meeting: 2020-01-14}]
council_tax:
  care_council_pays: {status: yes, from_age: 18, to_age: 21, anywhere: true, quote: "including young people placed by Kent, who are living outside of the county"}
  funds_districts: {status: yes, quote: "Kent County Council will fund the council tax payments"}
---
`)},
	"content/councils/medway.md": {Data: []byte(`---
gss: E06000035
name: Medway Council
short_name: Medway
tier: unitary
region: South East
default_src: ct
sources: [{id: ct, title: Council tax discounts, type: council_page, publisher: The council, url: "https://example.org/medway"}]
council_tax:
  exempt: {status: yes, to_age: 25, scope: own, quote: "care leavers from Medway Council's care"}
---
`)},
	"content/councils/tunbridge-wells.md": {Data: []byte(`---
gss: E07000116
name: Tunbridge Wells Borough Council
short_name: Tunbridge Wells
tier: district
parent: E10000016
region: South East
default_src: ct
sources: [{id: ct, title: Care leavers discount, type: council_page, publisher: The council, url: "https://example.org/tw"}]
council_tax:
  exempt: {status: yes, to_age: 21, quote: "care leavers aged 18 to 21"}
---
`)},
	"content/councils/croydon.md": {Data: []byte(`---
gss: E09000008
name: London Borough of Croydon
short_name: Croydon
tier: london_borough
region: London
default_src: ct
sources: [{id: ct, title: Council tax, type: council_page, publisher: The council, url: "https://example.org/croydon"}]
council_tax:
  exempt: {status: yes, to_age: 25, scope: all, quote: "any care leaver living in Croydon"}
---
`)},
}

func TestCouncilTaxFromTwoCouncils(t *testing.T) {
	set, problems := content.Load(kentMedway, now)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	s := New(set, DefaultConfig, now)
	kent, medway, tw, croydon := s.BySlug["kent"], s.BySlug["medway"], s.BySlug["tunbridge-wells"], s.BySlug["croydon"]

	type help struct {
		from    string
		key     string
		applies Applies
	}
	for _, tc := range []struct {
		name       string
		care, home *Council
		paid       Applies
		toAge      int
		want       []help
	}{
		{"looked after by Kent, living in Medway", kent, medway, Covered, 21, []help{
			{"Kent", "council_tax.care_council_pays", Covered},
			{"Medway", "council_tax.exempt", NotCovered}, // Medway's own care leavers only
		}},
		{"looked after by Medway, living in Medway", medway, medway, Covered, 25, []help{
			{"Medway", "council_tax.exempt", Covered},
		}},
		{"looked after by Medway, living in Croydon", medway, croydon, Covered, 25, []help{
			{"Croydon", "council_tax.exempt", Covered}, // anyone living in Croydon
		}},
		{"looked after by Kent, living in a Kent district", kent, tw, Covered, 21, []help{
			{"Kent", "council_tax.care_council_pays", Covered},
			{"Tunbridge Wells", "council_tax.exempt", Covered}, // its scope is not given, but Kent funds it
		}},
		{"looked after by Croydon, living in Medway", croydon, medway, NotCovered, 0, []help{
			{"Medway", "council_tax.exempt", NotCovered},
		}},
		{"looked after by Medway, living in a Kent district", medway, tw, MaybeCovered, 0, []help{
			{"Tunbridge Wells", "council_tax.exempt", MaybeCovered}, // the source does not say
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := CouncilTaxFor(tc.care, tc.home)
			if got.Paid() != tc.paid || got.ToAge() != tc.toAge {
				t.Errorf("paid %d to age %d, want %d to age %d", got.Paid(), got.ToAge(), tc.paid, tc.toAge)
			}
			if len(got.Help) != len(tc.want) {
				t.Fatalf("got %d answers, want %d: %+v", len(got.Help), len(tc.want), got.Help)
			}
			for i, w := range tc.want {
				h := got.Help[i]
				if h.From.ShortName != w.from || h.Key != w.key || h.Applies != w.applies {
					t.Errorf("help %d: %s %s applies %d (%s), want %s %s applies %d", i, h.From.ShortName, h.Key, h.Applies, h.Why, w.from, w.key, w.applies)
				}
				if h.Why == "" {
					t.Errorf("help %d says no reason", i)
				}
			}
		})
	}
}
