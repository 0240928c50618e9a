package e2e

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/localoffer/localoffer/internal/render"
)

// TestSortByAllowance sorts the money table by the setting-up-home
// allowance: the largest comes first, and every council not known last.
func TestSortByAllowance(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/compare/money/", false)
	// The national page links the regions' tables; one tap puts every
	// council in one table.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-national] button"))); err != nil {
		t.Fatalf("asking for every council in one table: %v", err)
	}
	until(t, ctx, "every council's row", `Promise.resolve(document.querySelectorAll("#table tbody tr").length === `+strconv.Itoa(len(built.Site.Councils))+`)`)
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#table tbody th a")].map((a) => a.getAttribute("href")).filter((h) => !/^\.\.\/\.\.\/councils\/[a-z-]+\/index\.html$/.test(h)).slice(0, 3)`))
	if err != nil || len(bad) > 0 {
		t.Errorf("in the table of every council, these links do not lead to council pages from this page: %v %v", bad, err)
	}
	col := `//th[@scope="col"]/button[text()="Setting-up-home allowance"]`
	if err := chromedp.Do(ctx, chromedp.WaitVisible(col), chromedp.Click(col)); err != nil {
		t.Fatalf("clicking the column's heading: %v", err)
	}
	type state struct {
		Sort   string   `json:"sort"`
		First  []string `json:"first"`
		Keys   []int    `json:"keys"`
		Tools  bool     `json:"tools"`
		Amount int      `json:"amount"`
	}
	st, err := chromedp.Run(ctx, chromedp.Evaluate[state](`(() => {
  const th = [...document.querySelectorAll("th[scope=col]")].find((th) => th.textContent.startsWith("Setting-up-home allowance"));
  const rows = [...document.querySelectorAll("#table tbody tr")].filter((r) => !r.hidden);
  const col = [...th.parentNode.children].indexOf(th);
  return {
    sort: th.getAttribute("aria-sort"),
    first: rows.slice(0, 3).map((r) => r.cells[0].textContent.trim() + " | " + r.cells[col].textContent.trim()),
    keys: rows.map((r) => Number(r.cells[col].dataset.sort || 0)),
    amount: Math.max(...rows.map((r) => Number((r.cells[col].textContent.match(/£([\d,]+)/) || ["", "0"])[1].replace(/,/g, "")))),
    tools: document.querySelector("[data-table-tools]").checkVisibility(),
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if st.Sort != "descending" {
		t.Errorf("aria-sort = %q, want descending", st.Sort)
	}
	// The largest allowance comes first, and every row after it is no larger.
	if len(st.First) == 0 || st.Amount < 2000 || !strings.Contains(st.First[0], render.Money(st.Amount)) {
		t.Errorf("after sorting by the allowance, the first rows are %q; want the largest, %s, first", st.First, render.Money(st.Amount))
	}
	for i := 1; i < len(st.Keys); i++ {
		if st.Keys[i] > st.Keys[i-1] {
			t.Errorf("row %d sorts above row %d (%d > %d) after sorting largest first", i+1, i, st.Keys[i], st.Keys[i-1])
			break
		}
	}
	if !st.Tools {
		t.Error("the table's filters are not shown with JavaScript")
	}

	// Filter to known answers in the East Midlands.
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("f-region"), "east-midlands"), chromedp.Click(chromedp.ID("f-known"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("f-region").dispatchEvent(new Event("change")), true)`)); err != nil {
		t.Fatal(err)
	}
	type filtered struct {
		Shown []string `json:"shown"`
		Want  int      `json:"want"`
	}
	f, err := chromedp.Run(ctx, chromedp.Evaluate[filtered](`(() => {
  const rows = [...document.querySelectorAll("#table tbody tr")];
  return {
    shown: rows.filter((r) => !r.hidden).map((r) => r.cells[0].textContent.trim()),
    want: rows.filter((r) => r.dataset.region === "east-midlands" && Number(r.dataset.known) > 0).length,
  };
})()`))
	if err != nil {
		t.Fatal(err)
	}
	shown := strings.Join(f.Shown, ",")
	if len(f.Shown) == 0 || len(f.Shown) != f.Want || !strings.Contains(shown, "Leicester City Council") || strings.Contains(shown, "Hertsmere") {
		t.Errorf("East Midlands councils with known answers: %d shown, want the %d with answers: %q", len(f.Shown), f.Want, f.Shown)
	}
	// Sorting by council name goes A to Z, then Z to A (all East Midlands councils).
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("f-known"))); err != nil {
		t.Fatal(err)
	}
	name := `//th[@scope="col"]/button[text()="Council"]`
	for _, order := range []string{"ascending", "descending"} {
		if err := chromedp.Do(ctx, chromedp.Click(name)); err != nil {
			t.Fatal(err)
		}
		names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#table tbody tr")].filter((r) => !r.hidden).map((r) => r.cells[0].textContent.trim())`))
		if err != nil {
			t.Fatal(err)
		}
		sorted := slices.IsSortedFunc(names, func(a, b string) int {
			if order == "descending" {
				a, b = b, a
			}
			return strings.Compare(a, b)
		})
		if len(names) < 2 || !sorted {
			t.Errorf("sorted by name, %s: %q", order, names)
		}
	}
	checkClean(t, ctx, rec, "/compare/money/ after sorting and filtering")
}

