package reply

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/offer"
)

// The West Berkshire reply, in every kind of file a reply comes in: plain
// text, a disclosure log's web page, a Word document and a spreadsheet
// with the answers in a table, an e-mail with the reply attached, and the
// web page printed to PDF by a browser (see testdata/README.md).
var westBerkshire = []string{"txt", "html", "docx", "xlsx", "eml", "pdf"}

// wantWestBerkshire is what every copy of the reply says.
func wantWestBerkshire(t *testing.T, kind string, res Result) {
	t.Helper()
	got := map[string]offer.Answer{}
	for _, f := range res.Found {
		if f.Sure {
			got[f.Question.Key] = f.Answer
		}
	}
	gbp := func(a offer.Answer) string {
		if a.GBP == nil {
			return ""
		}
		return fmt.Sprintf("%d.%02d", *a.GBP, a.Pence)
	}
	for _, tc := range []struct {
		key, status string
		toAge       int16
		gbp, per    string
		basis, cond string
	}{
		{key: "offer.published", status: "yes"},
		{key: "council_tax.exempt", status: "yes", toAge: 25},
		{key: "home.setup_allowance", status: "yes", gbp: "3000.00"},
		{key: "money.allowance_16_17", status: "yes", gbp: "72.50", per: "week"},
		{key: "leisure.free_access", status: "no"},
		{key: "leisure.gym", status: "no"},
		{key: "money.birthday", status: "yes", toAge: 21, gbp: "50.00", per: "year"},
		{key: "housing.guarantor", status: "yes", basis: "in_principle"},
		{key: "education.he_bursary", status: "yes", gbp: "2000.00", cond: "paid in instalments"},
		{key: "id_docs.bank_account", status: "yes"},
		{key: "relationships.peer_mentoring", status: "unknown"},
		{key: "work.ringfenced_apprenticeships", status: "yes", per: "year"},
	} {
		a, ok := got[tc.key]
		switch {
		case !ok:
			t.Errorf("%s: %s not recorded", kind, tc.key)
		case a.Status.String() != tc.status || a.ToAge != tc.toAge || gbp(a) != tc.gbp || a.Per.String() != tc.per || a.Basis.String() != tc.basis || a.Condition() != tc.cond:
			t.Errorf("%s: %s = status %s, to_age %d, £%s, per %q, basis %q, condition %q; want %+v", kind, tc.key, a.Status, a.ToAge, gbp(a), a.Per, a.Basis, a.Condition(), tc)
		}
	}
	if len(got) != 12 {
		t.Errorf("%s: recorded %d answers, want the reply's 12", kind, len(got))
	}
	src := res.Source
	if src.Ref != "FOI-2026-1187" || src.Responded != (offer.Date{Year: 2026, Month: 10, Day: 14}) || src.Licence != "OGL-3.0" || src.Publisher != "West Berkshire Council" {
		t.Errorf("%s: source %+v, want reference FOI-2026-1187, responded 14 October 2026, the Open Government Licence and the council's name", kind, src)
	}
}

func TestWestBerkshireInEveryFormat(t *testing.T) {
	for _, kind := range westBerkshire {
		name := "testdata/west-berkshire." + kind
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// The kind is told by the content: a misleading name changes nothing.
		text, err := Text("download", data)
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		res := Read(text)
		wantWestBerkshire(t, kind, res)
		for _, f := range res.Found {
			if f.Answer.Quote != "" && !strings.Contains(text, f.Answer.Quote) {
				t.Errorf("%s: %s's quote %q is not the reply's own words", kind, f.Question.Key, f.Answer.Quote)
			}
		}
		if kind != "eml" && kind != "txt" && len(res.Unread) > 1 {
			t.Errorf("%s: %d lines not understood, want only the table's heading: %+v", kind, len(res.Unread), res.Unread)
		}
		if kind == "txt" && res.Source.Received != (offer.Date{Year: 2026, Month: 9, Day: 16}) {
			t.Errorf("txt: received %v, want 16 September 2026", res.Source.Received)
		}
	}
}

