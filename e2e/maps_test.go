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
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const a = document.activeElement; return a && a.closest(".map") ? a.querySelector("title").textContent : ""; })()`))
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
