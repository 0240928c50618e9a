package render

import (
	"html"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

func TestLink(t *testing.T) {
	s := &site.Site{Config: site.DefaultConfig}
	s.Config.BasePath = "/offers/"
	for _, tc := range []struct{ kind, page, target, want string }{
		{"home", "", "", "index.html"},
		{"home", "", "councils/leicester/", "councils/leicester/index.html"},
		{"council", "councils/leicester/", "", "../../index.html"},
		{"council", "councils/leicester/", "councils/hertsmere/", "../../councils/hertsmere/index.html"},
		{"council", "councils/leicester/", "assets/style.0123456789.css", "../../assets/style.0123456789.css"},
		{"page", "about/", "regions/london/", "../regions/london/index.html"},
		// The 404 page is served at any address, so it links from the base path.
		{"404", "404.html", "", "/offers/"},
		{"404", "404.html", "councils/", "/offers/councils/"},
		{"404", "404.html", "assets/style.css", "/offers/assets/style.css"},
	} {
		p := &Page{Site: s, Kind: tc.kind, Path: tc.page}
		if got := p.Link(tc.target); got != tc.want {
			t.Errorf("from %q (%s): Link(%q) = %q, want %q", tc.page, tc.kind, tc.target, got, tc.want)
		}
	}
}

func TestMarkdownIsSafe(t *testing.T) {
	r := &Renderer{md: newMarkdown()}
	for _, tc := range []struct{ in, want, never string }{
		{"# Title\n\nText", "<h2>Title</h2>", "<h1"},
		{"###### Deep", "<h2>Deep</h2>", "<h6"},
		{"## Part\n\n### Sub", "<h2>Part</h2>\n<h3>Sub</h3>", "<h4"},
		{"# One\n\n###### Six", "<h2>One</h2>\n<h6>Six</h6>", "<h7"},
		{"<script>alert(1)</script>", "raw HTML omitted", "<script"},
		{"<img src=x onerror=alert(1)>", "", "onerror"},
		{"[click](javascript:alert(1))", "<p>click</p>", "<a"},
		{"[local](../councils/index.html)", "<p>local</p>", "<a"},
		{"[tel](tel:01234567890) [mail](mailto:foi@example.org) [top](#main)", `<a href="tel:01234567890">tel</a> <a href="mailto:foi@example.org">mail</a> <a href="#main">top</a>`, ""},
		{"![a chart](https://example.org/tracker.png)", "<p>a chart</p>", "<img"},
		{"<https://example.org/page>", `<a href="https://example.org/page">https://example.org/page</a>`, ""},
		{"<javascript:alert(1)>", "javascript:alert(1)", "<a"},
		{"[me](https://example.org/a?b=1&c=2)", `href="https://example.org/a?b=1&amp;c=2"`, ""},
		{"{{.Site}}", "{{.Site}}", ""},
	} {
		got, err := r.Markdown([]byte(tc.in))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), tc.want) {
			t.Errorf("%q gives %q, want it to contain %q", tc.in, got, tc.want)
		}
		if tc.never != "" && strings.Contains(string(got), tc.never) {
			t.Errorf("%q gives %q, which contains %q", tc.in, got, tc.never)
		}
	}
}

func ptr(n int) *int { return &n }

func TestFactsAndVerdicts(t *testing.T) {
	tax := offer.Lookup("council_tax.exempt")
	files := offer.Lookup("relationships.care_files_via_complaints")
	staff := offer.Lookup("org.employees")
	for _, tc := range []struct {
		q     *offer.Question
		a     offer.Answer
		facts string
		v     Verdict
	}{
		{tax, offer.Answer{Status: offer.Yes, ToAge: 25, Scope: offer.ScopeOwn}, "until your 25th birthday", Verdict{"✓", "Yes", "good"}},
		{tax, offer.Answer{Status: offer.No}, "", Verdict{"✗", "No", "bad"}},
		{tax, offer.Answer{Status: offer.Considering, FromAge: 18, ToAge: 21}, "from 18 until your 21st birthday", Verdict{"…", "Being considered", "maybe"}},
		{tax, offer.Answer{Status: offer.Unknown}, "", Verdict{"?", "The council did not say", "unknown"}},
		// Yes is bad news here: having to complain to see your own file. A
		// warning sign, never a cross beside "Yes".
		{files, offer.Answer{Status: offer.Yes}, "", Verdict{"!", "Yes", "bad"}},
		{files, offer.Answer{Status: offer.No}, "", Verdict{"✓", "No", "good"}},
		{staff, offer.Answer{Status: offer.Yes, Count: &offer.Range{Min: 340, Max: 340}, Approx: true}, "about 340", Verdict{"•", "Yes", "neutral"}},
		{offer.Lookup("org.apprentices_per_year"), offer.Answer{Status: offer.Yes, Count: &offer.Range{Min: 3, Max: 5}, Approx: true, Per: offer.PerYear}, "about 3 to 5 a year", Verdict{"•", "Yes", "neutral"}},
		{offer.Lookup("home.setup_allowance"), offer.Answer{Status: offer.Yes, GBP: ptr(2000)}, "£2,000", Verdict{"✓", "Yes", "good"}},
		{offer.Lookup("services.over_21_uptake"), offer.Answer{Status: offer.Yes, Pct: ptr(30)}, "30%", Verdict{"•", "Yes", "neutral"}},
		{offer.Lookup("driving.lessons"), offer.Answer{Status: offer.Yes, Basis: offer.BasisInPrinciple}, "", Verdict{"✓", "Yes", "good"}},
		{offer.Lookup("participation.in_care_council"), offer.Answer{Status: offer.Yes, More: &offer.More{Groups: []offer.Group{{Name: "Care Experienced Consultants", Ages: "16-25", Attendees: "5-6"}}}},
			"Care Experienced Consultants (ages 16 to 25, 5 to 6 regular members)", Verdict{"✓", "Yes", "good"}},
	} {
		if got := strings.Join(facts(&tc.a), "; "); got != tc.facts {
			t.Errorf("%s %+v: facts %q, want %q", tc.q.Key, tc.a, got, tc.facts)
		}
		if got := verdict(tc.q, &tc.a); got != tc.v {
			t.Errorf("%s %+v: verdict %+v, want %+v", tc.q.Key, tc.a, got, tc.v)
		}
	}
}

func TestNumbers(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 2000: "2,000", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Money(2000); got != "£2,000" {
		t.Errorf("Money(2000) = %q", got)
	}
}

// TestEscaperEscapesAsHTMLEscapeString: a page's request is escaped as it
// is written, exactly as html.EscapeString escapes it.
func TestEscaperEscapesAsHTMLEscapeString(t *testing.T) {
	for _, s := range []string{"", "plain", `Tom & Jerry's <b>"bold"</b>`, "£3,000 – é & ü\n", "&&&", "<"} {
		var b strings.Builder
		e := escaper{&b}
		e.WriteString(s[:len(s)/2])
		for i := len(s) / 2; i < len(s); i++ {
			e.WriteByte(s[i])
		}
		if got, want := b.String(), html.EscapeString(s); got != want {
			t.Errorf("%q: escaper gives %q, html.EscapeString %q", s, got, want)
		}
	}
}
