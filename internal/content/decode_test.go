package content

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/localoffer/localoffer/internal/offer"
)

// councilHead is the identity of the unitary council the answer tests
// decode; each case adds sections after it.
const councilHead = `---
schema: 1
gss: E06000016
name: Leicester City Council
tier: unitary
region: East Midlands
default_src: foi
sources:
  - id: foi
    type: foi
    title: FOI reply
    received: 2020-02-04
  - id: page
    type: committee_report
    title: Local offer report
  - id: web
    type: offer_page
    title: Local offer page
    publisher: Leicester City Council
    url: https://www.leicester.gov.uk/leaving-care
    updated: 2024-05
  - id: paper
    type: press
    title: Care leavers to pay no council tax
    publisher: Leicester Mercury
    url: https://www.example.org/mercury
`

// decodeCouncil loads one council file, built from councilHead and
// frontmatter, with no problems expected, and returns it.
func decodeCouncil(t *testing.T, frontmatter string) *offer.Council {
	t.Helper()
	set, problems := load(newFS(map[string]string{
		"content/councils/leicester.md": councilHead + frontmatter + "---\nBody.\n",
	}))
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("unexpected problems:\n%s", errs.Error())
	}
	for _, c := range set.Councils {
		if c.Slug == "leicester" {
			forgetPositions(&c.Sourced)
			return c
		}
	}
	t.Fatalf("no council with slug leicester in %d councils", len(set.Councils))
	return nil
}

func ptr(n int) *int { return &n }

