package offer

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Status is what a source said in answer to a question. It, and the other
// answer fields that hold one of a few words (Basis, Scope, Per), are kept
// in a byte each: a large directory holds hundreds of thousands of
// answers. The zero value is "not given"; String gives the word.
type Status uint8

// The four statuses. A question with no answer at all (nobody has found out
// yet) has no Answer, which is different from Unknown (the council was asked
// and did not say).
const (
	Yes Status = iota + 1
	No
	Considering
	Unknown
)

// Statuses lists the statuses in the order error messages give them.
var Statuses = []Status{Yes, No, Considering, Unknown}

var statusWords = []string{"yes", "no", "considering", "unknown"}

// String is the status's word, as files write it: "yes", or "" for none.
func (s Status) String() string { return word(statusWords, s) }

// ParseStatus reads a status's word.
func ParseStatus(w string) (Status, bool) { return parseWord[Status](statusWords, w) }

// Basis is how widely an answer's help is given (see Bases).
type Basis uint8

// The bases.
const (
	BasisAll Basis = iota + 1
	BasisInPrinciple
	BasisConditional
)

func (b Basis) String() string { return word(Bases, b) }

// ParseBasis reads a basis's word.
func ParseBasis(w string) (Basis, bool) { return parseWord[Basis](Bases, w) }

// Scope is whom an answer's help is for (see Scopes).
type Scope uint8

// The scopes.
const (
	ScopeOwn Scope = iota + 1
	ScopeCounty
	ScopeAll
	ScopeUnknown
)

func (s Scope) String() string { return word(Scopes, s) }

// ParseScope reads a scope's word.
func ParseScope(w string) (Scope, bool) { return parseWord[Scope](Scopes, w) }

// Per is how often an amount or count is given (see Pers).
type Per uint8

// The periods.
const (
	PerOnce Per = iota + 1
	PerWeek
	PerMonth
	PerYear
)

func (p Per) String() string { return word(Pers, p) }

// ParsePer reads a period's word.
func ParsePer(w string) (Per, bool) { return parseWord[Per](Pers, w) }

// word is the word of v, the 1-based index of one of words, or "" for 0.
func word[T ~uint8](words []string, v T) string {
	if v == 0 || int(v) > len(words) {
		return ""
	}
	return words[v-1]
}

func parseWord[T ~uint8](words []string, w string) (T, bool) {
	i := slices.Index(words, w)
	return T(i + 1), i >= 0
}

// Answer is one council's answer to one question.
//
// A large directory holds hundreds of thousands of answers in memory, so the
// small fields are small and sit together.
type Answer struct {
	Status  Status
	Basis   Basis // all, in_principle or conditional
	Scope   Scope // own, county, all or unknown
	Per     Per   // once, week, month or year
	GBP     *int  // whole pounds; Pence holds any pence
	Count   *Range
	Pct     *int
	Details string
	Src     string // source id; empty means the file's default source
	Quote   string // the source's own words behind the answer, at most QuoteWords words
	// Text, URL, Date, GSS and Choice questions keep their value here.
	Value string
	// More holds what few answers give; nil for most. Read it with the
	// methods of the same names (Apply, Condition, Band and so on), which
	// give the zero value where there is none.
	More *More
	// Line and Col are where the answer's key is in its file, for messages.
	Line, Col int32
	Pence     int8  // pence after GBP, 0 to 99, where the source gives them
	FromAge   int16 // 0 when not given
	ToAge     int16 // 0 when not given
	AsOf      Date  // zero means the source's date
	Approx    bool  // the source said "about" or "circa"
	UpTo      bool  // the amount or count is the most given ("up to £2,000")
	AtLeast   bool  // the count is a floor ("over 400")
	MeansTest bool  // the help depends on the young person's income or savings
	Anywhere  bool  // council_tax.care_council_pays: the source says it is paid outside the council's area too
}

// More is what few answers give, kept apart from the rest: a large
// directory holds hundreds of thousands of answers, most with none of it.
type More struct {
	Apply string // how to get it
	// Condition is any other condition, in a few plain words that go
	// wherever the answer goes: "only if you live alone".
	Condition string
	Band      string // housing.priority_banding only
	Name      string // services.over_21_service only
	Groups    []Group
	// Also are other sources' answers to the same question, where they say
	// something different: a newspaper's or a campaign's, after the
	// council's own.
	Also   []*Answer
	Values []string // a List question's values
}

// IsZero reports whether m holds nothing.
func (m *More) IsZero() bool {
	return m.Apply == "" && m.Condition == "" && m.Band == "" && m.Name == "" && m.Groups == nil && m.Also == nil && m.Values == nil
}

// Extend gives the answer's More, making it if there is none, to set it.
func (a *Answer) Extend() *More {
	if a.More == nil {
		a.More = new(More)
	}
	return a.More
}

// more is the answer's More, or an empty one.
func (a *Answer) more() *More {
	if a.More == nil {
		return &noMore
	}
	return a.More
}

