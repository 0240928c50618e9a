package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
)

// Licence texts, as README.md gives them.
const (
	contentLicence    = "Creative Commons Attribution 4.0 (CC BY 4.0), apart from what it quotes"
	contentLicenceURL = "https://creativecommons.org/licenses/by/4.0/"
	codesCredit       = "Council codes from mySociety UK Local Authority Names and Codes (CC BY 4.0), containing Office for National Statistics data © Crown copyright and database right (Open Government Licence v3.0)."
	sourcesCredit     = "Council answers come from the documents each council file names. Freedom of Information replies are re-used under the Open Government Licence v3.0 where the council says so."
)

// The words the JSON files use for the catalogue's kinds, providers and
// polarities. Every value the catalogue uses must have one (a test checks).
var (
	KindNames = map[offer.Kind]string{
		offer.KindYesNo: "yes_no", offer.KindMoney: "money", offer.KindCount: "count", offer.KindPercent: "percent",
		offer.KindText: "text", offer.KindURL: "url", offer.KindDate: "date", offer.KindList: "list",
		offer.KindGSS: "gss", offer.KindChoice: "choice",
	}
	ProviderNames = map[offer.Provider]string{
		offer.CareCouncil: "care_council", offer.HomeCouncil: "home_council", offer.EachCouncil: "each_council",
	}
	PolarityNames = map[offer.Polarity]string{
		offer.YesIsGood: "yes_is_good", offer.YesIsBad: "yes_is_bad", offer.Neutral: "neutral",
	}
)

// Offers is the shape of offers.json.
type Offers struct {
	GeneratedFrom string         `json:"generated_from"`
	Licence       Licence        `json:"licence"`
	Sections      []JSONSection  `json:"sections"`
	Questions     []JSONQuestion `json:"questions"`
	LawAreas      []JSONLawArea  `json:"law_areas"`
	JointOffers   []JSONJoint    `json:"joint_offers"`
	Councils      []JSONCouncil  `json:"councils"`
}

// Licence says under what terms the data may be re-used.
type Licence struct {
	Content     string `json:"content"`
	ContentURL  string `json:"content_url"`
	Attribution string `json:"attribution"`
	CouncilCode string `json:"council_codes"`
	Sources     string `json:"sources"`
}

// JSONSection is one section of the catalogue.
type JSONSection struct {
	Key   string `json:"key"`
	Title string `json:"title"`
	Intro string `json:"intro"`
}

// JSONQuestion is one catalogue entry.
type JSONQuestion struct {
	Key      string   `json:"key"`
	Section  string   `json:"section"`
	Label    string   `json:"label"`
	Ask      string   `json:"ask"`
	Provider string   `json:"provider"`
	Kind     string   `json:"kind"`
	Polarity string   `json:"polarity"`
	Choices  []string `json:"choices,omitempty"`
}

// JSONLawArea is one of the areas the law says an offer must cover.
type JSONLawArea struct {
	Key      string   `json:"key"`
	Title    string   `json:"title"`
	Law      string   `json:"law"`     // the Act and section
	Section  string   `json:"section"` // the subsection that lists the area
	Since    string   `json:"since"`   // when the requirement began, in words
	InForce  string   `json:"in_force,omitempty"`
	Evidence []string `json:"evidence"`         // the questions whose yes shows an offer speaks of it
	Direct   string   `json:"direct,omitempty"` // the question asking it outright
}

// JSONCheck is what we have read of one area in a council's offer.
type JSONCheck struct {
	Area     string   `json:"area"`
	State    string   `json:"state"`              // found, says_no or not_found
	Evidence []string `json:"evidence,omitempty"` // the questions answered yes that show it
}

// JSONJoint is a joint offer that answers can come from.
type JSONJoint struct {
	Slug        string   `json:"slug"`
	Name        string   `json:"name"`
	Area        string   `json:"area,omitempty"`
	Members     []string `json:"members"` // gss codes
	MemberCount int      `json:"member_count"`
	Confirmed   bool     `json:"confirmed"`
	Page        string   `json:"page"`
}

// JSONCouncil is one council and the answers that apply to someone living
// in its area.
type JSONCouncil struct {
	GSS       string `json:"gss"`
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
	Tier      string `json:"tier"`
	Parent    string `json:"parent,omitempty"`
	Region    string `json:"region"`
	Page      string `json:"page"`
	Website   string `json:"website,omitempty"`
	Updated   string `json:"updated,omitempty"`
	Checked   string `json:"checked,omitempty"` // the month someone last researched it
	Ended     string `json:"ended,omitempty"`
	Successor string `json:"successor,omitempty"`
	// Law is the law's checklist, for a council that looks after children.
	Law []JSONCheck `json:"law,omitempty"`
	// Answers holds a JSONAnswer for each question with a known answer, by
	// question key, in catalogue order.
	Answers json.RawMessage `json:"answers"`
}

