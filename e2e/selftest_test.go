package e2e

import (
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/localoffer/localoffer/internal/devserver"
	"github.com/localoffer/localoffer/internal/publish"
)

// badPage breaks every rule the other tests check, under the site's real
// security headers.
var badPage = []publish.File{
	{Path: "index.html", Data: []byte(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Broken on purpose</title>
<link rel="stylesheet" href="bad.css">
<script src="bad.js"></script>
<script>document.title = "inline scripts must be blocked";</script>
</head><body>
<p class="wide">A paragraph far wider than a phone, with <a href="#nowhere">a link</a> first.</p>
<img src="missing.png">
<img src="https://example.com/tracker.png" alt="">
</body></html>`)},
	{Path: "bad.js", Data: []byte(`console.error("deliberate console error");
setTimeout(() => { throw new Error("deliberate exception"); });`)},
	{Path: "bad.css", Data: []byte(`.wide { width: 1000px; } a:focus { outline: none; }`)},
}

// TestChecksCatchProblems runs the checks on a page that breaks every rule,
// so that a check that can never fail is caught.
func TestChecksCatchProblems(t *testing.T) {
	ctx, rec := newTab(t)
	var host devserver.Site
	if err := host.Set(append(slices.Clone(badPage), publish.Headers(config.PostcodeAPI))); err != nil {
		t.Fatal(err)
	}
	bad := httptest.NewServer(&host)
	defer bad.Close()

	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800)); err != nil {
		t.Fatal(err)
	}
	rec.reset("")
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(bad.URL+"/"))
	if err != nil {
		t.Fatal(err)
	}
	if got := header(resp.Headers, "Content-Security-Policy"); got != policy() {
		t.Errorf("Content-Security-Policy header of the broken page = %q, want %q", got, policy())
	}
	settle(t, ctx)
	problems, err := pageProblems(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(problems, "\n")
	for _, want := range []string{
		"console.error: deliberate console error",
		"uncaught exception",
		"deliberate exception",
		"securitypolicyviolation: script-src-elem blocked inline",
		"securitypolicyviolation: img-src blocked https://example.com/tracker.png",
		"response 404 Not Found for Image " + bad.URL + "/missing.png",
		"request failed: Image https://example.com/tracker.png",
		"browser log",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the checks missed %q; they found:\n  %s", want, strings.Join(problems, "\n  "))
		}
	}

	res, err := runAxe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range res.Violations {
		ids = append(ids, v.ID)
	}
	for _, want := range []string{"html-has-lang", "image-alt"} {
		if !slices.Contains(ids, want) {
			t.Errorf("axe-core missed %s on the broken page; it found %q", want, ids)
		}
	}

	l, err := chromedp.Run(ctx, chromedp.Evaluate[narrowLayout](narrowProbe))
	if err != nil {
		t.Fatal(err)
	}
	if l.ScrollWidth <= 320 || len(l.Wide) == 0 || !strings.HasPrefix(l.Wide[0], "p.wide") {
		t.Errorf("the 320px check missed the 1000px paragraph: %+v", l)
	}

	skip, err := skipLinkProblems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all = strings.Join(skip, "\n")
	for _, want := range []string{
		`the first Tab focused <a href="#nowhere"> "a link"`,
		`the focused element "a link" looks the same as when not focused`,
		"after Enter on the first tab stop, focus is on a#, want main#main",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the skip link check missed %q; it found:\n  %s", want, strings.Join(skip, "\n  "))
		}
	}
}
