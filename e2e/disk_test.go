package e2e

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/localoffer/localoffer/internal/build"
)

// linkWithText selects the first link whose text is text.
func linkWithText(text string) chromedp.JSPath {
	return chromedp.JSPath(`[...document.querySelectorAll("a")].find((a) => a.textContent.trim() === ` + jsString(text) + `)`)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`)
	return `"` + r.Replace(s) + `"`
}

// TestOpenedFromDisk writes the site to a folder and browses it from
// file:// addresses, as someone who downloaded it would.
func TestOpenedFromDisk(t *testing.T) {
	ctx, rec := newTab(t)
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := build.Write(project, buildDate, dir); err != nil {
		t.Fatalf("writing the site: %s", firstLines(err, 20))
	}
	home := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "index.html"))}).String()
	rec.reset("")
	if err := chromedp.Do(ctx, chromedp.Navigate(home)); err != nil {
		t.Fatalf("opening %s: %v", home, err)
	}
	for _, step := range []struct{ link, want string }{
		{"All councils", "/councils/index.html"},
		{"Leicester City Council", "/councils/leicester/index.html"},
	} {
		if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(linkWithText(step.link)))); err != nil {
			t.Fatalf("following the link %q: %v", step.link, err)
		}
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(loc, "file://") || !strings.HasSuffix(loc, step.want) {
			t.Fatalf("the link %q led to %s, want the file …%s", step.link, loc, step.want)
		}
	}
	settle(t, ctx)

	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil {
		t.Fatal(err)
	}
	if h1 != "Leicester City Council" {
		t.Errorf("the council page's h1 is %q, want %q", h1, "Leicester City Council")
	}
	styled, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		BodyMargin string `json:"bodyMargin"`
		SkipRight  int    `json:"skipRight"`
		Font       string `json:"font"`
	}](`(() => {
  const skip = document.querySelector("a[href='#main']");
  return {
    bodyMargin: getComputedStyle(document.body).margin,
    skipRight: skip ? Math.round(skip.getBoundingClientRect().right) : 99999,
    font: getComputedStyle(document.body).fontFamily,
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if styled.BodyMargin != "0px" || styled.SkipRight > 0 {
		t.Errorf("opened from disk, the style sheet did not apply: body margin %s (want 0px), skip link's right edge at x=%d (want off screen, < 0), body font %s",
			styled.BodyMargin, styled.SkipRight, styled.Font)
	}
	// The two-council page loads the chosen councils' data as scripts,
	// which works from disk, where fetch does not.
	two := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "your-offer", "index.html")), RawQuery: "looked-after=leicester&live=hertsmere"}).String()
	if err := chromedp.Do(ctx, chromedp.Navigate(two)); err != nil {
		t.Fatalf("opening %s: %v", two, err)
	}
	settle(t, ctx)
	until(t, ctx, "the two councils' offer, opened from disk", `Promise.resolve(!!document.getElementById("result"))`)
	// From file:// Chromium gives the page an opaque origin: what fails to
	// load there is logged for the owner, not failed, as the site must work
	// without its script anyway.
	for _, p := range rec.take() {
		t.Logf("opened from disk: %s", p)
	}
}
