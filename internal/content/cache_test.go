package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestCacheDecodesOnlyChangedFiles(t *testing.T) {
	district := strings.NewReplacer("E10000015", "E07000098", "Hertfordshire County Council", "Hertsmere Borough Council",
		"short_name: Hertfordshire", "short_name: Hertsmere", "tier: county", "tier: district\nparent: E10000015").Replace(countyFile)
	fsys := newFS(map[string]string{"content/councils/hertsmere.md": district})
	var cache Cache
	first, problems := cache.Load(fsys, testNow)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	fsys["content/councils/hertsmere.md"] = &fstest.MapFile{Data: []byte(strings.Replace(district, "updated: 2026-11-23", "updated: 2026-11-20", 1))}
	second, _ := cache.Load(fsys, testNow)
	if first.Councils[0] != second.Councils[0] {
		t.Error("the unchanged county was decoded again")
	}
	if got := second.Councils[1].Updated.String(); got != "2026-11-20" {
		t.Errorf("the changed district: updated %s, want the new 2026-11-20", got)
	}
	// A broken file reports its problem on every load, not only the first.
	fsys["content/councils/hertsmere.md"] = &fstest.MapFile{Data: []byte(strings.Replace(district, "tier: district", "tier: distric", 1))}
	for range 2 {
		if _, problems := cache.Load(fsys, testNow); len(problems.Errors()) == 0 {
			t.Fatal("the broken district loaded without errors")
		}
	}
	// Another day can make old answers stale, so everything is decoded again.
	third, _ := cache.Load(fsys, testNow.Add(24*time.Hour))
	if third.Councils[0] == first.Councils[0] {
		t.Error("a new day reused the county decoded the day before")
	}
	// Loading without a cache gives the same as with one.
	plain, _ := Load(fsys, testNow)
	cached, _ := cache.Load(fsys, testNow)
	if len(plain.Councils) != len(cached.Councils) || plain.Councils[0].Name != cached.Councils[0].Name {
		t.Error("the cache changes what is loaded")
	}
}