// JSONAnswer is one answer, with who gives it and where it comes from.
type JSONAnswer struct {
	Status   string      `json:"status,omitempty"`
	Value    string      `json:"value,omitempty"`
	Values   []string    `json:"values,omitempty"`
	FromAge  int         `json:"from_age,omitempty"`
	ToAge    int         `json:"to_age,omitempty"`
	GBP      json.Number `json:"gbp,omitempty"` // pounds: 2000, or 57.90 with pence
	Count    *JSONRange  `json:"count,omitempty"`
	Pct      *int        `json:"pct,omitempty"`
	Approx   bool        `json:"approx,omitempty"`
	UpTo     bool        `json:"up_to,omitempty"`
	AtLeast  bool        `json:"at_least,omitempty"`
	Per      string      `json:"per,omitempty"`
	Basis    string      `json:"basis,omitempty"`
	Scope    string      `json:"scope,omitempty"`
	Means    bool        `json:"means_tested,omitempty"`
	Anywhere bool        `json:"anywhere,omitempty"`
	Band     string      `json:"band,omitempty"`
	Name     string      `json:"name,omitempty"`
	Groups   []JSONGroup `json:"groups,omitempty"`
	Details  string      `json:"details,omitempty"`
	Apply    string      `json:"apply,omitempty"`
	By       string      `json:"by"`
	Joint    string      `json:"joint,omitempty"`
	Source   *JSONSource `json:"source,omitempty"`
	AsOf     string      `json:"as_of,omitempty"`
	Quote    string      `json:"quote,omitempty"` // the source's own words behind the answer
	// Differs marks another source's answer that says something different
	// from the council's own, which comes first.
	Differs bool `json:"differs,omitempty"`
	// Note is a national change since the answer that it may not reflect.
	Note string `json:"note,omitempty"`
	// Older are other answers from the same council, or its joint offer,
	// that are older than this one.
	Older []JSONAnswer `json:"older,omitempty"`
}

// JSONRange is a count: a number (min and max the same) or a range.
type JSONRange struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// JSONGroup is a children in care or care leavers council.
type JSONGroup struct {
	Name      string `json:"name"`
	Ages      string `json:"ages,omitempty"`
	Attendees string `json:"regular_attendees,omitempty"`
}

