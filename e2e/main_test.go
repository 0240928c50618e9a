package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/devserver"
	"github.com/localoffer/localoffer/internal/history"
	"github.com/localoffer/localoffer/internal/site"
)

// buildDate is the fixed date of the test build, so that which answers are
// marked out of date does not change from day to day.
var buildDate = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

// project is the repository: the real content, layouts and static files.
var project = os.DirFS("..")

// Set up once by TestMain for every test.
var (
	built  *build.Result    // the real site, built in memory
	config site.Config      // the site's settings, from site.yaml
	server *httptest.Server // serves built on 127.0.0.1 as a static host would

	chromium   string          // path of the browser, or "" when none is installed
	browserCtx context.Context // the one browser of the package; nil when it did not start
	browserErr error           // why the browser did not start
)

// The messages for a missing browser.
const (
	skipNoChromium  = "chromium not found; install it or set LOCALOFFER_E2E=1 to require it"
	fatalNoChromium = "chromium not found, and LOCALOFFER_E2E=1 requires it: install it " +
		"(apt-get install chromium fonts-liberation), set LOCALOFFER_CHROMIUM to its path, " +
		"or unset LOCALOFFER_E2E to skip these tests"
)

// required reports whether the browser tests must run rather than skip.
func required() bool { return os.Getenv("LOCALOFFER_E2E") == "1" }

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	// Without a browser every test skips (or fails, with LOCALOFFER_E2E=1)
	// in newTab, before it needs the site.
	if chromium = findChromium(); chromium == "" {
		return m.Run()
	}
	var err error
	// The content's history, where the repository has it, for the
	// councils' feeds; a shallow clone builds without.
	log, _ := history.Read("..", buildDate)
	if built, err = build.Site(project, buildDate, build.WithHistory(func() *history.Log { return log })); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: building the site from the repository: %s\n", firstLines(err, 20))
		return 1
	}
	if config, err = site.LoadConfig(project); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		return 1
	}
	var host devserver.Site
	if err := host.Set(built.Files); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: serving the site: %v\n", err)
		return 1
	}
	server = httptest.NewServer(&host) // listens on 127.0.0.1 only
	defer server.Close()

	profile, err := os.MkdirTemp("", "localoffer-e2e-profile-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		return 1
	}
	defer os.RemoveAll(profile)
	ctx, stop := startBrowser(chromium, profile)
	defer stop()
	if browserErr == nil {
		browserCtx = ctx
	}
	return m.Run()
}

// firstLines returns the error's message, cut to n lines: a build error
// can list every page.
func firstLines(err error, n int) string {
	lines := strings.Split(err.Error(), "\n")
	if len(lines) <= n {
		return err.Error()
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n… and %d more lines", len(lines)-n)
}

// findChromium returns the path of the browser to test with, or "".
func findChromium() string {
	if p := os.Getenv("LOCALOFFER_CHROMIUM"); p != "" {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
		return ""
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// browserLog keeps what the browser prints, for the message when it does not
// start.
type browserLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *browserLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.b.Len() < 1<<16 {
		l.b.Write(p)
	}
	return len(p), nil
}

func (l *browserLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startBrowser starts one headless browser for the whole package, with a
// fresh profile, no network except 127.0.0.1, and nothing running in the
// background. It sets browserErr when the browser does not start.
func startBrowser(path, profile string) (context.Context, func()) {
	out := &browserLog{}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1024, 768),
		chromedp.CombinedOutput(out),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop := func() {
		cancel()
		cancelAlloc()
	}
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }() // the first Do starts the browser
	select {
	case browserErr = <-started:
	case <-time.After(time.Minute):
		browserErr = errors.New("it did not answer within a minute")
	}
	if browserErr != nil {
		if s := strings.TrimSpace(out.String()); s != "" {
			browserErr = fmt.Errorf("%w; it printed:\n%s", browserErr, s)
		}
	}
	return ctx, stop
}

// tabTimeout bounds everything one test does in its tab, so that a hung
// page fails the test instead of the whole run.
const tabTimeout = 2 * time.Minute

// newTab opens a new tab of the package's browser for the test and closes it
// when the test ends. The tab records every problem the page reports (see
// recorder) and every securitypolicyviolation event, into
// window.__cspViolations. newTab skips the test when there is no browser,
// unless LOCALOFFER_E2E=1.
func newTab(t *testing.T, opts ...chromedp.ContextOption) (context.Context, *recorder) {
	t.Helper()
	switch {
	case chromium == "" && required():
		t.Fatal(fatalNoChromium)
	case chromium == "":
		t.Skip(skipNoChromium)
	case browserErr != nil:
		t.Fatalf("starting %s: %v", chromium, browserErr)
	}
	rec := newRecorder()
	tabCtx, closeTab := chromedp.NewContext(browserCtx, append(opts, chromedp.WithListener(rec.listen))...)
	ctx, cancel := context.WithTimeout(tabCtx, tabTimeout)
	t.Cleanup(func() {
		cancel()
		closeTab()
	})
	if err := chromedp.Do(ctx); err != nil { // opens the tab
		t.Fatalf("opening a tab: %v", err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder}); err != nil {
		t.Fatalf("adding the security policy recorder: %v", err)
	}
	// Tabs run side by side; each must behave as the focused one so that
	// the keyboard and :focus-visible work as they do for a person.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatalf("emulating focus: %v", err)
	}
	return ctx, rec
}

// cspRecorder runs in every document before the page's own scripts and
// records each securitypolicyviolation event the document sees.
const cspRecorder = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "(inline)") +
    (e.sourceFile ? " at " + e.sourceFile + ":" + e.lineNumber : "") + (e.sample ? ": " + e.sample : ""));
}, true);`

// cspViolations returns the violations the current document recorded. A
// document where the recorder did not run is a violation too, so that the
// check can not pass by accident.
func cspViolations(ctx context.Context) ([]string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.isArray(window.__cspViolations) ? window.__cspViolations : ["the securitypolicyviolation recorder did not run in this document"]`))
}

// pageURL is the address of a page of the test server.
func pageURL(path string) string { return server.URL + path }

// outDir returns the folder for screenshots, creating it: LOCALOFFER_E2E_OUT
// or localoffer-e2e in the system's temporary folder.
var outDir = sync.OnceValues(func() (string, error) {
	dir := os.Getenv("LOCALOFFER_E2E_OUT")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "localoffer-e2e")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	return dir, os.MkdirAll(dir, 0o755)
})
