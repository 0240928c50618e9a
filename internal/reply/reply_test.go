package reply

import (
	"maps"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
)

// The replies the project started from (see testdata/README.md).
const (
	hertsmereReply = "testdata/hertsmere-2020.txt"
	leicesterReply = "testdata/leicester.txt"
)

func readSource(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// council is a council's answers as the project's content has them.
func council(t *testing.T, slug string) map[string]*offer.Answer {
	t.Helper()
	set, problems := content.Load(os.DirFS("../.."), time.Now())
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	for _, c := range set.Councils {
		if c.Slug == slug {
			return maps.Collect(c.Answers.All())
		}
	}
	t.Fatalf("no council %s", slug)
	return nil
}

// differ says how a found answer differs from the content's, or "".
func differ(got, want *offer.Answer) string {
	var d []string
	if got.Status != want.Status {
		d = append(d, "status "+got.Status.String()+", want "+want.Status.String())
	}
	if want.ToAge != 0 && got.ToAge != want.ToAge || got.ToAge != 0 && want.ToAge == 0 {
		d = append(d, "to_age")
	}
	if (want.GBP == nil) != (got.GBP == nil) || want.GBP != nil && *want.GBP != *got.GBP {
		d = append(d, "gbp")
	}
	if (want.Count == nil) != (got.Count == nil) || want.Count != nil && *want.Count != *got.Count {
		d = append(d, "count")
	}
	if got.Scope != 0 && got.Scope != want.Scope {
		d = append(d, "scope "+got.Scope.String()+", want "+want.Scope.String())
	}
	return strings.Join(d, "; ")
}

// compare reads a reply and checks its answers against the council's file:
// how many of the file's answers it finds, and that none is wrong.
func compare(t *testing.T, file, slug string) (found, total int) {
	res := Read(readSource(t, file))
	got := map[string]*offer.Answer{}
	for _, f := range res.Found {
		if f.Sure {
			a := f.Answer
			got[f.Question.Key] = &a
		}
	}
	for key, want := range council(t, slug) {
		if !offer.Lookup(key).Kind.IsAnswer() {
			continue
		}
		total++
		g := got[key]
		if g == nil {
			t.Logf("%s: not found", key)
			continue
		}
		found++
		if d := differ(g, want); d != "" {
			t.Errorf("%s: %s", key, d)
		}
	}
	for key := range got {
		if council(t, slug)[key] == nil && offer.Lookup(key).Kind.IsAnswer() {
			t.Errorf("%s: found an answer the council's file does not have", key)
		}
	}
	return found, total
}

func TestHertsmereReplyGivesItsFile(t *testing.T) {
	if found, total := compare(t, hertsmereReply, "hertsmere"); found != total {
		t.Errorf("found %d of Hertsmere's %d answers, want all", found, total)
	}
	src := Read(readSource(t, hertsmereReply)).Source
	if src.Ref != "HBC_FOI_20200126" || src.Received != (offer.Date{Year: 2020, Month: 2, Day: 4}) || src.Title != "Care Leaver Local Offer" {
		t.Errorf("source %+v", src)
	}
}

func TestLeicesterReplyGivesNearlyAllOfItsFile(t *testing.T) {
	found, total := compare(t, leicesterReply, "leicester")
	if found*10 < total*9 {
		t.Errorf("found %d of Leicester's %d answers, want at least 90%%", found, total)
	}
	t.Logf("found %d of %d", found, total)
	if src := Read(readSource(t, leicesterReply)).Source; src.Licence != "OGL-3.0" {
		t.Errorf("licence %q, want OGL-3.0 from the reply's re-use statement", src.Licence)
	}
}

func TestReadsWhatRepliesSay(t *testing.T) {
	for _, tc := range []struct {
		text, key string
		want      offer.Answer
	}{
		{"Do you provide council tax exemption for Care Leavers?  Yes\nIf yes up to what age\nuntil their 25th birthday", "council_tax.exempt", offer.Answer{Status: offer.Yes, ToAge: 25}},
		{"Have you exempted Care Leavers from Council Tax?\n\nThinking about it", "council_tax.exempt", offer.Answer{Status: offer.Considering}},
		{"Q12 Setting up home allowance\nDo you provide care leavers with a setting up allowance?  Yes\nIf yes, how much? £3,000", "home.setup_allowance", offer.Answer{Status: offer.Yes}},
		{"8. How many employees does your Local Authority employ?\nAnswer - circa 1,200", "org.employees", offer.Answer{Status: offer.Yes, Approx: true}},
		{"7. How many apprentices does your local authority provide each year?\nAnswer: Don't know", "org.apprentices_per_year", offer.Answer{Status: offer.Unknown}},
	} {
		res := Read(tc.text)
		var got *Found
		for i := range res.Found {
			if res.Found[i].Question.Key == tc.key {
				got = &res.Found[i]
			}
		}
		if got == nil || got.Answer.Status != tc.want.Status || got.Answer.ToAge != tc.want.ToAge || got.Answer.Approx != tc.want.Approx {
			t.Errorf("%q: %s = %+v, want %+v", tc.text, tc.key, got, tc.want)
		}
	}
	// Two amounts are not one for certain: a person must confirm.
	res := Read("Do you provide care leavers with a setting up allowance?\nIf yes, how much? £1,500 plus £500")
	for _, f := range res.Found {
		if f.Question.Key == "home.setup_allowance" && f.Answer.GBP != nil {
			t.Errorf("£1,500 plus £500 read as £%d", *f.Answer.GBP)
		}
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{hertsmereReply, leicesterReply} {
		f.Add(readSource(f, name))
	}
	f.Add("Q1 Have you published the Local Offer for Care Leavers?  Yes\nBus  Yes\nIf yes, how much? £2,000")
	f.Fuzz(func(t *testing.T, text string) {
		res := Read(text)
		for _, x := range res.Found {
			if x.Answer.Quote != "" && !strings.Contains(text, x.Answer.Quote) {
				t.Errorf("quote %q is not in the reply", x.Answer.Quote)
			}
			if n := len(strings.Fields(x.Answer.Quote)); n > offer.QuoteWords {
				t.Errorf("quote of %d words", n)
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	text := readSource(b, leicesterReply)
	for b.Loop() {
		Read(text)
	}
}

func TestSavedWebPage(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>FOI</title><script>var x = "Yes";</script></head><body>
<h1>Freedom of Information response</h1><p>Reference: FOI 4567</p>
<table><tr><td>Do you provide council tax exemption for Care Leavers?</td><td>Yes</td></tr>
<tr><td>If yes up to what age</td><td>21</td></tr></table>
<p>You may re-use the information under an Open Government Licence.</p></body></html>`
	text, err := Text("reply.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "var x") || strings.Contains(text, "<td>") {
		t.Errorf("the page's text has markup or script in it:\n%s", text)
	}
	res := Read(text)
	if len(res.Found) != 1 || res.Found[0].Question.Key != "council_tax.exempt" || res.Found[0].Answer.Status != offer.Yes || res.Found[0].Answer.ToAge != 21 {
		t.Errorf("found %+v in\n%s", res.Found, text)
	}
	if res.Source.Licence != "OGL-3.0" || res.Source.Ref != "FOI 4567" {
		t.Errorf("source %+v, want reference FOI 4567 and the Open Government Licence", res.Source)
	}
	// Plain text passes as it is.
	if got, err := Text("reply.txt", []byte("Q1 Answer: Yes")); err != nil || got != "Q1 Answer: Yes" {
		t.Errorf("plain text became %q", got)
	}
}

func TestDraftKeepsAFileSavedWithWindowsLineEnds(t *testing.T) {
	file := "---\r\nschema: 1\r\ngss: E06000016\r\nname: Leicester City Council\r\n---\r\nOur own words.\r\n"
	out, _, err := Draft([]byte(file), Read(readSource(t, leicesterReply)))
	if err != nil {
		t.Fatalf("draft of a file with Windows line ends: %v", err)
	}
	if !strings.HasSuffix(string(out), "\n---\nOur own words.\r\n") || !strings.Contains(string(out), "gss: E06000016\n") {
		t.Errorf("draft lost the file's identity or body:\n%s", out)
	}
}
