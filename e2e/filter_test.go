package e2e

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

type filterState struct {
	BoxVisible bool            `json:"boxVisible"`
	Links      int             `json:"links"`   // council links in the list
	Visible    int             `json:"visible"` // of them, how many are shown
	Status     string          `json:"status"`
	Shown      map[string]bool `json:"shown"` // by link text
	LetterL    bool            `json:"letterL"`
}

// filterProbe reads the state of the A–Z page's list and filter.
const filterProbe = `(() => {
  const links = [...document.querySelectorAll(".councils li a")];
  const shown = {};
  for (const a of links) shown[a.textContent.trim()] = a.checkVisibility();
  const box = document.getElementById("filter");
  const status = document.querySelector("[data-filter] [role=status]");
  const l = document.getElementById("letter-L");
  return {
    boxVisible: !!box && box.checkVisibility(),
    links: links.length,
    visible: links.filter((a) => a.checkVisibility()).length,
    status: status ? status.textContent.trim() : "(no role=status element)",
    shown,
    letterL: !!l && l.checkVisibility(),
  };
})()`

var foundStatus = regexp.MustCompile(`^(\d+) councils? found$`)

// TestFilter types into the A–Z page's filter box, which the script shows.
func TestFilter(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/councils/", false)
	if err := chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.ID("filter")),
		chromedp.SendKeys(chromedp.ID("filter"), "hert"),
	); err != nil {
		t.Fatalf("typing into #filter: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector("[data-filter] [role=status]").textContent !== ""`)); err != nil {
		t.Fatalf("waiting for the filter's status message: %v", err)
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[filterState](filterProbe))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"Hertsmere Borough Council":    true,
		"Hertfordshire County Council": true,
		"Leicester City Council":       false,
	} {
		shown, ok := st.Shown[name]
		switch {
		case !ok:
			t.Errorf("the A–Z list has no link %q", name)
		case shown != want:
			t.Errorf("after typing \"hert\": %q shown = %v, want %v", name, shown, want)
		}
	}
	if st.LetterL {
		t.Errorf(`after typing "hert": the heading "L" is shown, but no council under it matches`)
	}
	if st.Visible == 0 || st.Visible >= st.Links {
		t.Errorf(`after typing "hert": %d of %d councils shown, want some but not all`, st.Visible, st.Links)
	}
	t.Logf(`after typing "hert": %d of %d councils shown; the status region says %q`, st.Visible, st.Links, st.Status)
	m := foundStatus.FindStringSubmatch(st.Status)
	if m == nil {
		t.Fatalf(`after typing "hert": the status region says %q, want "N councils found"`, st.Status)
	}
	if n, _ := strconv.Atoi(m[1]); n != st.Visible {
		t.Errorf(`after typing "hert": the status region says %q, but %d councils are shown`, st.Status, st.Visible)
	}
	checkClean(t, ctx, rec, "/councils/ after filtering")
}

// TestFilterWithoutJavaScript checks that the A–Z page is complete without
// JavaScript and hides the filter box that would not work.
func TestFilterWithoutJavaScript(t *testing.T) {
	ctx, rec := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("disabling JavaScript: %v", err)
	}
	load(t, ctx, rec, "/councils/", false)
	st, err := chromedp.Run(ctx, chromedp.Evaluate[filterState](filterProbe))
	if err != nil {
		t.Fatal(err)
	}
	want := len(built.Site.Councils)
	t.Logf("without JavaScript: %d council links, %d shown, of %d councils in the site; filter box shown: %v", st.Links, st.Visible, want, st.BoxVisible)
	if st.Links != want || st.Visible != want {
		t.Errorf("without JavaScript the A–Z list has %d council links, %d of them shown; want all %d", st.Links, st.Visible, want)
	}
	if st.BoxVisible {
		t.Error("without JavaScript the filter box #filter is shown; it must stay hidden, as it can not work")
	}
	if problems := rec.take(); len(problems) > 0 {
		t.Errorf("without JavaScript, /councils/ had problems: %q", problems)
	}
}