func TestDecodeAnswers(t *testing.T) {
	yes := &offer.Answer{Status: offer.Yes}
	tests := []struct {
		name        string
		frontmatter string
		want        map[string]*offer.Answer
	}{
		{
			name:        "bare status words",
			frontmatter: "leisure:\n  gym: yes\n  swimming: no\n  classes: considering\n  friend_free: unknown\n",
			want: map[string]*offer.Answer{
				"leisure.gym":         yes,
				"leisure.swimming":    {Status: offer.No},
				"leisure.classes":     {Status: offer.Considering},
				"leisure.friend_free": {Status: offer.Unknown},
			},
		},
		{
			name:        "booleans as yes and no",
			frontmatter: "leisure:\n  gym: true\n  swimming: false\n  classes: {status: true}\n",
			want: map[string]*offer.Answer{
				"leisure.gym":      yes,
				"leisure.swimming": {Status: offer.No},
				"leisure.classes":  yes,
			},
		},
		{
			name: "mapping with every answer field",
			frontmatter: `council_tax:
  exempt:
    status: yes
    basis: conditional
    scope: own
    from_age: 18
    to_age: 25
    gbp: 150
    count: 12
    pct: 40
    approx: true
    up_to: true
    at_least: true
    means_tested: true
    per: year
    details: >-
      Only for care leavers
      from the council's own care.
    apply: Ask your personal adviser.
    src: web
    quote: "Care leavers   from Leicester's own care
      pay no council tax until 25."
    as_of: 2021-03
`,
			want: map[string]*offer.Answer{
				"council_tax.exempt": {
					Status: offer.Yes, Basis: offer.BasisConditional, Scope: offer.ScopeOwn, FromAge: 18, ToAge: 25,
					GBP: ptr(150), Count: &offer.Range{Min: 12, Max: 12}, Pct: ptr(40), Approx: true, Per: offer.PerYear,
					UpTo: true, AtLeast: true, MeansTest: true,
					Details: "Only for care leavers from the council's own care.", More: &offer.More{Apply: "Ask your personal adviser."},
					Src: "web", Quote: "Care leavers from Leicester's own care pay no council tax until 25.", AsOf: offer.Date{Year: 2021, Month: 3},
				},
			},
		},
		{
			name:        "bare numbers are short for yes with a figure",
			frontmatter: "home:\n  setup_allowance: 2000\nwork:\n  apprentices_now: 4\nservices:\n  over_21_uptake: 30\n",
			want: map[string]*offer.Answer{
				"home.setup_allowance":    {Status: offer.Yes, GBP: ptr(2000)},
				"work.apprentices_now":    {Status: offer.Yes, Count: &offer.Range{Min: 4, Max: 4}},
				"services.over_21_uptake": {Status: offer.Yes, Pct: ptr(30)},
			},
		},
		{
			name: "sources that disagree: a list of answers, the council's own first",
			frontmatter: `council_tax:
  exempt:
    - {status: yes, to_age: 21, src: paper, quote: "No council tax until 21."}
    - {status: yes, to_age: 25, src: web, quote: "No council tax until 25."}
`,
			want: map[string]*offer.Answer{
				"council_tax.exempt": {Status: offer.Yes, ToAge: 25, Src: "web", Quote: "No council tax until 25.",
					More: &offer.More{Also: []*offer.Answer{{Status: offer.Yes, ToAge: 21, Src: "paper", Quote: "No council tax until 21."}}}},
			},
		},
		{
			name:        "pounds and pence, as the source gives them",
			frontmatter: "money:\n  allowance_16_17: {gbp: 57.90, per: week}\n  clothing: 120.05\nhome:\n  setup_allowance: {gbp: 3499.50, up_to: true}\n",
			want: map[string]*offer.Answer{
				"money.allowance_16_17": {Status: offer.Yes, GBP: ptr(57), Pence: 90, Per: offer.PerWeek},
				"money.clothing":        {Status: offer.Yes, GBP: ptr(120), Pence: 5},
				"home.setup_allowance":  {Status: offer.Yes, GBP: ptr(3499), Pence: 50, UpTo: true},
			},
		},
		{
			name:        "a figure without a status means yes, nought no; an explicit status stays",
			frontmatter: "home:\n  setup_allowance: {gbp: 2000}\n  tv_licence: {gbp: 0}\nwork:\n  ringfenced_apprenticeships: {status: yes, count: 0}\n",
			want: map[string]*offer.Answer{
				"home.setup_allowance":            {Status: offer.Yes, GBP: ptr(2000)},
				"home.tv_licence":                 {Status: offer.No, GBP: ptr(0)},
				"work.ringfenced_apprenticeships": {Status: offer.Yes, Count: &offer.Range{}},
			},
		},
		{
			name:        "count range",
			frontmatter: "org:\n  apprentices_per_year: {count: {min: 3, max: 5}, approx: true, per: year}\n",
			want: map[string]*offer.Answer{
				"org.apprentices_per_year": {Status: offer.Yes, Count: &offer.Range{Min: 3, Max: 5}, Approx: true, Per: offer.PerYear},
			},
		},
		{
			name: "groups",
			frontmatter: `participation:
  in_care_council:
    status: yes
    groups:
      - name: Care Experienced Consultants
        ages: 16-25
        regular_attendees: "5-6"
      - name: Generation Select
        ages: 11-16
`,
			want: map[string]*offer.Answer{
				"participation.in_care_council": {Status: offer.Yes, More: &offer.More{Groups: []offer.Group{
					{Name: "Care Experienced Consultants", Ages: "16-25", Attendees: "5-6"},
					{Name: "Generation Select", Ages: "11-16"},
				}}},
			},
		},
		{
			name:        "extra fields band and name",
			frontmatter: "housing:\n  priority_banding: {status: yes, to_age: 21, band: Band A}\nservices:\n  over_21_service: {status: yes, name: 21Plus}\n",
			want: map[string]*offer.Answer{
				"housing.priority_banding": {Status: offer.Yes, ToAge: 21, More: &offer.More{Band: "Band A"}},
				"services.over_21_service": {Status: offer.Yes, More: &offer.More{Name: "21Plus"}},
			},
		},
		{
			name: "text, url, list, gss, choice and date kinds",
			frontmatter: `offer:
  first_contact: "  Your personal adviser.  "
  url: https://www.leicester.gov.uk/leaving-care
  sections:
    - Money
    - "Health & Wellbeing"
  responsible_gss: E10000015
  reviewed: 2020-02
council_tax:
  method: refund
org:
  ofsted_judgement: requires_improvement
  ofsted_date: 2019
`,
			want: map[string]*offer.Answer{
				"offer.first_contact":   {Value: "Your personal adviser."},
				"offer.url":             {Value: "https://www.leicester.gov.uk/leaving-care"},
				"offer.sections":        {More: &offer.More{Values: []string{"Money", "Health & Wellbeing"}}},
				"offer.responsible_gss": {Value: "E10000015"},
				"offer.reviewed":        {Value: "2020-02"},
				"council_tax.method":    {Value: "refund"},
				"org.ofsted_judgement":  {Value: "requires_improvement"},
				"org.ofsted_date":       {Value: "2019"},
			},
		},
		{
			name:        "nested keys",
			frontmatter: "offer:\n  published: yes\n  statutory_2026:\n    transition_support: yes\n    custody_release: {status: no, src: page}\n",
			want: map[string]*offer.Answer{
				"offer.published":                         yes,
				"offer.statutory_2026.transition_support": yes,
				"offer.statutory_2026.custody_release":    {Status: offer.No, Src: "page"},
			},
		},
		{
			name: "anchors and aliases",
			frontmatter: `leisure:
  gym: &free
    status: yes
    to_age: 21
    apply: &ask Ask your personal adviser.
  swimming: *free
  classes: {status: yes, apply: *ask}
`,
			want: map[string]*offer.Answer{
				"leisure.gym":      {Status: offer.Yes, ToAge: 21, More: &offer.More{Apply: "Ask your personal adviser."}},
				"leisure.swimming": {Status: offer.Yes, ToAge: 21, More: &offer.More{Apply: "Ask your personal adviser."}},
				"leisure.classes":  {Status: offer.Yes, More: &offer.More{Apply: "Ask your personal adviser."}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := decodeCouncil(t, tt.frontmatter)
			for key, want := range tt.want {
				if got := c.Answers.Get(key); !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\n got %s\nwant %s", key, show(got), show(want))
				}
			}
			for key := range c.Answers.All() {
				if tt.want[key] == nil {
					t.Errorf("unexpected answer %s: %s", key, show(c.Answers.Get(key)))
				}
			}
		})
	}
}

