package wording

import (
	"testing"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

func TestAges(t *testing.T) {
	for _, tc := range []struct {
		from, to int
		want     string
	}{
		{0, 25, "until your 25th birthday"},
		{18, 21, "from 18 until your 21st birthday"},
		{0, 22, "until your 22nd birthday"},
		{0, 23, "until your 23rd birthday"},
		{16, 0, "from 16"},
		{0, 0, ""},
	} {
		if got := Ages(tc.from, tc.to); got != tc.want {
			t.Errorf("Ages(%d, %d) = %q, want %q", tc.from, tc.to, got, tc.want)
		}
	}
	for n, want := range map[int]string{1: "1st", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 111: "111th", 102: "102nd"} {
		if got := Ordinal(n); got != want {
			t.Errorf("Ordinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestConditions(t *testing.T) {
	kent := &site.Council{Council: &offer.Council{ShortName: "Kent", Tier: "county"}}
	dartford := &site.Council{Council: &offer.Council{ShortName: "Dartford", Tier: "district"}}
	grant := offer.Lookup("home.setup_allowance")
	tax := offer.Lookup("council_tax.exempt")
	for _, tc := range []struct {
		name string
		r    site.Row
		on   *site.Council
		want []string
	}{
		{"a county's grant on a district's page is for those it looked after",
			site.Row{Question: grant, Answer: &offer.Answer{Status: offer.Yes}, By: kent}, dartford, []string{"if Kent looked after you"}},
		{"on the county's own page it needs no saying",
			site.Row{Question: grant, Answer: &offer.Answer{Status: offer.Yes}, By: kent}, kent, nil},
		{"every condition, in order",
			site.Row{Question: tax, Answer: &offer.Answer{Status: offer.Yes, Scope: offer.ScopeOwn, More: &offer.More{Condition: "only if you live alone"}, Basis: offer.BasisInPrinciple, MeansTest: true}, By: dartford}, dartford,
			[]string{"if Dartford looked after you", "only if you live alone", "in principle, decided case by case", "depending on your income or savings"}},
	} {
		got := Conditions(&tc.r, tc.on)
		if len(got) != len(tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
				break
			}
		}
	}
	if !Conditional(&offer.Answer{Basis: offer.BasisConditional}) || Conditional(&offer.Answer{Basis: offer.BasisAll}) {
		t.Error("Conditional does not tell a yes for some from a yes for everyone")
	}
	if got := When(&site.Row{}); got != "undated" {
		t.Errorf("When with no date = %q", got)
	}
	if got := When(&site.Row{AsOf: offer.Date{Year: 2019, Month: 3}}); got != "2019" {
		t.Errorf("When(2019-03) = %q", got)
	}
}
