package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// recorder collects the problems a tab reports: console errors, uncaught
// exceptions, browser log errors (such as security policy violations),
// failed requests and responses with an error status. Its listen method runs
// on the tab's event loop, so it only appends under a lock.
type recorder struct {
	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string
	expect   string // the URL of a document that is meant to answer 404
}

func newRecorder() *recorder {
	return &recorder{urls: map[network.RequestID]string{}}
}

// reset forgets what was recorded, before a new load. expect404 is the URL
// of the one document that is meant to answer 404 (the not-found page), or "".
func (r *recorder) reset(expect404 string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.problems = nil
	r.expect = expect404
}

// take returns what was recorded since the last reset.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.problems...)
}

func (r *recorder) add(format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			r.add("console.%s: %s", ev.Type, remoteArgs(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		r.add("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text)
	case *cdplog.EventEntryAdded:
		e := ev.Entry
		if e.Level != cdplog.EntryLevelError {
			return
		}
		// The not-found page answers 404 on purpose; Chromium logs it.
		if r.expect != "" && e.Source == cdplog.EntrySourceNetwork && e.URL == r.expect {
			return
		}
		r.add("browser log (%s): %s%s", e.Source, e.Text, where(e.URL, e.LineNumber))
	case *network.EventRequestWillBeSent:
		r.urls[ev.RequestID] = ev.Request.URL
	case *network.EventLoadingFailed:
		msg := ev.ErrorText
		if ev.BlockedReason != "" {
			msg += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		if ev.CorsErrorStatus != nil {
			msg += " (CORS: " + string(ev.CorsErrorStatus.CorsError) + ")"
		}
		r.add("request failed: %s %s: %s", ev.Type, r.urls[ev.RequestID], msg)
	case *network.EventResponseReceived:
		resp := ev.Response
		if resp.Status < 400 {
			return
		}
		if resp.Status == 404 && ev.Type == network.ResourceTypeDocument && resp.URL == r.expect {
			return
		}
		r.add("response %d %s for %s %s", resp.Status, resp.StatusText, ev.Type, resp.URL)
	}
}

func where(url string, line int64) string {
	if url == "" {
		return ""
	}
	return fmt.Sprintf(" (%s:%d)", url, line+1)
}

// remoteArgs formats console arguments for a message.
func remoteArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString && len(a.Value) > 0:
			s := string(a.Value)
			if u, ok := unquote(s); ok {
				s = u
			}
			parts = append(parts, s)
		case a.Description != "":
			parts = append(parts, a.Description)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func unquote(s string) (string, bool) {
	var out string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return "", false
	}
	return out, true
}

// load opens path of the test server in the tab, checks the document's
// status (200, or 404 when notFound) and its Content-Security-Policy header,
// and waits until the page has settled. The tab's recorder then holds the
// problems of the load.
func load(t *testing.T, ctx context.Context, rec *recorder, path string, notFound bool) {
	t.Helper()
	url := pageURL(path)
	expect := ""
	if notFound {
		expect = url
	}
	rec.reset(expect)
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	want := int64(200)
	if notFound {
		want = 404
	}
	if resp.Status != want {
		t.Errorf("%s answered %d %s, want %d", path, resp.Status, resp.StatusText, want)
	}
	wantCSP := policy()
	if got := header(resp.Headers, "Content-Security-Policy"); got != wantCSP {
		t.Errorf("%s: Content-Security-Policy header\n got: %q\nwant: %q (publish.Policy of site.yaml's postcode_api)", path, got, wantCSP)
	}
	settle(t, ctx)
}

// settle waits until the document has loaded, so that its scripts (module
// scripts run before the load event) have run, and lets the events the
// browser has already sent reach the recorder. It polls from Go rather than
// in the page, because a page with JavaScript disabled runs no callbacks.
// This is not a timing check: nothing passes or fails on how long anything
// takes.
func settle(t *testing.T, ctx context.Context) {
	t.Helper()
	for {
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState`))
		if err != nil {
			t.Fatalf("waiting for the page to load: %v", err)
		}
		if state == "complete" {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
}

// header returns the value of a response header, whatever the case of its name.
func header(h network.Headers, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// pageProblems returns every problem the page has had since the last load:
// what the recorder saw and the securitypolicyviolation events the document
// recorded.
func pageProblems(ctx context.Context, rec *recorder) ([]string, error) {
	problems := rec.take()
	csp, err := cspViolations(ctx)
	if err != nil {
		return problems, fmt.Errorf("reading the security policy violations: %w", err)
	}
	for _, v := range csp {
		problems = append(problems, "securitypolicyviolation: "+v)
	}
	return problems, nil
}

// checkClean fails the test with every problem the page has had since the
// last load.
func checkClean(t *testing.T, ctx context.Context, rec *recorder, what string) {
	t.Helper()
	problems, err := pageProblems(ctx, rec)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) > 0 {
		t.Errorf("%s: %d problem(s):\n  %s", what, len(problems), strings.Join(problems, "\n  "))
	}
}