// show prints an answer with its pointers followed.
func show(a *offer.Answer) string {
	if a == nil {
		return "no answer"
	}
	s := fmt.Sprintf("%+v", *a)
	for name, p := range map[string]*int{"GBP": a.GBP, "Pct": a.Pct} {
		if p != nil {
			s += fmt.Sprintf(" %s=%d", name, *p)
		}
	}
	if a.Count != nil {
		s += fmt.Sprintf(" Count=%+v", *a.Count)
	}
	return s
}

func TestDecodeCouncil(t *testing.T) {
	const file = `---
schema: 1
gss: E07000098
name: Hertsmere Borough Council
short_name: Hertsmere
tier: district
parent: E10000015
region: East of England
website: https://www.hertsmere.gov.uk
updated: 2026-11
ended: 2028-04-01
successor: E10000015
default_src: foi-2020
sources:
  - id: foi-2020
    type: foi
    title: Care Leaver Local Offer
    ref: HBC_FOI_20200126
    campaign: clo-foi-2020
    received: 2020-02-04
    responded: 2020-02
    published: 2020
    retrieved: 2026-11-23
    licence: OGL-3.0
    note: A reply.
contacts:
  - role: foi
    title: Information Services
    email: foi@hertsmere.gov.uk
    phone: 020 8207 2277
    url: https://www.hertsmere.gov.uk/foi
    details: Quote the reference.
  - role: member_lead
    name: Councillor Jo Bloggs
    status: unknown
    src: foi-2020
council_tax:
  exempt: no
---
Hertsmere is a district council.
`
	fsys := newFS(map[string]string{"content/councils/hertsmere.md": file})
	set, problems := load(fsys)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("unexpected problems:\n%s", errs.Error())
	}
	if len(set.Councils) != 2 {
		t.Fatalf("got %d councils, want 2", len(set.Councils))
	}
	want := &offer.Council{
		File: "content/councils/hertsmere.md", Slug: "hertsmere", GSS: "E07000098",
		Name: "Hertsmere Borough Council", ShortName: "Hertsmere", Tier: "district", Parent: "E10000015",
		Region: "East of England", Website: "https://www.hertsmere.gov.uk",
		Updated: offer.Date{Year: 2026, Month: 11}, Ended: offer.Date{Year: 2028, Month: 4, Day: 1},
		Successor: "E10000015",
		Sourced: offer.Sourced{DefaultSrc: "foi-2020", Sources: []offer.Source{{
			ID: "foi-2020", Type: "foi", Title: "Care Leaver Local Offer", Ref: "HBC_FOI_20200126",
			Campaign: "clo-foi-2020", Received: offer.Date{Year: 2020, Month: 2, Day: 4},
			Responded: offer.Date{Year: 2020, Month: 2}, Published: offer.Date{Year: 2020},
			Retrieved: offer.Date{Year: 2026, Month: 11, Day: 23},
			Licence:   "OGL-3.0", Note: "A reply.",
		}}, Answers: offer.NewAnswers(map[string]*offer.Answer{"council_tax.exempt": {Status: offer.No}})},
		Contacts: []offer.Contact{
			{Role: "foi", Title: "Information Services", Email: "foi@hertsmere.gov.uk", Phone: "020 8207 2277",
				URL: "https://www.hertsmere.gov.uk/foi", Details: "Quote the reference."},
			{Role: "member_lead", Name: "Councillor Jo Bloggs", Status: offer.Unknown, Src: "foi-2020"},
		},
		// A small directory's bodies are kept; a large one's pages read
		// theirs again, from where they start.
		Body:   []byte("Hertsmere is a district council.\n"),
		BodyAt: len(file) - len("Hertsmere is a district council.\n"),
	}
	// Councils are sorted by slug: hertfordshire, then hertsmere.
	forgetPositions(&set.Councils[1].Sourced)
	if got := set.Councils[1]; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if body, err := CouncilBody(fsys, set.Councils[1]); err != nil || string(body) != "Hertsmere is a district council.\n" {
		t.Errorf("body %q (%v), want %q", body, err, "Hertsmere is a district council.\n")
	}
	if got := set.Councils[0].ShortName; got != "Hertfordshire" {
		t.Errorf("county short name: got %q, want %q", got, "Hertfordshire")
	}
}

