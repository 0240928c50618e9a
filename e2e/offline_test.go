package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/devserver"
	"github.com/localoffer/localoffer/internal/publish"
)

// subPath is where the offline tests serve the site: a static host's
// sub-path, as on GitHub Pages.
const subPath = "/localoffer/"

// host serves a build under subPath, records what the browser asks for,
// and can lose its signal: while offline, every connection is dropped, as
// a phone with no signal sees it.
type host struct {
	site    devserver.Site
	server  *httptest.Server
	offline atomic.Bool
	mu      sync.Mutex
	asked   []string
}

func newHost(t *testing.T, files []publish.File) *host {
	t.Helper()
	h := &host{}
	if err := h.site.Set(files); err != nil {
		t.Fatal(err)
	}
	site := http.StripPrefix(strings.TrimSuffix(subPath, "/"), &h.site)
	h.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.offline.Load() {
			if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
				conn.Close()
			}
			return
		}
		h.mu.Lock()
		h.asked = append(h.asked, r.URL.Path)
		h.mu.Unlock()
		site.ServeHTTP(w, r)
	}))
	t.Cleanup(h.server.Close)
	return h
}

func (h *host) url(path string) string { return h.server.URL + subPath + strings.TrimPrefix(path, "/") }

// take returns the paths asked for since the last take.
func (h *host) take() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := h.asked
	h.asked = nil
	return out
}

// privateTab opens a tab in a browser context of its own, so that no other
// test's service worker or saved pages are in it.
func privateTab(t *testing.T) (context.Context, *recorder) {
	t.Helper()
	return newTab(t, chromedp.WithNewBrowserContext())
}

// open goes to url and waits for the page to load.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	settle(t, ctx)
}

// until polls a script in the page until it returns true.
func until(t *testing.T, ctx context.Context, what, script string) {
	t.Helper()
	for range 200 {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](script, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("waited in vain for %s", what)
}

// kept is a script that reports whether the page at the current address is
// kept in the named cache.
func kept(cache string) string {
	return `caches.open("` + cache + `").then((c) => c.match(location.href.replace(/[?#].*$/, "").replace(/\/$/, "/index.html"))).then((r) => !!r)`
}

// pageText is the main text of the current page, and its note if it came
// from a kept copy.
type pageText struct {
	H1   string `json:"h1"`
	Note string `json:"note"`
	Main string `json:"main"`
}

const pageTextProbe = `(() => ({
  h1: (document.querySelector("h1") || {}).textContent || "",
  note: (document.querySelector(".saved-note") || {}).textContent || "",
  main: (document.querySelector("main") || {}).textContent || "",
}))()`

func readPage(t *testing.T, ctx context.Context) pageText {
	t.Helper()
	p, err := chromedp.Run(ctx, chromedp.Evaluate[pageText](pageTextProbe))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOfflineAfterOneVisit: after one visit to Leicester's page, served
// under a sub-path, it and the home page open with no signal; a council
// page never visited shows the site's own offline page, listing what is
// saved; and the visit fetched no other council's page.
func TestOfflineAfterOneVisit(t *testing.T) {
	ctx, rec := privateTab(t)
	h := newHost(t, built.Files)
	open(t, ctx, h.url("councils/leicester/"))
	until(t, ctx, "the service worker to control the page", `navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)`)
	open(t, ctx, h.url("councils/leicester/")) // now through the worker, which keeps it
	until(t, ctx, "Leicester's page to be kept", kept("visited"))
	until(t, ctx, "the offline page to be kept", `caches.keys().then((ks) => Promise.all(ks.filter((k) => k.startsWith("core-")).map((k) => caches.open(k).then((c) => c.match(new URL("`+subPath+`offline/index.html", location).href))))).then((rs) => rs.some(Boolean))`)
	for _, p := range h.take() {
		if strings.HasPrefix(p, subPath+"councils/") && !strings.HasPrefix(p, subPath+"councils/leicester/") {
			t.Errorf("one visit to Leicester's page fetched another council's page: %s", p)
		}
	}
	checkClean(t, ctx, rec, "Leicester's page, online")

	h.offline.Store(true)
	rec.reset("")
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatalf("reloading with no signal: %v", err)
	}
	settle(t, ctx)
	p := readPage(t, ctx)
	if p.H1 != "Leicester City Council" || !strings.Contains(p.Main, "What you can get") {
		t.Errorf("Leicester's page with no signal shows %q, want its offer", p.H1)
	}
	if !strings.Contains(p.Note, "This page was saved on") {
		t.Errorf("Leicester's page from the device does not say when it was saved: %q", p.Note)
	}

	open(t, ctx, h.url(""))
	if p := readPage(t, ctx); !strings.Contains(p.Main, "Find your council") {
		t.Errorf("the home page with no signal shows %q", p.H1)
	}

	open(t, ctx, h.url("councils/kent/"))
	p = readPage(t, ctx)
	if p.H1 != "You are offline" {
		t.Fatalf("a page never visited, with no signal, shows %q, want the site's offline page", p.H1)
	}
	until(t, ctx, "the offline page to list Leicester", `Promise.resolve([...document.querySelectorAll(".saved-pages a")].some((a) => a.textContent.includes("Leicester")))`)
	if got := h.take(); len(got) > 0 {
		t.Errorf("with no signal the host was asked for %v", got)
	}
	checkClean(t, ctx, rec, "pages with no signal")
}

// TestSaveForOffline: "Save this page for offline" keeps a council's page
// on purpose, says when, and can be undone.
func TestSaveForOffline(t *testing.T) {
	ctx, rec := privateTab(t)
	h := newHost(t, built.Files)
	open(t, ctx, h.url("councils/hertsmere/"))
	until(t, ctx, "the save button to show", `Promise.resolve(!document.querySelector("[data-save]").hidden)`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-save] button"))); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the page to say it is saved", `Promise.resolve(document.querySelector("[data-save] [role=status]").textContent.startsWith("Saved for offline on"))`)
	until(t, ctx, "Hertsmere's page to be saved", kept("saved"))
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-save] button"))); err != nil {
		t.Fatal(err)
	}
	until(t, ctx, "the page to be let go", `(`+kept("saved")+`).then((k) => !k)`)
	checkClean(t, ctx, rec, "saving Hertsmere's page")
}