var noMore More

// Apply says how to get the help, where the source says.
func (a *Answer) Apply() string { return a.more().Apply }

// Condition is any other condition the help has.
func (a *Answer) Condition() string { return a.more().Condition }

// Band is housing.priority_banding's band.
func (a *Answer) Band() string { return a.more().Band }

// Name is services.over_21_service's name for the service.
func (a *Answer) Name() string { return a.more().Name }

// Groups are the participation groups the answer names.
func (a *Answer) Groups() []Group { return a.more().Groups }

// Also are other sources' answers to the same question that say something
// different.
func (a *Answer) Also() []*Answer { return a.more().Also }

// Values are a List question's values.
func (a *Answer) Values() []string { return a.more().Values }

// Qualifier is the word that goes before an answer's figure: "about " for
// an estimate, "up to " for a most, "over " for a floor, or nothing.
func (a *Answer) Qualifier() string {
	switch {
	case a.UpTo:
		return "up to "
	case a.AtLeast:
		return "over "
	case a.Approx:
		return "about "
	}
	return ""
}

// Pounds writes the amount as data files give it: 2000, or 57.90 with pence;
// empty when there is no amount.
func (a *Answer) Pounds() string {
	switch {
	case a.GBP == nil:
		return ""
	case a.Pence != 0:
		return fmt.Sprintf("%d.%02d", *a.GBP, a.Pence)
	}
	return strconv.Itoa(*a.GBP)
}

// Range is a number or a range of numbers, such as "3 to 5".
type Range struct{ Min, Max int }

// Group is a children in care or care leavers council.
type Group struct {
	Name      string
	Ages      string
	Attendees string // regular attendees, as the source gave them ("5-6")
}

// Bases, Scopes and Pers list the allowed words of those answer fields.
var (
	Bases  = []string{"all", "in_principle", "conditional"}
	Scopes = []string{"own", "county", "all", "unknown"}
	Pers   = []string{"once", "week", "month", "year"}
)

// Tiers lists the kinds of council, with the GSS prefix each has.
var Tiers = map[string]string{
	"county":               "E10",
	"district":             "E07",
	"unitary":              "E06",
	"metropolitan_borough": "E08",
	"london_borough":       "E09",
	"city_corporation":     "E09",
}

// TierNames are the tiers in words.
var TierNames = map[string]string{
	"county":               "County council",
	"district":             "District council",
	"unitary":              "Unitary council",
	"metropolitan_borough": "Metropolitan borough",
	"london_borough":       "London borough",
	"city_corporation":     "City corporation",
}

// Regions lists England's nine regions.
var Regions = []string{
	"East Midlands", "East of England", "London", "North East", "North West",
	"South East", "South West", "West Midlands", "Yorkshire and The Humber",
}

// SourceTypes lists the kinds of source a fact can come from.
var SourceTypes = []string{"foi", "offer_page", "offer_pdf", "committee_report", "council_confirmed", "council_page", "news", "press", "campaign_page", "contributor"}

// WebTypes are the kinds of source that are web pages: each needs its
// address, and every answer citing one needs a quote.
var WebTypes = []string{"offer_page", "offer_pdf", "council_page", "news", "press", "campaign_page"}

// SecondaryTypes are the kinds of source that report on a council rather
// than come from it: pages show them as "reported by", after the council's own.
var SecondaryTypes = []string{"press", "campaign_page"}

// QuoteWords is the most words an answer's quote may have.
const QuoteWords = 30

// ContactRoles lists the roles a contact can have.
var ContactRoles = []string{"officer_lead", "member_lead", "leaving_care_team", "general_contact", "participation", "council_tax", "housing", "leisure", "foi", "report_officer", "report_member"}

// Source is a document that answers come from.
type Source struct {
	ID        string
	Type      string
	Title     string
	Publisher string // who published it: the council, a newspaper, a campaign
	Ref       string // the council's reference, such as an FOI number
	Campaign  string // the national questionnaire it answers
	Received  Date
	Responded Date
	Published Date
	Updated   Date // when the page says it was last updated
	Meeting   Date // the meeting or decision a committee report is for
	Retrieved Date
	URL       string
	Licence   string
	Note      string
}

// Date is when the source's answers were true: responded, then updated,
// published, the meeting's date, then received. It is zero when the source
// gives no date.
func (s *Source) Date() Date {
	for _, d := range []Date{s.Responded, s.Updated, s.Published, s.Meeting, s.Received} {
		if !d.IsZero() {
			return d
		}
	}
	return Date{}
}

// Secondary reports whether the source reports on a council rather than
// comes from it: pages show it as "reported by", after the council's own.
func (s *Source) Secondary() bool { return slices.Contains(SecondaryTypes, s.Type) }