// JSONSource is the document an answer comes from.
type JSONSource struct {
	ID        string `json:"id"`
	Type      string `json:"type,omitempty"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Licence   string `json:"licence,omitempty"`
	Secondary bool   `json:"secondary,omitempty"` // reported by others, not the council's own
}

// WriteJSON writes the catalogue and every council's known answers as JSON:
// the catalogue indented, then one council to a line, so the file is quick
// to write and read and its diffs show which councils changed.
func WriteJSON(w io.Writer, s *site.Site) error {
	_, err := writeData(s, dataOut{json: w})
	return err
}

// jsonHead is offers.json up to the opening of its list of councils.
func jsonHead(s *site.Site) ([]byte, error) {
	doc := Offers{
		GeneratedFrom: "the council and joint offer files in content/ of " + s.Config.Repository,
		Licence: Licence{
			Content:     contentLicence,
			ContentURL:  contentLicenceURL,
			Attribution: s.Config.Title + ", " + baseURL(s),
			CouncilCode: codesCredit,
			Sources:     sourcesCredit,
		},
		Sections:    []JSONSection{},
		Questions:   []JSONQuestion{},
		LawAreas:    []JSONLawArea{},
		JointOffers: []JSONJoint{},
		Councils:    []JSONCouncil{},
	}
	for _, sec := range offer.Sections {
		doc.Sections = append(doc.Sections, JSONSection{sec.Key, sec.Title, sec.Intro})
		for _, q := range offer.InSection(sec.Key) {
			doc.Questions = append(doc.Questions, JSONQuestion{
				Key: q.Key, Section: q.Section, Label: q.Label, Ask: q.Ask,
				Provider: ProviderNames[q.Provider], Kind: KindNames[q.Kind], Polarity: PolarityNames[q.Polarity],
				Choices: q.Choices,
			})
		}
	}
	for _, a := range offer.Areas {
		doc.LawAreas = append(doc.LawAreas, JSONLawArea{Key: a.Key, Title: a.Title, Law: a.Law.Title, Section: a.Section,
			Since: a.Law.Since, InForce: a.Law.InForce.String(), Evidence: a.Evidence, Direct: a.Direct})
	}
	for _, j := range s.Joints {
		members := []string{}
		for _, m := range j.Members {
			members = append(members, m.GSS)
		}
		slices.Sort(members)
		doc.JointOffers = append(doc.JointOffers, JSONJoint{
			Slug: j.Slug, Name: j.Name, Area: j.Area, Members: members,
			MemberCount: j.MemberCount, Confirmed: j.Confirmed, Page: j.Path(),
		})
	}
	head, err := marshal(doc, " ")
	if err != nil {
		return nil, err
	}
	// The councils go where the empty list is, at the end of the document.
	head, ok := bytes.CutSuffix(head, []byte("[]\n}\n"))
	if !ok {
		return nil, fmt.Errorf("councils are not the last member of %s", JSONFile)
	}
	return append(head, '['), nil
}

// jsonTail ends offers.json.
const jsonTail = "\n ]\n}\n"

// councilJSON writes a council's line of offers.json, with enc, which
// writes to b; line holds the council's answers while they are written.
func councilJSON(b, line *bytes.Buffer, c *site.Council, facts []Fact) error {
	jc := JSONCouncil{
		GSS: c.GSS, Name: c.Name, ShortName: c.ShortName, Tier: c.Tier, Parent: c.Parent, Region: c.Region,
		Page: c.Path(), Website: c.Website, Updated: c.Updated.String(), Checked: c.Checked.String(), Ended: c.Ended.String(),
		Successor: c.Council.Successor,
	}
	if c.RunsLeavingCare() {
		_, checks := c.Checklist()
		for i := range checks {
			k := &checks[i]
			jk := JSONCheck{Area: k.Area.Key, State: k.State()}
			for _, q := range k.Evidence {
				jk.Evidence = append(jk.Evidence, q.Key)
			}
			jc.Law = append(jc.Law, jk)
		}
	}
	answersJSON(line, facts)
	// The answers, last, are put in after the rest is encoded: the encoder
	// would check and copy them again, which takes longer than making them.
	jc.Answers = json.RawMessage(`{}`)
	b.WriteString("\n  ")
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jc); err != nil {
		return fmt.Errorf("%s: %w", c.GSS, err)
	}
	const end = "{}}\n" // the placeholder, the object's end and the newline Encode ends with
	if !bytes.HasSuffix(b.Bytes(), []byte(end)) {
		return fmt.Errorf("%s: the council's JSON does not end with its answers", c.GSS)
	}
	b.Truncate(b.Len() - len(end))
	b.Write(line.Bytes())
	b.WriteByte('}')
	return nil
}

// answersJSON writes a council's known answers to b as one JSON object, by
// question key in catalogue order.
func answersJSON(b *bytes.Buffer, facts []Fact) {
	b.Reset()
	b.WriteByte('{')
	for _, f := range facts {
		if f.Row == nil {
			continue
		}
		a := jsonAnswer(f.Row)
		for _, r := range f.Older {
			a.Older = append(a.Older, jsonAnswer(r))
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		writeString(b, f.Question.Key)
		b.WriteByte(':')
		a.writeJSON(b)
	}
	b.WriteByte('}')
}

// OffersJSON returns offers.json as WriteJSON writes it.
func OffersJSON(s *site.Site) ([]byte, error) {
	var b bytes.Buffer
	if err := WriteJSON(&b, s); err != nil {
		return nil, fmt.Errorf("export %s: %w", JSONFile, err)
	}
	return b.Bytes(), nil
}

func jsonAnswer(r *site.Row) JSONAnswer {
	a := r.Answer
	out := JSONAnswer{
		Status: a.Status.String(), Value: a.Value, Values: a.Values(), FromAge: int(a.FromAge), ToAge: int(a.ToAge),
		GBP: json.Number(a.Pounds()), Pct: a.Pct, Approx: a.Approx, UpTo: a.UpTo, AtLeast: a.AtLeast, Per: a.Per.String(), Basis: a.Basis.String(), Scope: a.Scope.String(),
		Means: a.MeansTest, Anywhere: a.Anywhere, Band: a.Band(), Name: a.Name(), Details: a.Details, Apply: a.Apply(), By: r.By.GSS, AsOf: r.AsOf.String(),
		Quote: a.Quote, Differs: r.Also,
	}
	if r.Question.Overtaken.Overtook(a, r.AsOf) {
		out.Note = r.Question.Overtaken.Note
	}
	if a.Count != nil {
		out.Count = &JSONRange{a.Count.Min, a.Count.Max}
	}
	for _, g := range a.Groups() {
		out.Groups = append(out.Groups, JSONGroup(g))
	}
	if r.Joint != nil {
		out.Joint = r.Joint.Slug
	}
	if src := r.Source; src != nil {
		out.Source = &JSONSource{ID: src.ID, Type: src.Type, Title: src.Title, Publisher: src.Publisher, URL: src.URL, Licence: src.Licence,
			Secondary: src.Secondary()}
	}
	return out
}

// ordered is a JSON object whose members keep their order, so files read in
// the catalogue's order rather than A to Z.
type ordered []member

type member struct {
	key   string
	value any
}

// MarshalJSON writes the members in order.
func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(m.key, "")
		if err != nil {
			return nil, err
		}
		v, err := marshal(m.value, "")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.key, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal writes v as JSON without escaping <, > and & (the files are not
// embedded in HTML), indented by indent unless it is empty, ending in a
// newline when indented.
func marshal(v any, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if indent == "" {
		return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
	}
	return b.Bytes(), nil
}