// TestNewBuildReachesReturningVisitor: after a new build with a changed
// answer, the next visit with a signal shows the new answer, not the kept
// copy.
func TestNewBuildReachesReturningVisitor(t *testing.T) {
	ctx, _ := privateTab(t)
	h := newHost(t, built.Files)
	open(t, ctx, h.url("councils/leicester/"))
	until(t, ctx, "the service worker to control the page", `navigator.serviceWorker.ready.then(() => !!navigator.serviceWorker.controller)`)
	open(t, ctx, h.url("councils/leicester/"))
	until(t, ctx, "Leicester's page to be kept", kept("visited"))
	const was, now = "until your 21st birthday", "until your 23rd birthday"
	if p := readPage(t, ctx); !strings.Contains(p.Main, "Free leisure") || !strings.Contains(p.Main, was) {
		t.Fatalf("Leicester's page does not say free leisure lasts %s; the test needs another answer", was)
	}

	// A rebuild in which Leicester's free leisure lasts to 23.
	src, err := fs.ReadFile(project, "content/councils/leicester.md")
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(src, []byte("leisure:\n  free_access:\n    status: yes\n    to_age: 21"), []byte("leisure:\n  free_access:\n    status: yes\n    to_age: 23"), 1)
	if bytes.Equal(changed, src) {
		t.Fatal("Leicester's file no longer has the free leisure answer this test changes")
	}
	rebuilt, err := build.Site(overlay{project, fstest.MapFS{"content/councils/leicester.md": {Data: changed}}}, buildDate)
	if err != nil {
		t.Fatal(err)
	}
	if err := h.site.Set(rebuilt.Files); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, h.url("councils/leicester/"))
	if p := readPage(t, ctx); !strings.Contains(p.Main, now) || p.Note != "" {
		t.Errorf("after the new build, Leicester's page online does not show the new answer (%q), or says it is a saved copy (%q)", now, p.Note)
	}
}

// TestInstallable: every page links the web app manifest, which gives the
// site a name, a start address relative to the site, and icons that exist.
func TestInstallable(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/councils/leicester/", false)
	type manifest struct {
		Link  string `json:"link"`
		Name  string `json:"name"`
		Start string `json:"start_url"`
		Icons []struct {
			Src   string `json:"src"`
			Type  string `json:"type"`
			Sizes string `json:"sizes"`
			OK    bool   `json:"ok"`
		} `json:"icons"`
	}
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](`(async () => {
  const link = document.querySelector("link[rel=manifest]");
  if (!link) return {link: ""};
  const m = await (await fetch(link.href)).json();
  for (const i of m.icons || []) i.ok = (await fetch(new URL(i.src, link.href))).ok;
  return {link: link.getAttribute("href"), ...m};
})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if m.Link == "" || strings.HasPrefix(m.Link, "/") {
		t.Errorf("the page links the manifest as %q, want a relative link", m.Link)
	}
	if m.Name == "" || m.Start != "./" {
		t.Errorf("the manifest's name is %q and start_url %q, want a name and the site's root, relative", m.Name, m.Start)
	}
	var types []string
	for _, i := range m.Icons {
		if !i.OK {
			t.Errorf("the manifest's icon %s is not there", i.Src)
		}
		types = append(types, i.Type)
	}
	if !slices.Contains(types, "image/svg+xml") || !slices.Contains(types, "image/png") {
		t.Errorf("the manifest's icons are %v, want an SVG and PNGs", types)
	}
	checkClean(t, ctx, rec, "the manifest")
}

// TestCouncilFeed: Leicester's page links its own Atom feed, whose entries
// carry the real dates of the changes (or of the last check, in a clone
// with no history), none after the build.
func TestCouncilFeed(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/councils/leicester/", false)
	type feed struct {
		Title   string   `json:"title"`
		Href    string   `json:"href"`
		Updated []string `json:"updated"`
		Lines   []string `json:"lines"`
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[feed](`(async () => {
  const link = [...document.querySelectorAll("link[rel=alternate][type='application/atom+xml']")].find((l) => l.title.includes("Leicester"));
  if (!link) return {title: "", href: "", updated: [], lines: []};
  const xml = new DOMParser().parseFromString(await (await fetch(link.href)).text(), "application/xml");
  return {
    title: link.title, href: link.getAttribute("href"),
    updated: [...xml.querySelectorAll("entry > updated")].map((u) => u.textContent),
    lines: [...document.querySelectorAll("#s-changes + ul li, ul.changes li")].map((li) => li.textContent),
  };
})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(f.Href, "councils/leicester/feed.xml") {
		t.Fatalf("Leicester's page links its feed as %q (%q), want its own feed.xml", f.Href, f.Title)
	}
	if len(f.Updated) == 0 {
		t.Fatal("Leicester's feed has no entries")
	}
	for _, u := range f.Updated {
		d, err := time.Parse(time.RFC3339, u)
		if err != nil || d.After(buildDate) || d.Year() < 2020 {
			t.Errorf("an entry of Leicester's feed is dated %q, want a real date before the build", u)
		}
	}
	checkClean(t, ctx, rec, "Leicester's feed")
}