// TestBlankFormRecordsNothing: a reply that repeats the questions, with a
// blank form's boxes and choices but no answers, records nothing.
func TestBlankFormRecordsNothing(t *testing.T) {
	blank := `Local authority name:

  1. On the 1st March 2024, what was the total amount you offered to care leavers for their setting up home allowance/leaving care grant? (£)

£

  2. Do you provide council tax exemption for care leavers? If so, up to what age?

Yes

No

Don't know

3. Do care leavers get gym membership?
4. Do you in principle act as a guarantor for care leavers in private rented property?
`
	res := Read(blank)
	for _, f := range res.Found {
		if f.Sure || f.Answer.Status != 0 {
			t.Errorf("a blank form recorded %s = %+v", f.Question.Key, f.Answer)
		}
	}
	for _, name := range []string{"../../research/replies/thurrock-setup-allowance-2024.txt", "../../research/replies/herefordshire-setup-allowance-2024.txt"} {
		for _, f := range Read(readSource(t, name)).Found {
			if f.Sure {
				t.Errorf("%s: the request repeated with no answer recorded %s = %+v", name, f.Question.Key, f.Answer)
			}
		}
	}
}

// TestPublishedReplies reads copies of replies councils published in their
// disclosure logs, as the project's research found them.
func TestPublishedReplies(t *testing.T) {
	res := Read(readSource(t, "../../research/replies/wokingham-setup-allowance-2024.txt"))
	want := map[string]offer.Status{"home.tv_licence": offer.Yes, "home.broadband": offer.No, "home.contents_insurance": offer.No,
		"home.mobile_phone": offer.No, "home.decoration": offer.No, "home.cooking_equipment": offer.No, "home.energy_costs": offer.No}
	for _, f := range res.Found {
		if w, ok := want[f.Question.Key]; ok && f.Sure && f.Answer.Status == w {
			delete(want, f.Question.Key)
		}
	}
	if len(want) > 0 {
		t.Errorf("Wokingham's 2024 reply: not read: %v", want)
	}
}

// TestLeavingCareGrantRoundRobin reads a reply to the 2023 leaving care
// grant request: six long questions worded as no questionnaire before,
// then six answers by number. The first asks the grant's amount; the
// others ask for counts and averages, which the catalogue does not hold.
func TestLeavingCareGrantRoundRobin(t *testing.T) {
	res := Read(readSource(t, "../../research/replies/lincolnshire-leaving-care-grant.txt"))
	var grant *Found
	for i, f := range res.Found {
		if f.Sure {
			if f.Question.Key != "home.setup_allowance" {
				t.Errorf("recorded %s from line %d; the reply answers no such question", f.Question.Key, f.Line)
				continue
			}
			grant = &res.Found[i]
		}
	}
	if grant == nil || grant.Answer.GBP == nil || *grant.Answer.GBP != 3000 || grant.Line != 24 {
		t.Fatalf("the £3000 grant on line 24 is not recorded: %+v", grant)
	}
	listed := map[int]bool{}
	for _, u := range res.Unread {
		listed[u.N] = true
	}
	// "2) 113" and "3) 102" answer counts the catalogue does not ask; lines
	// 30 to 34 answer the grant's average, lowest and highest amounts.
	for _, n := range []int{26, 28, 30, 32, 34} {
		if !listed[n] {
			t.Errorf("line %d is neither recorded nor listed", n)
		}
	}
}

