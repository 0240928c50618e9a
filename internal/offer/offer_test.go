package offer

import (
	"strings"
	"testing"
	"time"
)

func TestCatalogueIsComplete(t *testing.T) {
	if len(Catalogue) < 100 {
		t.Errorf("the catalogue has %d questions; the sources ask more", len(Catalogue))
	}
	for _, s := range Sections {
		if len(InSection(s.Key)) == 0 {
			t.Errorf("section %s has no questions", s.Key)
		}
	}
	labels := map[string]string{}
	for i := range Catalogue {
		q := &Catalogue[i]
		if q.Label == "" || q.Ask == "" || !strings.ContainsAny(q.Ask[len(q.Ask)-1:], "?.") {
			t.Errorf("%s: want a label and a question ending in ? or ., got %q, %q", q.Key, q.Label, q.Ask)
		}
		if other, dup := labels[q.Section+q.Label]; dup {
			t.Errorf("%s and %s share the label %q", q.Key, other, q.Label)
		}
		labels[q.Section+q.Label] = q.Key
		if Lookup(q.Key) != q {
			t.Errorf("Lookup(%s) does not find it", q.Key)
		}
		if q.Kind == KindChoice && len(q.Choices) == 0 {
			t.Errorf("%s: a choice with no choices", q.Key)
		}
	}
	// Questions every source asks are there, with the right provider.
	for key, p := range map[string]Provider{
		"council_tax.exempt": HomeCouncil, "leisure.friend_free": HomeCouncil, "home.setup_allowance": CareCouncil,
		"offer.published": EachCouncil, "work.ringfenced_apprenticeships": EachCouncil, "services.over_21_service": CareCouncil,
	} {
		if q := Lookup(key); q == nil || q.Provider != p {
			t.Errorf("%s: %+v, want provider %v", key, q, p)
		}
	}
	if Lookup("relationships.care_files_via_complaints").Polarity != YesIsBad {
		t.Error("having to complain to see your care file is not marked as bad news")
	}
}

func TestDates(t *testing.T) {
	for in, want := range map[string]string{"2020-02-04": "4 February 2020", "2020-02": "February 2020", "2020": "2020"} {
		d, ok := ParseDate(in)
		if !ok || d.Words() != want || d.String() != in {
			t.Errorf("ParseDate(%q) = %+v (%q, %q), want %q", in, d, d.Words(), d.String(), want)
		}
	}
	for _, bad := range []string{"", "2020-2-4", "04/02/2020", "2020-13-01", "2020-02-30", "twenty", "2020-02-04T10:00"} {
		if _, ok := ParseDate(bad); ok {
			t.Errorf("ParseDate(%q) accepted it", bad)
		}
	}
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]bool{"2020-02-04": true, "2025-05-22": true, "2025-05-24": false, "2025-05": false, "2025": false, "2024": true} {
		d, _ := ParseDate(in)
		if got := d.Stale(now); got != want {
			t.Errorf("%s stale on 23 November 2026: %v, want %v", in, got, want)
		}
	}
	if (Date{}).Stale(now) {
		t.Error("an unknown date is not stale; pages say it is undated instead")
	}
}

func TestEverySectionIsInOneTopic(t *testing.T) {
	in := map[string]string{}
	for _, tp := range Topics {
		if len(tp.Columns()) == 0 {
			t.Errorf("topic %s has nothing to compare", tp.Key)
		}
		for _, s := range tp.Sections {
			if other, dup := in[s]; dup {
				t.Errorf("section %s is in topics %s and %s", s, other, tp.Key)
			}
			in[s] = tp.Key
		}
	}
	for _, s := range Sections {
		if in[s.Key] == "" {
			t.Errorf("section %s is in no topic", s.Key)
		}
	}
}

func TestSetupAllowanceOvertakenByApril2023(t *testing.T) {
	q := Lookup("home.setup_allowance")
	if q.Overtaken == nil {
		t.Fatal("home.setup_allowance has no national change recorded")
	}
	gbp := func(n int) *Answer { return &Answer{Status: Yes, GBP: &n} }
	for _, tc := range []struct {
		name string
		a    *Answer
		asOf Date
		want bool
	}{
		{"£2,000 in February 2020", gbp(2000), Date{Year: 2020, Month: 2, Day: 4}, true},
		{"£3,000 in March 2023: still before the change", gbp(3000), Date{Year: 2023, Month: 3}, true},
		{"£2,500 on 1 April 2023", gbp(2500), Date{Year: 2023, Month: 4, Day: 1}, false},
		{"£2,000 in 2023, which may be after April", gbp(2000), Date{Year: 2023}, false},
		{"£2,000 in 2024", gbp(2000), Date{Year: 2024}, false},
		{"undated £2,000", gbp(2000), Date{}, true},
		{"undated £3,000", gbp(3000), Date{}, false},
		{"undated, no amount", &Answer{Status: Yes}, Date{}, false},
		{"no allowance, in 2020", &Answer{Status: No}, Date{Year: 2020}, false},
	} {
		if got := q.Overtaken.Overtook(tc.a, tc.asOf); got != tc.want {
			t.Errorf("%s: overtaken %v, want %v", tc.name, got, tc.want)
		}
	}
	for i := range Catalogue {
		if c := Catalogue[i].Overtaken; c != nil && (c.Note == "" || c.Since.IsZero()) {
			t.Errorf("%s: a national change needs a date and a note", Catalogue[i].Key)
		}
	}
}

func TestAskedNamesAnswerQuestions(t *testing.T) {
	for key, phrasings := range Asked {
		q := Lookup(key)
		if q == nil || !(q.Kind.IsAnswer() || q.Kind == KindURL) {
			t.Errorf("Asked has phrasings for %q, which is not an answer question in the catalogue", key)
		}
		if len(phrasings) == 0 {
			t.Errorf("%s: no phrasings", key)
		}
	}
}

func TestOffTopic(t *testing.T) {
	for _, tc := range []struct {
		key, quote, want string
	}{
		// Hertfordshire's council tax help was once filed as financial support.
		{"money.financial_support", "Care leavers between 18-21 years old (though not beyond your 21st birthday) are offered financial support by Hertfordshire County Council to pay their Council Tax bill.", "council_tax"},
		{"council_tax.care_council_pays", "Care leavers between 18-21 years old are offered financial support by Hertfordshire County Council to pay their Council Tax bill.", ""},
		{"money.birthday", "Free gym membership and swimming at our leisure centres.", "leisure"},
		{"home.setup_allowance", "We will act as your guarantor for your first tenancy.", "housing"},
		// A quote that names its own subject beside another's is fine.
		{"health.prescriptions", "care leavers will receive free prescriptions and be exempt from council tax up to the age of 25.", ""},
		{"education.he_bursary", "A bursary of £2,000 a year at university.", ""},
	} {
		if got := OffTopic(Lookup(tc.key), tc.quote); got != tc.want {
			t.Errorf("OffTopic(%s, %q) = %q, want %q", tc.key, tc.quote, got, tc.want)
		}
	}
}
