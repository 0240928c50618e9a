package registry

import "testing"

func TestTheList(t *testing.T) {
	tiers := map[string]int{}
	slugs := map[string]string{}
	for _, c := range All() {
		tiers[c.Tier]++
		if other, dup := slugs[c.Slug()]; dup {
			t.Errorf("%s and %s share the slug %q", c.GSS, other, c.Slug())
		}
		slugs[c.Slug()] = c.GSS
		if c.Tier == "district" {
			if p, ok := ByGSS(c.Parent); !ok || p.Tier != "county" {
				t.Errorf("%s's parent %q is not a county in the list", c.Name, c.Parent)
			}
		}
	}
	want := map[string]int{"county": 21, "district": 164, "unitary": 63, "metropolitan_borough": 36, "london_borough": 32, "city_corporation": 1}
	for tier, n := range want {
		if tiers[tier] != n {
			t.Errorf("%d %s councils, want %d", tiers[tier], tier, n)
		}
	}
}

func TestFind(t *testing.T) {
	for query, want := range map[string]string{
		"E07000098":              "Hertsmere Borough Council",
		"e07000098":              "Hertsmere Borough Council",
		"hertsmere":              "Hertsmere Borough Council",
		"Leicester":              "Leicester City Council",
		"Leicester City Council": "Leicester City Council",
		"brighton & hove":        "Brighton and Hove City Council",
	} {
		got := Find(query)
		if len(got) != 1 || got[0].Name != want {
			t.Errorf("Find(%q) = %v, want %s", query, got, want)
		}
	}
	if got := Find("shire"); len(got) < 10 {
		t.Errorf("Find(shire) found %d councils, want the many whose names contain it", len(got))
	}
	if got := Find("nowhere at all"); len(got) != 0 {
		t.Errorf("Find(nowhere at all) = %v", got)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"East of England":          "east-of-england",
		"Yorkshire and The Humber": "yorkshire-and-the-humber",
		"Brighton & Hove":          "brighton-and-hove",
		"  King's Lynn  ":          "king-s-lynn",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
