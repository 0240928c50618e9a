package e2e

import (
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pdfPage counts the pages of a PDF: each is an object of /Type /Page.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestPrintLeicester: a council page prints as a short list to take to a
// personal adviser: one or two A4 pages, with no navigation.
func TestPrintLeicester(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/councils/leicester/", false)
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	pdf := res.Data
	if n := len(pdfPage.FindAll(pdf, -1)); n == 0 || n > 2 {
		t.Errorf("Leicester's page prints on %d A4 pages, want 1 or 2", n)
	}
	// What print hides: the site's navigation, the search form and the request to copy.
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]bool](`(() => {
  const seen = (sel) => { const el = document.querySelector(sel); return !!el && el.checkVisibility(); };
  return {nav: seen("nav[aria-label=Site]"), search: seen("form.find"), request: seen("details.foi"), summary: seen("#s-get"), sources: seen("#s-sources")};
})()`))
	if err != nil {
		t.Fatal(err)
	}
	for what, want := range map[string]bool{"nav": false, "search": false, "request": false, "summary": true, "sources": true} {
		if shown[what] != want {
			t.Errorf("printed, %s shown: %v, want %v", what, shown[what], want)
		}
	}
}
