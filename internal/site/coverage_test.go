package site

import (
	"testing"
	"testing/fstest"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
)

func TestCoverageCountsWhatWasFoundAndLookedFor(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, file := range twoTier {
		fsys[name] = file
	}
	// Abbey, a unitary council in London, was looked for in October 2026 and
	// nothing found; Fen, another, in December; Mere was never looked for.
	fsys["content/councils/abbey.md"] = &fstest.MapFile{Data: []byte("---\ngss: E06000999\nname: The Abbey Council\nshort_name: Abbey\ntier: unitary\nregion: London\nchecked: 2026-10\n---\n")}
	fsys["content/councils/fen.md"] = &fstest.MapFile{Data: []byte("---\ngss: E06000998\nname: Fen Council\ntier: unitary\nregion: London\nchecked: 2026-11\n---\n")}
	fsys["content/councils/mere.md"] = &fstest.MapFile{Data: []byte("---\ngss: E06000997\nname: Mere Council\ntier: unitary\nregion: London\n---\n")}
	set, problems := content.Load(fsys, now)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	s := New(set, DefaultConfig, now)
	oct, nov := offer.Date{Year: 2026, Month: 10}, offer.Date{Year: 2026, Month: 11}
	for _, tc := range []struct {
		got  Coverage
		want Coverage
	}{
		// Shire and Dale have answers (and no checked month); the three London councils do not.
		{s.Coverage, Coverage{Label: "England", Councils: 5, Found: 2, NothingFound: 2, NotYet: 1, Earliest: oct, Latest: nov}},
		{s.BySlug["abbey"].Area.Coverage, Coverage{Label: "London", Councils: 3, NothingFound: 2, NotYet: 1, Earliest: oct, Latest: nov}},
		{s.BySlug["dale"].Area.Coverage, Coverage{Label: "East of England", Councils: 2, Found: 2}},
		{s.ByTier[0], Coverage{Label: "County council", Councils: 1, Found: 1}},
		{s.ByTier[2], Coverage{Label: "Unitary council", Councils: 3, NothingFound: 2, NotYet: 1, Earliest: oct, Latest: nov}},
		{s.BySlug["abbey"].Area.ByTier[0], Coverage{Label: "Unitary council", Councils: 3, NothingFound: 2, NotYet: 1, Earliest: oct, Latest: nov}},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %+v\nwant %+v", tc.got, tc.want)
		}
	}
	if len(s.ByTier) != 3 {
		t.Errorf("%d kinds of council, want county, district and unitary", len(s.ByTier))
	}
}
