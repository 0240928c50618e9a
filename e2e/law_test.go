package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// lawItem is one area of a council page's checklist as a reader sees it.
type lawItem struct {
	Text   string `json:"text"`
	Links  int    `json:"links"`  // links to rows on the page
	Broken int    `json:"broken"` // links to rows that are not on the page
}

const lawProbe = `(() => {
  const s = document.getElementById("s-law");
  if (!s) return [];
  return [...s.parentElement.querySelectorAll("ul.checklist li")].map((li) => {
    const links = [...li.querySelectorAll("a[href^='#']")];
    return {
      text: li.textContent.replace(/\s+/g, " ").trim(),
      links: links.length,
      broken: links.filter((a) => !document.getElementById(a.getAttribute("href").slice(1))).length,
    };
  });
})()`

// TestLawChecklistOnAPhone: at 390 px, Leicester's and Kent's pages list
// each of the law's areas, linked to the rows that show it or saying it was
// not found in what we have read, the 2026 areas marked with their date,
// and nothing scrolls sideways.
func TestLawChecklistOnAPhone(t *testing.T) {
	for _, slug := range []string{"leicester", "kent"} {
		t.Run(slug, func(t *testing.T) {
			ctx, rec := newTab(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
				t.Fatal(err)
			}
			path := "/councils/" + slug + "/"
			load(t, ctx, rec, path, false)
			items, err := chromedp.Run(ctx, chromedp.Evaluate[[]lawItem](lawProbe))
			if err != nil {
				t.Fatal(err)
			}
			if len(items) < 13 {
				t.Fatalf("%s: the checklist shows %d areas, want the law's 13", path, len(items))
			}
			added := 0
			for _, it := range items {
				switch {
				case it.Broken > 0:
					t.Errorf("%s: %q links to rows that are not on the page", path, it.Text)
				case it.Links == 0 && !strings.Contains(it.Text, "Not found in what we have read"):
					t.Errorf("%s: %q neither links to a row nor says it was not found", path, it.Text)
				}
				if strings.Contains(it.Text, "added 29 April 2026") {
					added++
				}
			}
			if added != 7 {
				t.Errorf("%s: %d areas are marked as added on 29 April 2026, want the 2026 Act's 7", path, added)
			}
			checkWidth(t, ctx, path, 390)
			checkClean(t, ctx, rec, path)
		})
	}
}

// TestLawPagesWithoutJavaScript: the checklist, the national page and an
// area's map and table are all there with JavaScript off.
func TestLawPagesWithoutJavaScript(t *testing.T) {
	ctx, rec := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("disabling JavaScript: %v", err)
	}
	for path, probe := range map[string]string{
		"/councils/hertsmere/":     `document.querySelectorAll("#s-law ~ ul.checklist li, ul.checklist li").length`,
		"/law/":                    `document.querySelectorAll("main table tbody tr").length`,
		"/law/financial-literacy/": `document.querySelectorAll("#law-table tbody tr").length + document.querySelectorAll(".map svg a").length`,
	} {
		load(t, ctx, rec, path, false)
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](probe))
		if err != nil {
			t.Fatal(err)
		}
		if n < 13 {
			t.Errorf("%s without JavaScript: %d items, want the page's list, table or map", path, n)
		}
	}
}

// mapLook is what a reader sees of one map: its visible title and where
// its region labels are drawn.
type mapLook struct {
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Height float64    `json:"height"` // of the title, in CSS pixels
	Labels []labelBox `json:"labels"`
	Twin   string     `json:"twin"` // the link to the map's table or list
}

// labelBox is a region label and where it is drawn: left, top, right and
// bottom, in CSS pixels.
type labelBox struct {
	Name string     `json:"name"`
	Box  [4]float64 `json:"box"`
}

const mapProbe = `[...document.querySelectorAll("figure.map")].map((m) => {
  const t = m.querySelector(".maptitle");
  const r = t ? t.getBoundingClientRect() : {height: 0};
  return {
    id: m.id,
    title: t ? t.textContent.trim() : "",
    height: r.height,
    labels: [...m.querySelectorAll(".regions text")].map((x) => { const b = x.getBoundingClientRect(); return {name: x.textContent, box: [b.left, b.top, b.right, b.bottom]}; }),
    twin: (m.querySelector(".maptitle a") || {}).textContent || "",
  };
})`

// TestMapsHaveTitlesAndLabelsApart: at 390 and 1280 px, every map on the
// pages that have maps shows a visible title and a link to its table twin
// (a hexagon is too small to tap on a phone), and no region label overlaps
// another.
func TestMapsHaveTitlesAndLabelsApart(t *testing.T) {
	ctx, rec := newTab(t)
	for _, width := range []int{390, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 900)); err != nil {
			t.Fatal(err)
		}
		for _, path := range []string{"/", "/picture/", "/compare/council-tax/", "/maps/council-tax-exempt/", "/law/financial-literacy/"} {
			load(t, ctx, rec, path, false)
			maps, err := chromedp.Run(ctx, chromedp.Evaluate[[]mapLook](mapProbe))
			if err != nil {
				t.Fatal(err)
			}
			if len(maps) == 0 {
				t.Errorf("%s: no map", path)
			}
			for _, m := range maps {
				where := fmt.Sprintf("%s at %dpx, map %s", path, width, m.ID)
				if m.Title == "" || m.Height < 10 {
					t.Errorf("%s: no visible title (%q, %.0f px high)", where, m.Title, m.Height)
				}
				if m.Twin == "" {
					t.Errorf("%s: no link to the map's table or list beside its title", where)
				}
				for i, a := range m.Labels {
					for _, b := range m.Labels[:i] {
						if a.Box[0] < b.Box[2] && b.Box[0] < a.Box[2] && a.Box[1] < b.Box[3] && b.Box[1] < a.Box[3] {
							t.Errorf("%s: the label %q overlaps %q", where, a.Name, b.Name)
						}
					}
				}
			}
		}
	}
	checkClean(t, ctx, rec, "the maps")
}