// onePagePDF is a PDF of one page with the given content stream, or with
// none: a scan's page holds an image, not text.
func onePagePDF(content string) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(s string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
	if content != "" {
		page += " /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >>"
	}
	obj(page + " >>")
	if content != "" {
		obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

func TestFilesThatAreNotReplies(t *testing.T) {
	if _, err := Text("scan.pdf", onePagePDF("")); !errors.Is(err, ErrNoText) {
		t.Errorf("a PDF with no text: %v, want %v", err, ErrNoText)
	}
	if text, err := Text("reply.pdf", onePagePDF("BT /F1 12 Tf 72 700 Td (Do care leavers get gym membership?   Yes) Tj ET")); err != nil || !strings.Contains(text, "gym membership?") {
		t.Errorf("a PDF with text: %q, %v", text, err)
	}
	for name, data := range map[string][]byte{
		"old.doc":     append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...),
		"archive.zip": []byte("PK\x03\x04not a document"),
		"photo.jpg":   []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01"),
		"broken.pdf":  []byte("%PDF-1.7\n1 0 obj << /Type /Catalog"),
		"reply.docx":  []byte("PK\x03\x04\x14\x00\x00\x00word/document.xml"),
	} {
		text, err := Text(name, data)
		if err == nil {
			t.Errorf("%s: read as %q, want an error saying why it cannot be read", name, text)
			continue
		}
		if strings.Contains(err.Error(), "runtime error") {
			t.Errorf("%s: %v, want a clear error", name, err)
		}
	}
	// Windows-1252 text, as older systems save it, reads as text.
	if text, err := Text("reply.txt", []byte("Do you provide care leavers with a setting up allowance? \x93Yes\x94 \xa33,000")); err != nil || !strings.Contains(text, "“Yes” £3,000") {
		t.Errorf("Windows-1252 text: %q, %v", text, err)
	}
}

// FuzzImport feeds any bytes, as any kind of file, through the whole import
// path to the draft of a council's file: no panic; either a clear error, or
// a draft that is still a council file with its identity and body.
func FuzzImport(f *testing.F) {
	for _, kind := range westBerkshire {
		data, err := os.ReadFile("testdata/west-berkshire." + kind)
		if err != nil {
			f.Fatal(err)
		}
		f.Add("reply."+kind, data)
	}
	f.Add("scan.pdf", onePagePDF(""))
	f.Add("reply.pdf", onePagePDF("BT /F1 12 Tf 72 700 Td (Yes) Tj ET"))
	f.Add("x.eml", []byte("From: a\nSubject: b\n\nhello"))
	const file = "---\nschema: 1\ngss: E06000037\nname: West Berkshire Council\nshort_name: West Berkshire\ntier: unitary\nregion: South East\n---\nOur own words.\n"
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		text, err := Text(name, data)
		if err != nil {
			if err.Error() == "" {
				t.Error("an empty error")
			}
			return
		}
		if strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' }) {
			t.Errorf("control characters in the text: %q", text)
		}
		res := Read(text)
		draft, _, err := Draft([]byte(file), res)
		if err != nil {
			t.Fatalf("draft: %v", err)
		}
		if !bytes.Contains(draft, []byte("gss: E06000037")) || !bytes.HasSuffix(draft, []byte("---\nOur own words.\n")) {
			t.Errorf("the draft lost the council's identity or its body:\n%s", draft)
		}
	})
}

// FuzzEveryAnswerLineIsReadOrListed writes replies from the catalogue's own
// questions, numbered, each followed by an answer in one of the forms
// replies use, and checks that every answer line is either recorded or
// listed for a person to read: nothing is dropped without a word.
func FuzzEveryAnswerLineIsReadOrListed(f *testing.F) {
	f.Add(uint64(1), uint8(12))
	f.Add(uint64(42), uint8(30))
	answers := []string{"Yes", "No.", "Not held", "Yes – in principle", "Yes, decided case by case", "£72.50 per week", "£3,000 in instalments",
		"Yes, up to 21", "Yes, until their 25th birthday", "18–21", "Circa 40", "3 to 5", "N/A", "We are considering this", "See our published offer",
		"Yes. Care leavers are exempt up to age 25", "Don't know", "None"}
	var qs []*offer.Question
	for i := range offer.Catalogue {
		if q := &offer.Catalogue[i]; q.Kind.IsAnswer() {
			qs = append(qs, q)
		}
	}
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		next := func(m int) int { // a small, repeatable generator
			seed = seed*6364136223846793005 + 1442695040888963407
			return int((seed >> 33) % uint64(m))
		}
		var b strings.Builder
		var answerLines []int
		line := 0
		for i := 0; i < int(n%40)+1; i++ {
			q := qs[next(len(qs))]
			line++
			fmt.Fprintf(&b, "%d. %s\n", i+1, q.Ask)
			line++
			fmt.Fprintf(&b, "%s\n", answers[next(len(answers))])
			answerLines = append(answerLines, line)
		}
		res := Read(b.String())
		seen := map[int]bool{}
		for _, f := range res.Found {
			seen[f.Line] = true
			for _, l := range f.More {
				seen[l] = true
			}
		}
		for _, u := range res.Unread {
			seen[u.N] = true
		}
		for _, l := range answerLines {
			// An answer is recorded, listed, or is the same question's
			// answer again (a question asked twice keeps its first answer,
			// and the second is listed by Draft as already there).
			if !seen[l] && !seen[l-1] {
				t.Errorf("line %d, an answer, was neither recorded nor listed:\n%s", l, b.String())
				return
			}
		}
	})
}