// TestCompareChosenCouncils opens ?c=leicester,hertsmere and finds both side
// by side, question by question; on a phone they stack.
func TestCompareChosenCouncils(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/compare/councils/?c=leicester,hertsmere", false)
	// The chosen councils' answers load when they are chosen.
	until(t, ctx, "the comparison", `Promise.resolve(!!document.querySelector("#comparison h2"))`)
	type state struct {
		Heading string   `json:"heading"`
		Tax     []string `json:"tax"`
		Columns int      `json:"columns"`
		Chosen  []string `json:"chosen"`
	}
	probe := `(() => {
  const h4 = [...document.querySelectorAll("#comparison h4")].find((h) => h.textContent === "Exempt from council tax");
  const dl = h4 && h4.nextElementSibling;
  return {
    heading: (document.querySelector("#comparison h2") || {}).textContent || "",
    tax: dl ? [...dl.children].map((d) => d.textContent.trim()) : [],
    columns: dl ? getComputedStyle(dl).gridTemplateColumns.split(" ").filter(Boolean).length : 0,
    chosen: [...document.querySelectorAll("form[data-compare] select")].map((s) => s.value),
  };
})()`
	st, err := chromedp.Run(ctx, chromedp.Evaluate[state](probe))
	if err != nil {
		t.Fatal(err)
	}
	if st.Heading != "Leicester City Council, Hertsmere Borough Council" {
		t.Errorf("comparison heading %q", st.Heading)
	}
	if len(st.Tax) != 2 || !strings.HasPrefix(st.Tax[0], "Leicester City Council✓ Yes until your 25th birthday") || !strings.HasPrefix(st.Tax[1], "Hertsmere Borough Council✗ No") {
		t.Errorf("council tax side by side: %q", st.Tax)
	}
	if st.Columns != 2 {
		t.Errorf("on a wide screen the answers are in %d columns, want 2 side by side", st.Columns)
	}
	if len(st.Chosen) < 2 || st.Chosen[0] != "leicester" || st.Chosen[1] != "hertsmere" {
		t.Errorf("the picker does not show the choice from the address: %q", st.Chosen)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 800)); err != nil {
		t.Fatal(err)
	}
	if st, _ = chromedp.Run(ctx, chromedp.Evaluate[state](probe)); st.Columns > 1 {
		t.Errorf("at 320px the answers are in %d columns, want them stacked", st.Columns)
	}
	checkClean(t, ctx, rec, "/compare/councils/?c=leicester,hertsmere")
}