func TestDecodeShortNameDefaultsToName(t *testing.T) {
	if c := decodeCouncil(t, ""); c.ShortName != "Leicester City Council" {
		t.Errorf("got short name %q, want the name", c.ShortName)
	}
}

func TestDecodePages(t *testing.T) {
	set, problems := load(newFS(map[string]string{
		"content/index.md": "---\ntitle: Care leaver local offers\n---\nIf you have been in care.\n",
		"content/about.md": "---\ntitle: About this site\ndescription: >-\n  Who this site\n  is for.\n---\n## Who it is for\n\nCare leavers.\n",
	}))
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("unexpected problems:\n%s", errs.Error())
	}
	want := []*offer.Page{
		{File: "content/about.md", Slug: "about", Title: "About this site", Intro: "Who this site is for.", Body: []byte("## Who it is for\n\nCare leavers.\n")},
		{File: "content/index.md", Slug: "index", Title: "Care leaver local offers", Body: []byte("If you have been in care.\n")},
	}
	if !reflect.DeepEqual(set.Pages, want) {
		for i, p := range set.Pages {
			t.Errorf("page %d: %+v (body %q)", i, *p, p.Body)
		}
		t.Errorf("want %+v and %+v", *want[0], *want[1])
	}
}

// TestDecodeLineEndings checks that files saved with Windows line endings,
// a byte-order mark or blank lines before the frontmatter decode the same
// and report problems on the line an editor shows.
func TestDecodeLineEndings(t *testing.T) {
	const file = "---\ngss: E06000016\nname: Leicester City Council\ntier: unitary\nregion: East Midlands\ndefault_src: foi\nsources:\n  - {id: foi, title: FOI reply}\nleisure:\n  gym:\n    status: yes\n    to_aeg: 21\n---\nBody.\n"
	tests := []struct {
		name, src string
		shift     int // lines added before the frontmatter
	}{
		{"LF", file, 0},
		{"CRLF", strings.ReplaceAll(file, "\n", "\r\n"), 0},
		{"byte-order mark", "\ufeff" + file, 0},
		{"byte-order mark and CRLF", "\ufeff" + strings.ReplaceAll(file, "\n", "\r\n"), 0},
		{"blank lines before the frontmatter", "\n  \n" + file, 2},
		{"blank CRLF lines before the frontmatter", "\r\n\r\n" + strings.ReplaceAll(file, "\n", "\r\n"), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := newFS(map[string]string{"content/councils/leicester.md": tt.src})
			set, problems := load(fsys)
			want := fmt.Sprintf(`content/councils/leicester.md:%d:5: leisure.gym.to_aeg: unknown key (did you mean "to_age"?)`, 12+tt.shift)
			if got := strs(problems); len(got) != 1 || got[0] != want {
				t.Errorf("got problems %q\nwant [%s]", got, want)
			}
			c := set.Councils[1]
			if c.Name != "Leicester City Council" || c.Region != "East Midlands" || c.Answers.Get("leisure.gym").Status != offer.Yes {
				t.Errorf("decoded %+v, gym %+v", c, c.Answers.Get("leisure.gym"))
			}
			if c.Sources[0].Title != "FOI reply" {
				t.Errorf("source title %q, want %q", c.Sources[0].Title, "FOI reply")
			}
			body, err := CouncilBody(fsys, c)
			if body := bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")); err != nil || string(body) != "Body.\n" {
				t.Errorf("body %q (%v), want %q", body, err, "Body.\n")
			}
		})
	}
}