// TestNewWordings: questions worded as no questionnaire before worded them
// are found by what they ask; a wording that fits two questions about as
// well is listed for a person to choose, never guessed.
func TestNewWordings(t *testing.T) {
	for wording, want := range map[string]string{
		"What is the value of the leaving care grant paid to young people setting up their first home?": "home.setup_allowance",
		"Do care leavers get free swimming at council pools?":                                           "leisure.swimming",
		"Will the authority stand as guarantor for a care leaver renting privately?":                    "housing.guarantor",
		"Is there a bursary for care leavers who go to university, and how much is it?":                 "education.he_bursary",
		"Do care leavers receive help with the cost of driving lessons?":                                "driving.lessons",
		"Does the council help care leavers with the cost of their first passport?":                     "id_docs.passport",
		"Do care leavers get free travel on buses?":                                                     "travel.bus",
		"Do you pay for care leavers' TV licence in their first year?":                                  "home.tv_licence",
		"Do you offer support to care leavers aged 21 to 25?":                                           "services.over_21_service",
	} {
		res := Read("1. " + wording + "\nYes\n")
		if len(res.Found) != 1 || !strings.Contains(want, res.Found[0].Question.Key) || res.Found[0].Answer.Status != offer.Yes {
			t.Errorf("%q: found %+v, want %s", wording, res.Found, want)
		}
	}
	// Too vague to tell which question it asks: listed, not guessed.
	res := Read("1. Do you provide support for care leavers?\nYes\n")
	if len(res.Found) != 0 || len(res.Unread) == 0 || !strings.Contains(res.Unread[0].Why, "choose one") {
		t.Errorf("a vague question: found %+v, unread %+v; want it listed for a person to choose", res.Found, res.Unread)
	}
}

// TestAnswersGivenByNumber: many replies list the questions, then the
// answers under the questions' numbers.
func TestAnswersGivenByNumber(t *testing.T) {
	res := Read(`You asked:
1) Do you provide care leavers with a setting up home allowance? If so, how much?
2) How many care leavers aged 18 to 25 do you support?
3) How many staff work in your finance department?

Our response:
1) £3,000 for every care leaver
2) Circa 340
3) 25
`)
	got := map[string]offer.Answer{}
	for _, f := range res.Found {
		if f.Sure {
			got[f.Question.Key] = f.Answer
		}
	}
	if a := got["home.setup_allowance"]; a.GBP == nil || *a.GBP != 3000 {
		t.Errorf("setting up home allowance: %+v", a)
	}
	if a := got["org.care_leavers"]; a.Count == nil || a.Count.Min != 340 || !a.Approx {
		t.Errorf("care leavers supported: %+v", a)
	}
	listed := false
	for _, u := range res.Unread {
		if u.N == 9 && strings.Contains(u.Why, "question 3") {
			listed = true
		}
	}
	if !listed {
		t.Errorf("the answer to a question not in the catalogue is not listed with its number: %+v", res.Unread)
	}
}

// TestRepliesToTheLawsQuestions: a reply to the project's own request,
// which asks about the law's areas in the law's words, records the answers
// to the areas the catalogue asks outright.
func TestRepliesToTheLawsQuestions(t *testing.T) {
	var literacy, custody *offer.Area
	for i := range offer.Areas {
		switch offer.Areas[i].Key {
		case "financial_literacy":
			literacy = &offer.Areas[i]
		case "custody":
			custody = &offer.Areas[i]
		}
	}
	res := Read("1. " + literacy.Ask() + "\nYes, our money skills course is in the offer.\n\n2. " + custody.Ask() + "\nNo.\n")
	got := map[string]offer.Status{}
	for _, f := range res.Found {
		if f.Sure {
			got[f.Question.Key] = f.Answer.Status
		}
	}
	if got[literacy.Direct] != offer.Yes || got[custody.Direct] != offer.No {
		t.Errorf("the answers to the law's questions: %v, unread %+v", got, res.Unread)
	}
}
