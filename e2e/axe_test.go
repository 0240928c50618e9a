package e2e

import (
	"context"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, vendored: see testdata/README.md.
//
//go:embed testdata/axe.min.js
var axeSource string

// axeSHA256 is the digest of testdata/axe.min.js (axe-core 4.14.1).
const axeSHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"

// axeTags are the rule sets the pages must pass: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeResult is what runAxe keeps of axe-core's results.
type axeResult struct {
	Version    string         `json:"version"`
	Violations []axeViolation `json:"violations"`
	Incomplete []axeViolation `json:"incomplete"` // "needs review": axe could not decide
	Passes     int            `json:"passes"`
}

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s\n    %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    - %s\n      %s", n.Target, shorten(n.HTML, 200))
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n      %s", strings.ReplaceAll(shorten(n.Summary, 400), "\n", "\n      "))
		}
	}
	return b.String()
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// axeRun runs axe-core in the page and returns only what the Go side needs.
const axeRun = `(async (tags) => {
  const target = (t) => t.map((p) => Array.isArray(p) ? p.join(" >>> ") : String(p)).join(" ");
  const shape = (v) => ({
    id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({target: target(n.target), html: n.html, summary: n.failureSummary || ""})),
  });
  const r = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return {version: axe.version, violations: r.violations.map(shape), incomplete: r.incomplete.map(shape), passes: r.passes.length};
})(%s)`

// runAxe evaluates axe-core in the current document of the tab and runs it
// with axeTags. The source goes in through the DevTools protocol
// (Runtime.evaluate), which the page's Content-Security-Policy does not
// govern, so the page's strict policy stays as it is.
func runAxe(ctx context.Context) (axeResult, error) {
	if sum := sha256.Sum256([]byte(axeSource)); hex.EncodeToString(sum[:]) != axeSHA256 {
		return axeResult{}, fmt.Errorf("testdata/axe.min.js has SHA-256 %x, want %s: see testdata/README.md", sum, axeSHA256)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axeSource+"\n;undefined")); err != nil {
		return axeResult{}, fmt.Errorf("loading axe-core: %w", err)
	}
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	res, err := chromedp.Run(ctx, chromedp.Evaluate[axeResult](fmt.Sprintf(axeRun, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		return axeResult{}, fmt.Errorf("running axe-core: %w", err)
	}
	return res, nil
}

// checkAxe fails the test with every axe-core violation in the current
// document, and logs the rules axe-core could not decide.
func checkAxe(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	res, err := runAxe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res.Passes == 0 {
		t.Fatalf("%s: axe-core %s passed no rules at all; it did not check the page", path, res.Version)
	}
	for _, v := range res.Incomplete {
		targets := make([]string, 0, 5)
		for _, n := range v.Nodes[:min(len(v.Nodes), 5)] {
			targets = append(targets, n.Target)
		}
		reason := ""
		if len(v.Nodes) > 0 {
			reason = strings.ReplaceAll(shorten(v.Nodes[0].Summary, 300), "\n", " ")
		}
		t.Logf("%s: axe-core could not decide %s (%s) for %d element(s), such as %s; check by hand. %s",
			path, v.ID, v.Help, len(v.Nodes), strings.Join(targets, ", "), reason)
	}
	if len(res.Violations) == 0 {
		return
	}
	msgs := make([]string, len(res.Violations))
	for i, v := range res.Violations {
		msgs[i] = v.String()
	}
	t.Errorf("%s: axe-core %s found %d violation(s) of %s:\n  %s", path, res.Version, len(res.Violations),
		strings.Join(axeTags, ", "), strings.Join(msgs, "\n  "))
}