// TestDecodeProjectContent loads the project's own content/ folder, which
// must always be free of problems.
func TestDecodeProjectContent(t *testing.T) {
	set, problems := Load(os.DirFS("../.."), time.Now())
	if len(problems) > 0 {
		t.Fatalf("content/ has problems:\n%s", problems.Error())
	}
	if len(set.Councils) == 0 || len(set.Pages) == 0 {
		t.Fatalf("got %d councils and %d pages, want some of each", len(set.Councils), len(set.Pages))
	}
	for i, c := range set.Councils {
		if c.Name == "" || c.GSS == "" || c.Tier == "" {
			t.Errorf("%s: decoded without name, gss or tier: %+v", c.File, c)
		}
		if i > 0 && set.Councils[i-1].Slug >= c.Slug {
			t.Errorf("councils out of order: %s before %s", set.Councils[i-1].Slug, c.Slug)
		}
	}
}

func TestDecodeJoint(t *testing.T) {
	fsys := newFS(map[string]string{"content/joint/herts-joint.md": `---
name: Hertfordshire joint offer
area: Hertfordshire
members: [E10000015]
member_count: 11
started: 2018/19
confirmed: false
default_src: page
sources: [{id: page, type: campaign_page, title: Campaign page, publisher: A campaign, url: "https://example.org/joint"}]
council_tax:
  exempt: {status: yes, to_age: 25, quote: "No council tax for care leavers until 25."}
---
Joint body.
`})
	set, problems := load(fsys)
	if len(problems) > 0 {
		t.Fatalf("unexpected problems:\n%s", problems.Error())
	}
	if len(set.Joints) != 1 {
		t.Fatalf("%d joint offers, want 1", len(set.Joints))
	}
	j := set.Joints[0]
	forgetPositions(&j.Sourced)
	want := &offer.Joint{
		File: "content/joint/herts-joint.md", Slug: "herts-joint", Name: "Hertfordshire joint offer", Area: "Hertfordshire",
		Members: []string{"E10000015"}, MemberCount: 11, Started: "2018/19", Confirmed: false,
		Sourced: offer.Sourced{DefaultSrc: "page", Sources: []offer.Source{{ID: "page", Type: "campaign_page", Title: "Campaign page", Publisher: "A campaign", URL: "https://example.org/joint"}},
			Answers: offer.NewAnswers(map[string]*offer.Answer{"council_tax.exempt": {Status: offer.Yes, ToAge: 25, Quote: "No council tax for care leavers until 25."}})},
		Body: []byte("Joint body.\n"),
	}
	if !reflect.DeepEqual(j, want) {
		t.Errorf("got  %+v\nwant %+v", j, want)
	}
}

