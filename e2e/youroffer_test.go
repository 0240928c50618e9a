package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// twoCouncils is what the two-council page shows for one choice.
type twoCouncils struct {
	Heading string   `json:"heading"`
	Care    []string `json:"care"`
	Home    []string `json:"home"`
	Tax     []string `json:"tax"`
	Address string   `json:"address"`
}

const twoProbe = `(() => {
  const lists = [...document.querySelectorAll("#your-offer ul")];
  const texts = (ul) => ul ? [...ul.querySelectorAll("li")].map((li) => li.textContent.replace(/\s+/g, " ").trim()) : [];
  return {
    heading: (document.querySelector("#your-offer h2") || {}).textContent || "",
    care: texts(lists[0]), home: texts(lists[1]), tax: texts(lists[2]),
    address: location.search,
  };
})()`

func readTwo(t *testing.T, path string) twoCouncils {
	t.Helper()
	ctx, rec := newTab(t)
	load(t, ctx, rec, path, false)
	until(t, ctx, "the two councils' offer", `Promise.resolve(!!document.getElementById("result"))`)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[twoCouncils](twoProbe))
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, ctx, rec, path)
	return got
}

func anyHas(items []string, parts ...string) bool { return hasItem(items, parts...) }

// TestYourOfferFromTwoCouncils: someone looked after by one council and
// living in another sees what each gives, and whether their council tax
// help applies to them.
func TestYourOfferFromTwoCouncils(t *testing.T) {
	lh := readTwo(t, "/your-offer/?looked-after=leicester&live=hertsmere")
	if !strings.Contains(lh.Heading, "Looked after by Leicester, living in Hertsmere") {
		t.Errorf("heading %q", lh.Heading)
	}
	if !anyHas(lh.Care, "£2,000", "set up your first home") {
		t.Errorf("the £2,000 does not come from Leicester: %q", lh.Care)
	}
	if !anyHas(lh.Tax, "Hertsmere does not exempt you from council tax") {
		t.Errorf("Hertsmere's council tax answer, no, is not shown: %q", lh.Tax)
	}
	for _, line := range lh.Tax {
		if strings.Contains(line, "Leicester") && strings.Contains(line, "applies to you") {
			t.Errorf("Leicester's exemption for its own care leavers is shown as applying in Hertsmere: %q", line)
		}
	}

	nr := readTwo(t, "/your-offer/?looked-after=nottinghamshire&live=rushcliffe")
	if !anyHas(nr.Home, "from Nottinghamshire joint local offer") {
		t.Errorf("the joint offer's items do not show for Rushcliffe: %q", nr.Home)
	}

	// Kent pays its care leavers' council tax outside Kent too; Medway's own
	// exemption is for anyone living there.
	km := readTwo(t, "/your-offer/?looked-after=kent&live=medway")
	if !anyHas(km.Tax, "Kent pays your council tax", "applies to you") {
		t.Errorf("Kent's payment does not show as applying in Medway: %q", km.Tax)
	}

	// Hertfordshire pays the council tax of care leavers it looked after,
	// from 18 until 21; Hertsmere's own answer is no, which must not hide it.
	hh := readTwo(t, "/your-offer/?looked-after=hertfordshire&live=hertsmere")
	if !anyHas(hh.Tax, "Hertfordshire pays your council tax from 18 until your 21st birthday", "applies to you") {
		t.Errorf("Hertfordshire's council tax help does not show as applying in Hertsmere: %q", hh.Tax)
	}
}

// TestYourOfferTyping: typing a council's name and a town works, and the
// address then holds the choice to share.
func TestYourOfferTyping(t *testing.T) {
	ctx, rec := newTab(t)
	load(t, ctx, rec, "/your-offer/", false)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("looked-after"), "Leicester City Council"),
		chromedp.SendKeys(chromedp.ID("live"), "Borehamwood"),
		chromedp.Click(`//button[text()="Show my offer"]`),
	); err != nil {
		t.Fatal(err)
	}
	// The two councils' answers load when they are chosen.
	until(t, ctx, "the two councils' offer", `Promise.resolve(!!document.getElementById("result"))`)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[twoCouncils](twoProbe))
	if err != nil {
		t.Fatal(err)
	}
	if got.Address != "?looked-after=leicester&live=hertsmere" || !strings.Contains(got.Heading, "living in Hertsmere") {
		t.Errorf("typing Leicester and Borehamwood gave %q at %q", got.Heading, got.Address)
	}
	checkClean(t, ctx, rec, "/your-offer/ after typing")
}

// TestYourOfferWithoutJavaScript: without JavaScript, choosing the two
// councils from the lists leads to both councils' pages.
func TestYourOfferWithoutJavaScript(t *testing.T) {
	ctx, rec := newTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	load(t, ctx, rec, "/your-offer/", false)
	for _, id := range []string{"a-leicester", "l-hertsmere"} {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("`+id+`").closest("details").open = true, true)`)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID(id))); err != nil {
			t.Fatalf("choosing %s: %v", id, err)
		}
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".radios a.go")].filter((a) => a.checkVisibility()).map((a) => a.getAttribute("href"))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 2 || !strings.Contains(links[0], "councils/leicester/") || !strings.Contains(links[1], "councils/hertsmere/") {
		t.Errorf("without JavaScript, the links shown after choosing are %q, want Leicester's page and Hertsmere's", links)
	}
	if problems := rec.take(); len(problems) > 0 {
		t.Errorf("without JavaScript, /your-offer/ had problems: %q", problems)
	}
}
