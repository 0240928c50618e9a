package build_test

import (
	"regexp"
	"strings"
	"testing"
)

// hexLink is one hexagon of a map: its link and its accessible name.
var hexLink = regexp.MustCompile(`<a href="?([^" >]+)"? aria-label="?([^">]*)"?><use href="?#hex"?`)

// mapIn returns a page's map with the given id: each hexagon's link and name.
func mapIn(t *testing.T, page, id string) [][2]string {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		i = strings.Index(page, `id=`+id+`>`)
	}
	if i < 0 {
		t.Fatalf("no map %s", id)
	}
	end := strings.Index(page[i:], "</figure>")
	var out [][2]string
	for _, m := range hexLink.FindAllStringSubmatch(page[i:i+end], -1) {
		out = append(out, [2]string{m[1], m[2]})
	}
	return out
}

func TestMapsOfEngland(t *testing.T) {
	site := files(buildReal(t))
	for page, id := range map[string]string{
		"index.html":                           "map-coverage",
		"picture/index.html":                   "map-coverage",
		"compare/council-tax/index.html":       "map-council_tax-exempt",
		"maps/council-tax-exempt/index.html":   "map-council_tax-exempt",
		"maps/home-setup-allowance/index.html": "map-home-setup_allowance",
	} {
		hexes := mapIn(t, string(site[page]), id)
		if len(hexes) != 296 {
			t.Errorf("%s: the map %s has %d hexagons, want 296", page, id, len(hexes))
		}
		for _, h := range hexes {
			target := strings.TrimPrefix(h[0], "../")
			target = strings.TrimPrefix(strings.TrimPrefix(target, "../"), "../")
			if _, ok := site[target]; !ok || !strings.HasPrefix(target, "councils/") {
				t.Errorf("%s: a hexagon links to %s, which is not a council page", page, h[0])
				break
			}
		}
	}
	names := map[string]string{}
	for _, h := range mapIn(t, string(site["maps/council-tax-exempt/index.html"]), "map-council_tax-exempt") {
		short, _, _ := strings.Cut(h[1], ": ")
		names[short] = h[1]
	}
	for _, h := range mapIn(t, string(site["maps/home-setup-allowance/index.html"]), "map-home-setup_allowance") {
		short, _, _ := strings.Cut(h[1], ": ")
		names["allowance "+short] = h[1]
	}
	for who, want := range map[string]string{
		// A district's own answer for council tax.
		"Hertsmere": "Hertsmere: No",
		// A district's county's answer for leaving-care support, named.
		"allowance Dacorum": "(Hertfordshire)",
		// A member of a joint offer, from the joint offer.
		"Mansfield": "Mansfield: Yes until your 25th birthday (joint offer); 2019",
	} {
		if !strings.Contains(names[who], want) {
			t.Errorf("%s's hexagon is named %q, want it to say %q", who, names[who], want)
		}
	}
}

// TestHomePageWeight keeps the home page, with its map, style sheets and
// script, under 20 KB gzipped.
func TestHomePageWeight(t *testing.T) {
	site := files(buildReal(t))
	page := site["index.html"]
	n, found := gzipSize(t, page), 0
	for _, m := range regexp.MustCompile(`<(?:link rel="?stylesheet"? href|script defer src)="?(assets/[^" >]+)"?( media="?print)?`).FindAllSubmatch(page, -1) {
		if len(m[2]) == 0 {
			n += gzipSize(t, site[string(m[1])])
			found++
		}
	}
	if found < 3 {
		t.Errorf("the home page loads %d style sheets and scripts, want its CSS, its maps' CSS and its JS", found)
	}
	if n > 20*1024 {
		t.Errorf("the home page is %d bytes gzipped with its CSS and JS, want at most %d", n, 20*1024)
	}
}
