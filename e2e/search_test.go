package e2e

import (
	"bytes"
	"context"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/devserver"
)

type searchState struct {
	Results []string `json:"results"` // link texts, in order
	About   []string `json:"about"`
	Status  string   `json:"status"`
	ListOn  bool     `json:"listOn"` // the full list is shown
}

const searchProbe = `(() => ({
  results: [...document.querySelectorAll("#results li a")].map((a) => a.textContent),
  about: [...document.querySelectorAll("#results li .count")].map((s) => s.textContent.trim()),
  status: document.getElementById("search-status").textContent,
  listOn: document.getElementById("all-councils").checkVisibility(),
}))()`

// typeQuery replaces the search box's text, as a person typing would.
func typeQuery(t *testing.T, ctx context.Context, q string) searchState {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("q").value = "", true)`)); err != nil {
		t.Fatalf("clearing the search box: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), q)); err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](searchProbe))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestSearchFindsCouncilsByTownNameAndTypo(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/search/", false)
	for _, tc := range []struct {
		query, first, about string
	}{
		{"Borehamwood", "Hertsmere Borough Council", "District council in Hertfordshire"},
		{"Notts", "Nottinghamshire County Council", "County council"},
		{"leicester", "Leicester City Council", "Unitary council"},
		{"Hertsmre", "Hertsmere Borough Council", "District council in Hertfordshire"},
		{"St Albans", "St Albans City and District Council", "District council in Hertfordshire"},
		{"saint albans", "St Albans City and District Council", ""},
		// A county town finds its district first: the district's page has both councils.
		{"Hertford", "East Hertfordshire District Council", "District council in Hertfordshire"},
		{"Cambridge", "Cambridge City Council", "District council in Cambridgeshire"},
	} {
		st := typeQuery(t, ctx, tc.query)
		if len(st.Results) == 0 || st.Results[0] != tc.first {
			t.Errorf("%q: results %q, want %s first", tc.query, st.Results, tc.first)
			continue
		}
		if !strings.HasPrefix(st.About[0], tc.about) {
			t.Errorf("%q: the first result says %q, want it to start %q", tc.query, st.About[0], tc.about)
		}
		if st.ListOn {
			t.Errorf("%q: the full list is still shown beside the results", tc.query)
		}
		if !strings.Contains(st.Status, " found") {
			t.Errorf("%q: the status region says %q, want how many were found", tc.query, st.Status)
		}
	}
	// Leicestershire comes after Leicester City for "leicester".
	st := typeQuery(t, ctx, "leicester")
	if len(st.Results) < 2 || st.Results[1] != "Leicestershire County Council" {
		t.Errorf(`"leicester": results %q, want Leicestershire second`, st.Results)
	}
	checkClean(t, ctx, rec, "/search/ after searching")
}

// TestSearchKeystrokeTime measures how long filtering the national list takes
// after one keystroke. It reports the time; it does not fail on it.
func TestSearchKeystrokeTime(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/search/", false)
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => {
  const q = document.getElementById("q");
  const times = [];
  for (const text of ["b", "bo", "bor", "bore", "boreh", "boreha", "borehamwood", "h", "he", "her", "hert", "herts", "hertsm", "l", "le", "lei", "leic", "leice", "leicester"]) {
    q.value = text;
    const start = performance.now();
    q.dispatchEvent(new Event("input"));
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
})()`))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("filtering %d councils after a keystroke: median %.2f ms, slowest %.2f ms (a frame is 16 ms)", len(built.Site.Councils), ms[len(ms)/2], ms[len(ms)-1])
}

func TestSearchEnterOpensTheOnlyResult(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/search/", false)
	if st := typeQuery(t, ctx, "Hertsmre"); len(st.Results) != 1 || !strings.HasPrefix(st.Status, "1 council found") {
		t.Fatalf("want one result, got %q with status %q", st.Results, st.Status)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "\r"), chromedp.WaitVisible(`//h1[text()="Hertsmere Borough Council"]`)); err != nil {
		t.Fatalf("pressing Enter on the only result did not open Hertsmere's page: %v", err)
	}
}

func TestSearchFromTheAddress(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/search/?q=Borehamwood", false)
	st, err := chromedp.Run(ctx, chromedp.Evaluate[searchState](searchProbe))
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Results) == 0 || st.Results[0] != "Hertsmere Borough Council" {
		t.Errorf("?q=Borehamwood: results %q, want Hertsmere", st.Results)
	}
	// The header box on every other page leads here with the query.
	load(t, ctx, rec, "/about/", false)
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("site-q"), "Notts\r"), chromedp.WaitVisible(`#results li`)); err != nil {
		t.Fatalf("searching from the header: %v", err)
	}
	if st, _ := chromedp.Run(ctx, chromedp.Evaluate[searchState](searchProbe)); len(st.Results) == 0 || st.Results[0] != "Nottinghamshire County Council" {
		t.Errorf("header search for Notts: %q", st.Results)
	}
}

