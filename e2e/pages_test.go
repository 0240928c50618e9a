package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/localoffer/localoffer/internal/publish"
)

// policy is the Content-Security-Policy every response must carry.
func policy() string { return publish.Policy(config.PostcodeAPI) }

// templates are one page of each kind the site has.
var templates = []struct {
	name     string // also the screenshot's file name
	path     string
	notFound bool // the 404 page, served for a missing path
}{
	{"home", "/", false},
	{"council-unitary-leicester", "/councils/leicester/", false},
	{"council-district-hertsmere", "/councils/hertsmere/", false},
	{"council-county-hertfordshire", "/councils/hertfordshire/", false},
	{"council-joint-member-rushcliffe", "/councils/rushcliffe/", false},
	{"council-no-data-isles-of-scilly", "/councils/isles-of-scilly/", false},
	{"joint-nottinghamshire", "/joint/nottinghamshire/", false},
	{"region-east-midlands", "/regions/east-midlands/", false},
	{"councils-a-z", "/councils/", false},
	{"page-about", "/about/", false},
	{"not-found", "/no/such/page/", true},
	// Search and comparison.
	{"search", "/search/", false},
	{"compare", "/compare/", false},
	{"table-council-tax", "/compare/council-tax/", false},
	{"table-council-tax-east-midlands", "/compare/council-tax/east-midlands/", false},
	{"picker", "/compare/councils/", false},
	{"your-offer", "/your-offer/?looked-after=leicester&live=hertsmere", false},
	{"picture", "/picture/", false},
	{"map-council-tax", "/maps/council-tax-exempt/", false},
	{"law", "/law/", false},
	{"law-area-financial-literacy", "/law/financial-literacy/", false},
	{"offline", "/offline/", false},
}

// TestPages checks one page of every template, each in its own tab:
// a clean load, axe-core, the skip link and the layout at 320 CSS pixels.
func TestPages(t *testing.T) {
	for _, tc := range templates {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx, rec := newTab(t)

			t.Run("clean load", func(t *testing.T) {
				load(t, ctx, rec, tc.path, tc.notFound)
				checkClean(t, ctx, rec, tc.path)
			})

			t.Run("axe", func(t *testing.T) {
				load(t, ctx, rec, tc.path, tc.notFound)
				checkAxe(t, ctx, tc.path)
				checkClean(t, ctx, rec, tc.path+" after axe-core")
			})

			t.Run("skip link", func(t *testing.T) {
				load(t, ctx, rec, tc.path, tc.notFound)
				checkSkipLink(t, ctx, tc.path)
			})

			t.Run("320px", func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800)); err != nil {
					t.Fatal(err)
				}
				defer chromedp.Do(ctx, chromedp.ResetViewport())
				load(t, ctx, rec, tc.path, tc.notFound)
				checkNarrow(t, ctx, tc.path)
				checkClean(t, ctx, rec, tc.path+" at 320px")
				screenshot(t, ctx, tc.name+"-320.png")
			})
		})
	}
}

// focusStyle is what makes focus visible on an element.
type focusStyle struct {
	Outline    string `json:"outline"`
	OutlineVis bool   `json:"outlineVisible"` // a drawn outline: a style, a width and a colour that is not transparent
	BoxShadow  string `json:"boxShadow"`
	Background string `json:"background"`
}

type focusState struct {
	Tag     string     `json:"tag"`
	Href    string     `json:"href"`
	Text    string     `json:"text"`
	Focused focusStyle `json:"focused"`
	Blurred focusStyle `json:"blurred"`
	OnPage  bool       `json:"onScreen"` // the focused element is inside the viewport
	Rect    string     `json:"rect"`
}

