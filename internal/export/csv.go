package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
)

// AnswerColumns are the columns of answers.csv, in order (content/data.md
// explains each).
var AnswerColumns = []string{
	"gss", "council", "tier", "region", "joint", "confirmed",
	"section", "question", "label", "provider",
	"status", "value", "from_age", "to_age", "gbp", "count_min", "count_max", "pct",
	"up_to", "at_least", "approx", "per", "basis", "scope", "means_tested", "anywhere", "condition",
	"details", "apply", "note",
	"source_type", "secondary", "source", "publisher", "source_url", "as_of", "quote",
	"conditions", "year",
}

// CouncilColumns are the first columns of councils.csv; HeadlineColumns follow.
var CouncilColumns = []string{
	"gss", "council", "short_name", "tier", "county", "region", "page",
	"checked", "researched", "answers", "joint_offers",
}

// HeadlineColumns are councils.csv's columns for the catalogue's headline
// questions: for each, the status, the age and amount where it takes them,
// who gives the answer, and its conditions, who reported it and its year in
// the words the site's pages use.
var HeadlineColumns = func() []string {
	var out []string
	for _, q := range offer.Headlines {
		out = append(out, q.Key, q.Key+".to_age")
		if q.Kind == offer.KindMoney {
			out = append(out, q.Key+".gbp")
		}
		out = append(out, q.Key+".by", q.Key+".conditions")
	}
	return out
}()

// LawColumns are councils.csv's last columns: for each of the law's areas,
// whether what we have read of a council's offer speaks of it (found,
// says_no or not_found), for councils that look after children.
var LawColumns = func() []string {
	var out []string
	for _, a := range offer.Areas {
		out = append(out, "law."+a.Key)
	}
	return out
}()

// AnswersCSV returns answers.csv: one row for every answer recorded in a
// council's file, councils in GSS order and questions in catalogue order,
// then one for every answer of a joint offer, which no single council gives.
func AnswersCSV(s *site.Site) []byte {
	var b bytes.Buffer
	_, _ = writeData(s, dataOut{answers: &b}) // writing to a bytes.Buffer cannot fail
	return b.Bytes()
}

// CouncilsCSV returns councils.csv: one row for each council, with what
// someone living there gets for each headline question.
func CouncilsCSV(s *site.Site) []byte {
	var b bytes.Buffer
	_, _ = writeData(s, dataOut{councils: &b}) // writing to a bytes.Buffer cannot fail
	return b.Bytes()
}

// header is a CSV file's first line.
func header(columns ...[]string) []byte {
	var b bytes.Buffer
	writeRecords(newCSV(&b), [][]string{slices.Concat(columns...)})
	return b.Bytes()
}

// newCSV is a CSV writer to b that writes as RFC 4180 asks, with CR LF line
// ends. The writer can be used again for the next council's rows.
func newCSV(b io.Writer) *csv.Writer {
	cw := csv.NewWriter(b)
	cw.UseCRLF = true
	return cw
}

