package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestMapByKeyboard: a hexagon can be reached with Tab and opened with Enter.
func TestMapByKeyboard(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/maps/council-tax-exempt/", false)
	// Tab until focus is on a hexagon.
	var name string
	for range 80 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const a = document.activeElement; return a && a.closest(".map svg") ? a.getAttribute("aria-label") : ""; })()`))
		if err != nil {
			t.Fatal(err)
		}
		if got != "" {
			name = got
			break
		}
	}
	if name == "" {
		t.Fatal("Tab never reached a hexagon of the map")
	}
	council, _, _ := strings.Cut(name, ":")
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, council) && !strings.Contains(title, strings.Fields(council)[0]) {
		t.Errorf("Enter on %q opened %q, want that council's page", name, title)
	}
}

// TestPictureTextIsReadable: on a phone, no text on the national picture is
// smaller than 12 px, maps and charts included.
func TestPictureTextIsReadable(t *testing.T) {
	for _, width := range []int64{320, 390} {
		ctx, rec := newTab(t)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844)); err != nil {
			t.Fatal(err)
		}
		load(t, ctx, rec, "/picture/", false)
		small, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
  const out = [];
  const walk = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el.checkVisibility() || el.closest("title,desc")) continue;
    const r = document.createRange();
    r.selectNodeContents(n);
    const rects = [...r.getClientRects()].filter((x) => x.height > 0);
    if (!rects.length) continue;
    // The size a reader sees: the font size, scaled as an SVG is scaled.
    let size = parseFloat(getComputedStyle(el).fontSize);
    const svg = el.closest("svg");
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (size < 12) out.push(n.textContent.trim().slice(0, 30) + " " + size.toFixed(1) + "px");
  }
  return out;
})()`))
		if err != nil {
			t.Fatal(err)
		}
		if len(small) > 0 {
			t.Errorf("at %d px, text smaller than 12 px on the national picture: %q", width, small[:min(len(small), 5)])
		}
	}
}

// TestMapCaptionAndPicker: with JavaScript, focusing a hexagon shows its
// answer in a caption, and the national picture's map changes its question
// in place.
func TestMapCaptionAndPicker(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/picture/", false)
	state := func() (string, string, string) {
		type s struct {
			Caption string `json:"caption"`
			Title   string `json:"title"`
			Hex     string `json:"hex"`
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[s](`(() => {
  const map = document.querySelector("[data-map-picker] .map");
  const hex = [...map.querySelectorAll("svg a")].find((a) => a.getAttribute("aria-label").startsWith("Hertsmere:"));
  const cap = map.querySelector(".caption");
  return {caption: cap.hidden ? "" : cap.textContent, title: map.querySelector("svg > title").textContent, hex: hex ? hex.getAttribute("aria-label") : ""};
})()`))
		if err != nil {
			t.Fatal(err)
		}
		return got.Caption, got.Title, got.Hex
	}
	// Focus Hertsmere's hexagon: its answer shows in the caption.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const a = [...document.querySelectorAll("[data-map-picker] .map svg a")].find((a) => a.getAttribute("aria-label").startsWith("Hertsmere:")); a.focus(); return true; })()`)); err != nil {
		t.Fatal(err)
	}
	caption, title, hex := state()
	if caption == "" || caption != hex {
		t.Errorf("focusing Hertsmere's hexagon shows the caption %q, want its answer %q", caption, hex)
	}
	if !strings.HasPrefix(title, "Setting-up-home allowance") {
		t.Errorf("the map starts with %q", title)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("map-q"), "council_tax.exempt")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("map-q").dispatchEvent(new Event("change")), true)`)); err != nil {
		t.Fatal(err)
	}
	_, title, hex = state()
	if !strings.HasPrefix(title, "Exempt from council tax") || !strings.HasPrefix(hex, "Hertsmere: No") {
		t.Errorf("after choosing council tax, the map is %q and Hertsmere's hexagon %q", title, hex)
	}
	checkClean(t, ctx, rec, "/picture/ after changing the map's question")
}