// forgetPositions clears where answers were in their files, so tests can
// compare what they say; review_test checks the positions.
func forgetPositions(s *offer.Sourced) {
	for _, a := range s.Answers.All() {
		a.Line, a.Col = 0, 0
		for _, o := range a.Also() {
			o.Line, o.Col = 0, 0
		}
	}
}

func TestDecodeBareZeroIsNo(t *testing.T) {
	c := decodeCouncil(t, "work:\n  ringfenced_apprenticeships: 0\n  work_experience: 6\n  apprentices_now: {count: 0}\n")
	if a := c.Answers.Get("work.apprentices_now"); a.Status != offer.No {
		t.Errorf("{count: 0}: %+v, want no, as a bare 0", a)
	}
	if a := c.Answers.Get("work.ringfenced_apprenticeships"); a.Status != offer.No || a.Count == nil || a.Count.Max != 0 {
		t.Errorf("a bare 0: %+v, want no with a count of 0", a)
	}
	if a := c.Answers.Get("work.work_experience"); a.Status != offer.Yes || a.Count == nil || a.Count.Max != 6 {
		t.Errorf("a bare 6: %+v, want yes with a count of 6", a)
	}
}

// A large directory's council body is read when its page is made: a file
// cut short since it was loaded is an error that names it, never a page
// with part of its body.
func TestCouncilBodyOfAFileCutShort(t *testing.T) {
	fsys := newFS(map[string]string{"content/councils/leicester.md": "---\nname: Leicester City Council\nshort_name: Leicester\ngss: E06000016\ntier: unitary\nregion: East Midlands\n---\nA long body about Leicester.\n"})
	set, _ := load(fsys)
	var c *offer.Council
	for _, x := range set.Councils {
		if x.File == "content/councils/leicester.md" {
			c = x
		}
	}
	if c == nil {
		t.Fatal("leicester.md was not loaded")
	}
	if string(c.Body) != "A long body about Leicester.\n" {
		t.Errorf("kept body %q", c.Body)
	}
	c.Body = nil // as for a council beyond the load's budget for bodies
	if body, err := CouncilBody(fsys, c); err != nil || string(body) != "A long body about Leicester.\n" {
		t.Fatalf("body %q (%v)", body, err)
	}
	fsys["content/councils/leicester.md"] = &fstest.MapFile{Data: []byte("---\n")}
	if _, err := CouncilBody(fsys, c); err == nil || !strings.Contains(err.Error(), "content/councils/leicester.md changed") {
		t.Errorf("got %v, want an error naming the file that changed", err)
	}
}

// A directory's bodies are kept up to the load's budget; the others are
// read again, whole, when their pages are made.
func TestBodiesBeyondTheBudgetAreReadAgain(t *testing.T) {
	defer func(b int64) { bodyBudget = b }(bodyBudget)
	bodyBudget = 150 // room for one or two of the four bodies (49 to 81 bytes), never all
	files := map[string]string{}
	for i, name := range []string{"leicester", "rutland", "derby"} {
		files["content/councils/"+name+".md"] = fmt.Sprintf("---\nname: %s\nshort_name: %s\ngss: E0600001%d\ntier: unitary\nregion: East Midlands\n---\n%s\n",
			name, name, i, strings.Repeat(name+" ", 8))
	}
	files[countyPath] = countyFile
	fsys := newFS(files)
	set, _ := load(fsys)
	if len(set.Councils) != 4 {
		t.Fatalf("%d councils loaded, want 4", len(set.Councils))
	}
	kept, readAgain := 0, 0
	for _, c := range set.Councils {
		kept += len(c.Body)
		if c.Body == nil {
			readAgain++
		}
		want := countyFile[strings.LastIndex(countyFile, "---\n")+4:]
		if c.File != countyPath {
			want = strings.Repeat(c.Slug+" ", 8) + "\n"
		}
		if body, err := CouncilBody(fsys, c); err != nil || string(body) != want {
			t.Errorf("%s: body %q (%v), want %q", c.Slug, body, err, want)
		}
	}
	if kept == 0 || kept > 150 || readAgain == 0 {
		t.Errorf("%d bytes of bodies kept and %d read again, want some of each, and at most the budget's 150 kept", kept, readAgain)
	}
}