// focusProbe describes the focused element as it looks focused and blurred,
// and focuses it again.
const focusProbe = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return {tag: ""};
  const style = () => {
    const s = getComputedStyle(el);
    const transparent = /^(transparent|rgba\(.*,\s*0\))$/.test(s.outlineColor);
    return {
      outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor,
      outlineVisible: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !transparent,
      boxShadow: s.boxShadow,
      background: s.backgroundColor,
    };
  };
  const r = el.getBoundingClientRect();
  const out = {
    tag: el.tagName.toLowerCase(), href: el.getAttribute("href") || "", text: el.textContent.trim(),
    focused: style(),
    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    rect: [r.left, r.top, r.width, r.height].map(Math.round).join(","),
  };
  el.blur();
  out.blurred = style();
  el.focus();
  return out;
})()`

// checkSkipLink presses Tab once on a freshly loaded page and checks that
// the skip link to #main takes focus, shows it, and moves focus to main
// when followed.
func checkSkipLink(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	problems, err := skipLinkProblems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", path, p)
	}
}

// skipLinkProblems presses Tab, then Enter, in the current page and returns
// what is wrong with the skip link.
func skipLinkProblems(ctx context.Context) ([]string, error) {
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		return nil, err
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[focusState](focusProbe))
	if err != nil {
		return nil, err
	}
	if st.Tag == "" {
		return []string{"the first Tab focused nothing, want the skip link <a href=\"#main\">"}, nil
	}
	var problems []string
	if st.Tag != "a" || st.Href != "#main" {
		problems = append(problems, fmt.Sprintf("the first Tab focused <%s href=%q> %q, want the skip link <a href=\"#main\">",
			st.Tag, st.Href, shorten(st.Text, 60)))
	}
	if !st.OnPage {
		problems = append(problems, fmt.Sprintf("the focused element %q is not on screen (its box is %s; the viewport starts at 0,0)",
			shorten(st.Text, 60), st.Rect))
	}
	f, b := st.Focused, st.Blurred
	if !(f.OutlineVis && f.Outline != b.Outline) && !(f.BoxShadow != "none" && f.BoxShadow != b.BoxShadow) && f.Background == b.Background {
		problems = append(problems, fmt.Sprintf("the focused element %q looks the same as when not focused: outline %s, box-shadow %s, background %s",
			shorten(st.Text, 60), f.Outline, f.BoxShadow, f.Background))
	}
	// Following the skip link moves focus to the main content.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		return nil, err
	}
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.tagName.toLowerCase() + "#" + document.activeElement.id : ""`))
	if err != nil {
		return nil, err
	}
	if id != "main#main" {
		problems = append(problems, fmt.Sprintf("after Enter on the first tab stop, focus is on %s, want main#main", id))
	}
	return problems, nil
}

type narrowLayout struct {
	ClientWidth int      `json:"clientWidth"`
	ScrollWidth int      `json:"scrollWidth"`
	Wide        []string `json:"wide"`      // elements reaching past the right edge, outside a .scroll box
	Scrollers   []string `json:"scrollers"` // elements that scroll sideways but are not a .scroll box
}

// narrowProbe measures the page and names what is too wide.
const narrowProbe = `(() => {
  const vw = document.documentElement.clientWidth;
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    for (const c of el.classList) s += "." + c;
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 50);
    return text ? s + " \"" + text + "\"" : s;
  };
  const scrollBox = (el) => el.classList.contains("scroll") && getComputedStyle(el).overflowX === "auto";
  const inScrollBox = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (scrollBox(p)) return true; return false; };
  const wide = [], scrollers = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const s = getComputedStyle(el);
    if (r.right > vw + 0.5 && !inScrollBox(el) && wide.length < 10) wide.push(name(el) + " reaches x=" + Math.round(r.right));
    if ((s.overflowX === "auto" || s.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1 && !scrollBox(el) && scrollers.length < 10)
      scrollers.push(name(el) + " scrolls " + el.scrollWidth + "px in " + el.clientWidth + "px");
  }
  return {clientWidth: vw, scrollWidth: document.documentElement.scrollWidth, wide, scrollers};
})()`

// checkNarrow checks that nothing scrolls sideways at 320 CSS pixels but a
// .scroll box.
func checkNarrow(t *testing.T, ctx context.Context, path string) { checkWidth(t, ctx, path, 320) }

// checkWidth checks that nothing scrolls sideways at width CSS pixels but
// a .scroll box.
func checkWidth(t *testing.T, ctx context.Context, path string, width int) {
	t.Helper()
	l, err := chromedp.Run(ctx, chromedp.Evaluate[narrowLayout](narrowProbe))
	if err != nil {
		t.Fatal(err)
	}
	if l.ClientWidth != width {
		t.Fatalf("%s: the viewport is %d CSS px wide, want %d: the emulation did not apply", path, l.ClientWidth, width)
	}
	if l.ScrollWidth > width {
		t.Errorf("%s at %dpx: the page is %d px wide and scrolls sideways; too wide:\n  %s", path, width, l.ScrollWidth, strings.Join(l.Wide, "\n  "))
	}
	if len(l.Scrollers) > 0 {
		t.Errorf("%s at %dpx: only a box with class \"scroll\" and overflow-x: auto may scroll sideways; these do too:\n  %s", path, width, strings.Join(l.Scrollers, "\n  "))
	}
}

// screenshot saves a full-page screenshot of the tab as a PNG file in the
// output folder.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir, err := outDir()
	if err != nil {
		t.Fatalf("screenshot folder: %v", err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}