func TestSearchWithoutJavaScript(t *testing.T) {
	ctx, rec := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	load(t, ctx, rec, "/search/?q=Borehamwood", false)
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("#all-councils li a")].filter((a) => a.checkVisibility() && a.href.includes("/councils/")).length`))
	if err != nil {
		t.Fatal(err)
	}
	if n != len(built.Site.Councils) {
		t.Errorf("without JavaScript the search page shows %d council links, want all %d", n, len(built.Site.Councils))
	}
	if err := chromedp.Do(ctx, chromedp.Click(`//a[text()="Hertsmere Borough Council"]`), chromedp.WaitVisible(`//h1[text()="Hertsmere Borough Council"]`)); err != nil {
		t.Errorf("following Hertsmere's link without JavaScript: %v", err)
	}
}

// postcodeSite builds the site with its postcode service pointed at api,
// and serves it.
func postcodeSite(t *testing.T, api string) *httptest.Server {
	t.Helper()
	cfg, err := fs.ReadFile(project, "site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg = append(bytes.ReplaceAll(cfg, []byte("postcode_api:"), []byte("# postcode_api:")), []byte("\npostcode_api: "+api+"\n")...)
	res, err := build.Site(overlay{project, fstest.MapFS{"site.yaml": {Data: cfg}}}, buildDate)
	if err != nil {
		t.Fatal(firstLines(err, 10))
	}
	var host devserver.Site
	if err := host.Set(res.Files); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(&host)
	t.Cleanup(srv.Close)
	return srv
}

// overlay is a project with some files replaced.
type overlay struct {
	fs.FS
	over fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.over[name]; ok {
		return o.over.Open(name)
	}
	return o.FS.Open(name)
}

// standIn is a stand-in for the postcode service: it knows one postcode.
type standIn struct {
	mu   sync.Mutex
	down bool
	asks []string
}

func (s *standIn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.asks = append(s.asks, r.URL.Path)
	down := s.down
	s.mu.Unlock()
	w.Header().Set("Access-Control-Allow-Origin", "*")
	switch {
	case down:
		http.Error(w, `{"status":500,"error":"down"}`, http.StatusInternalServerError)
	case r.URL.Path == "/postcodes/WD61WA":
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"status":200,"result":{"postcode":"WD6 1WA","codes":{"admin_district":"E07000098","admin_county":"E10000015"}}}`))
	default:
		http.Error(w, `{"status":404,"error":"Postcode not found"}`, http.StatusNotFound)
	}
}

func TestPostcodeLookup(t *testing.T) {
	service := &standIn{}
	api := httptest.NewServer(service)
	defer api.Close()
	srv := postcodeSite(t, api.URL)
	ctx, _ := newTab(t)
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/search/")); err != nil {
		t.Fatal(err)
	}
	typeQuery(t, ctx, "WD6 1WA")
	// Nothing is sent until the user asks: not even on Enter, which moves
	// to the button instead.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "\r")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "postcode-lookup" {
		t.Errorf("after Enter on a postcode, focus is on %q, want the Look up button", focused)
	}
	service.mu.Lock()
	asked := len(service.asks)
	service.mu.Unlock()
	if asked != 0 {
		t.Fatalf("the postcode was sent before the button was pressed: %v", service.asks)
	}
	say, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("postcode").checkVisibility() ? document.getElementById("postcode").textContent : ""`))
	if err != nil || !strings.Contains(say, "Only the postcode is sent, and only if you press the button") || !strings.Contains(say, "127.0.0.1") {
		t.Errorf("the postcode panel says %q, want it to say where the postcode goes", say)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("postcode-lookup")), chromedp.WaitVisible(`//h1[text()="Hertsmere Borough Council"]`)); err != nil {
		t.Fatalf("looking up WD6 1WA did not open Hertsmere's page: %v", err)
	}

	// When the service is down, the page says so and the list still works.
	service.mu.Lock()
	service.down = true
	service.mu.Unlock()
	if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/search/")); err != nil {
		t.Fatal(err)
	}
	typeQuery(t, ctx, "WD6 1WA")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("postcode-lookup"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("postcode-result").textContent.includes("still works")`)); err != nil {
		t.Fatalf("with the service down, the page never said the list still works: %v", err)
	}
	msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("postcode-result").textContent`))
	if !strings.Contains(msg, "did not answer") {
		t.Errorf("with the service down the page says %q", msg)
	}
	if st := typeQuery(t, ctx, "Borehamwood"); len(st.Results) == 0 || st.Results[0] != "Hertsmere Borough Council" {
		t.Errorf("after a failed lookup, searching by town: %q", st.Results)
	}
}
