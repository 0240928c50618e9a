package export

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/localoffer/localoffer/internal/site"
)

// CSVColumns are the columns of offers.csv, in order (content/data.md
// explains each).
var CSVColumns = []string{
	"gss", "council", "tier", "section", "question", "label",
	"status", "from_age", "to_age", "gbp", "count_min", "count_max", "pct", "approx", "per", "basis", "scope",
	"details", "source", "source_url", "as_of", "by", "joint",
	"value", "apply",
}

// WriteCSV writes one row per council per catalogue question (RFC 4180,
// with a header row): councils in GSS order, questions in catalogue order.
// A question nobody has found out about has its row, with no status.
func WriteCSV(w io.Writer, s *site.Site) error { return writeData(s, w, nil) }

// csvHeader is offers.csv's first line.
func csvHeader() []byte {
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	_ = cw.Write(CSVColumns) // writing to a bytes.Buffer cannot fail
	cw.Flush()
	return b.Bytes()
}

// councilCSV writes a council's rows of offers.csv.
func councilCSV(b *bytes.Buffer, c *site.Council, facts []Fact) error {
	cw := csv.NewWriter(b)
	cw.UseCRLF = true
	for _, f := range facts {
		if err := cw.Write(csvRow(c, f)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// OffersCSV returns offers.csv as WriteCSV writes it.
func OffersCSV(s *site.Site) []byte {
	var b bytes.Buffer
	_ = WriteCSV(&b, s) // writing to a bytes.Buffer cannot fail
	return b.Bytes()
}

func csvRow(c *site.Council, f Fact) []string {
	q := f.Question
	rec := make([]string, 0, len(CSVColumns))
	rec = append(rec, c.GSS, c.Name, c.Tier, q.Section, q.Key, q.Label)
	r := f.Row
	if r == nil {
		rec = append(rec, make([]string, 15)...) // status to as_of
		return append(rec, f.By.GSS, "", "", "")
	}
	a := r.Answer
	var countMin, countMax, approx string
	if a.Count != nil {
		countMin, countMax = strconv.Itoa(a.Count.Min), strconv.Itoa(a.Count.Max)
	}
	if a.Approx {
		approx = "true"
	}
	var source, sourceURL, joint string
	if r.Source != nil {
		source, sourceURL = r.Source.Title, r.Source.URL
	}
	if r.Joint != nil {
		joint = r.Joint.Slug
	}
	return append(rec,
		string(a.Status), number(int(a.FromAge)), number(int(a.ToAge)), pointer(a.GBP), countMin, countMax, pointer(a.Pct), approx,
		a.Per, a.Basis, a.Scope, a.Details, source, sourceURL, r.AsOf.String(), f.By.GSS, joint,
		value(a), a.Apply)
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