// Contact is a role at the council that care leavers or researchers can reach.
// It holds team inboxes and switchboards, never a person's own number or e-mail.
type Contact struct {
	Role    string
	Name    string
	Title   string
	Email   string
	Phone   string
	URL     string
	Status  Status
	Details string
	Src     string
	Quote   string // the source's own words that give this route, at most QuoteWords
}

// Sourced is a set of answers and the documents they come from: what a
// council's file and a joint offer's file both hold.
type Sourced struct {
	DefaultSrc string
	Sources    []Source
	Answers    Answers // by question key
}

// SourceByID returns the source with that id, or nil.
func (s *Sourced) SourceByID(id string) *Source {
	for i := range s.Sources {
		if s.Sources[i].ID == id {
			return &s.Sources[i]
		}
	}
	return nil
}

// SourceOf returns the source an answer cites (its own, or the default).
func (s *Sourced) SourceOf(a *Answer) *Source {
	if a.Src != "" {
		return s.SourceByID(a.Src)
	}
	return s.SourceByID(s.DefaultSrc)
}

// AsOf returns the date an answer was true, from the answer or its source.
func (s *Sourced) AsOf(a *Answer) Date {
	if !a.AsOf.IsZero() {
		return a.AsOf
	}
	if src := s.SourceOf(a); src != nil {
		return src.Date()
	}
	return Date{}
}

// Council is one council's file: identity, answers and sources.
type Council struct {
	File      string // path of the content file, for messages and edit links
	Slug      string
	GSS       string
	Name      string
	ShortName string
	Tier      string
	Parent    string // GSS of the county, for districts
	Region    string
	Website   string
	Places    []string // main towns and areas, for finding the council by place
	AKA       []string // other names people use for the council or its area, such as Notts
	Updated   Date
	Checked   Date // the month someone last researched the council, found or not
	Ended     Date
	Successor string // the council that takes over: its GSS, or its name if it has no code yet
	Sourced
	Contacts []Contact
	// Body is the Markdown after the frontmatter, where it is kept. A
	// loaded council also has BodyAt, where its body starts in File: a
	// large directory's councils keep only that, beyond the first few
	// megabytes of bodies, and their pages read the body when they are made
	// (content.CouncilBody), so the bodies are never all in memory.
	Body   []byte
	BodyAt int
	// ToRead counts the lines an imported FOI reply left for a person to
	// read (comments "not understood, line N" and "to confirm, line N"),
	// and ToReadLine is where the first is in the file.
	ToRead, ToReadLine int
}

// Joint is a local offer made together by several councils, such as a
// county and its districts.
type Joint struct {
	File        string
	Slug        string
	Name        string
	Area        string   // where the councils are, such as Nottinghamshire
	Members     []string // GSS codes of the member councils the sources name
	MemberCount int      // how many councils the sources say took part, named or not
	Started     string   // when, as the source gives it ("2018/19")
	Confirmed   bool     // false while the items are reported by a campaign, not confirmed by each council
	Sourced
	Body []byte
}

// Page is a plain page, such as "about", from content/*.md.
type Page struct {
	File  string
	Slug  string
	Title string
	Intro string
	Body  []byte
}

// Date is a calendar date that may be known only to the month or the year,
// as sources often give them.
type Date struct {
	Year       int16
	Month, Day int8 // 0 when not known
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// Time returns the start (UTC midnight) of the last day the date covers: the
// day itself, or the last day of its month or year, so a partial date is
// never judged older than it may be.
func (d Date) Time() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(int(d.Year), 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(int(d.Year), time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(int(d.Year), time.Month(d.Month), int(d.Day), 0, 0, 0, 0, time.UTC)
}

// FirstDay returns the start (UTC midnight) of the first day the date can
// mean: 2026-12 is 1 December 2026. Feeds date an entry by it.
func (d Date) FirstDay() time.Time {
	return time.Date(int(d.Year), time.Month(max(d.Month, 1)), int(max(d.Day, 1)), 0, 0, 0, 0, time.UTC)
}

// String writes the date as it is written in content: 2020-02-04, 2020-02 or 2020.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Words writes the date for people: 4 February 2020, February 2020 or 2020.
func (d Date) Words() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprint(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	}
	return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
}

// ParseDate reads 2020-02-04, 2020-02 or 2020.
func ParseDate(s string) (Date, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) != len(layout) {
			continue
		}
		t, err := time.Parse(layout, s)
		if err != nil {
			return Date{}, false
		}
		d := Date{Year: int16(t.Year())}
		if len(layout) > 4 {
			d.Month = int8(t.Month())
		}
		if len(layout) > 7 {
			d.Day = int8(t.Day())
		}
		return d, true
	}
	return Date{}, false
}

// StaleAfter is how old an answer may be before pages say it may be out of date.
const StaleAfter = 18 // months

// Stale reports whether the date is more than StaleAfter months before now.
func (d Date) Stale(now time.Time) bool {
	return !d.IsZero() && d.Time().AddDate(0, StaleAfter, 0).Before(now)
}