// writeRecords writes CSV records with cw, each cell made safe for
// spreadsheets, and flushes it.
func writeRecords(cw *csv.Writer, records [][]string) error {
	for _, rec := range records {
		for i := range rec {
			rec[i] = Neutralise(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Neutralise makes a cell safe to open in a spreadsheet, as OWASP's advice
// on CSV injection says: a cell that begins with =, +, -, @, a tab or a
// carriage return could be read as a formula, so it gets a leading
// apostrophe, which spreadsheets show as text.
func Neutralise(cell string) string {
	if cell != "" && strings.IndexByte("=+-@\t\r", cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}

// councilAnswers writes a council's rows of answers.csv with w.
func councilAnswers(w *csv.Writer, c *site.Council) error {
	var records [][]string
	for i := range offer.Catalogue {
		q := &offer.Catalogue[i]
		if a := c.Answers.Get(q.Key); a != nil {
			for _, a := range append([]*offer.Answer{a}, a.Also()...) {
				records = append(records, answerRecord(q, a, &c.Sourced, c, []string{c.GSS, c.Name, c.Tier, c.Region, "", ""}))
			}
		}
	}
	return writeRecords(w, records)
}

// jointAnswers writes the rows of answers.csv for the joint offers' own
// answers, labelled with the joint offer and whether each council has
// confirmed them.
func jointAnswers(w *csv.Writer, s *site.Site) error {
	var records [][]string
	for _, j := range s.Joints {
		for i := range offer.Catalogue {
			q := &offer.Catalogue[i]
			if a := j.Answers.Get(q.Key); a != nil {
				for _, a := range append([]*offer.Answer{a}, a.Also()...) {
					who := []string{"", j.Name, "joint", "", j.Slug, strconv.FormatBool(j.Confirmed)}
					if len(j.Members) > 0 {
						who[3] = j.Members[0].Region
					}
					records = append(records, answerRecord(q, a, &j.Sourced, nil, who))
				}
			}
		}
	}
	return writeRecords(w, records)
}

// answerRecord is one row of answers.csv: who, then the answer, then its source.
func answerRecord(q *offer.Question, a *offer.Answer, in *offer.Sourced, by *site.Council, who []string) []string {
	var countMin, countMax string
	if a.Count != nil {
		countMin, countMax = strconv.Itoa(a.Count.Min), strconv.Itoa(a.Count.Max)
	}
	var note string
	asOf := in.AsOf(a)
	if q.Overtaken.Overtook(a, asOf) {
		note = q.Overtaken.Note
	}
	var srcType, secondary, title, publisher, url string
	src := in.SourceOf(a)
	if src != nil {
		srcType, title, publisher, url = src.Type, src.Title, src.Publisher, src.URL
		secondary = strconv.FormatBool(src.Secondary())
	}
	return append(who,
		q.Section, q.Key, q.Label, providerWord(q.Provider),
		a.Status.String(), value(a), number(int(a.FromAge)), number(int(a.ToAge)), a.Pounds(), countMin, countMax, pointer(a.Pct),
		boolCell(a.UpTo), boolCell(a.AtLeast), boolCell(a.Approx), a.Per.String(), a.Basis.String(), a.Scope.String(), boolCell(a.MeansTest), boolCell(a.Anywhere), a.Condition(),
		a.Details, a.Apply(), note,
		srcType, secondary, title, publisher, url, asOf.String(), a.Quote,
		terms(&site.Row{Question: q, Answer: a, By: by, Source: src, AsOf: asOf}, nil), wording.When(&site.Row{AsOf: asOf}))
}

// terms are an answer's conditions and who reported it, in the words the
// site's pages use, joined by "; ".
func terms(r *site.Row, on *site.Council) string {
	out := wording.Conditions(r, on)
	if w := wording.Reported(r); w != "" {
		out = append(out, w)
	}
	return strings.Join(out, "; ")
}

// councilRow writes a council's row of councils.csv, from its facts.
func councilRow(w *csv.Writer, s *site.Site, c *site.Council, facts []Fact) error {
	var county string
	if c.County != nil {
		county = c.County.Name
	}
	var joints []string
	for _, j := range c.Joints {
		joints = append(joints, j.Slug)
	}
	rec := []string{c.GSS, c.Name, c.ShortName, c.Tier, county, c.Region, s.Config.BaseURL + c.Path(),
		c.Checked.String(), c.Researched(), strconv.Itoa(c.KnownAnswers()), strings.Join(joints, "; ")}
	byKey := make(map[string]*site.Row, len(facts))
	for _, f := range facts {
		if f.Row != nil {
			byKey[f.Question.Key] = f.Row
		}
	}
	for _, q := range offer.Headlines {
		var status, toAge, gbp, by, conds string
		if r := byKey[q.Key]; r != nil {
			status, toAge, gbp, by = r.Answer.Status.String(), number(int(r.Answer.ToAge)), r.Answer.Pounds(), givenBy(r)
			if conds = terms(r, c); conds != "" {
				conds += "; "
			}
			conds += wording.When(r)
		}
		rec = append(rec, status, toAge)
		if q.Kind == offer.KindMoney {
			rec = append(rec, gbp)
		}
		rec = append(rec, by, conds)
	}
	if c.RunsLeavingCare() {
		_, checks := c.Checklist()
		for i := range checks {
			rec = append(rec, checks[i].State())
		}
	} else {
		rec = append(rec, make([]string, len(LawColumns))...) // the county's row has them
	}
	return writeRecords(w, [][]string{rec})
}

// givenBy says who gives an answer in councils.csv: the council's code, or
// for a joint offer's answer "joint:" and its id, with "(unconfirmed)" while
// each council has not confirmed it.
func givenBy(r *site.Row) string {
	switch {
	case r.Joint == nil:
		return r.By.GSS
	case r.Joint.Confirmed:
		return "joint:" + r.Joint.Slug
	}
	return "joint:" + r.Joint.Slug + " (unconfirmed)"
}

func providerWord(p offer.Provider) string {
	return [...]string{"care_council", "home_council", "each_council"}[p]
}

func boolCell(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// number writes an age, where 0 means not given.
func number(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func pointer(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// closeAll closes files, returning the first error.
func closeAll(files ...io.Closer) error {
	var err error
	for _, f := range files {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}
