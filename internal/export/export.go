// Package export writes the site's open data and the files made for machines
// rather than people: every council's answers as CSV and JSON, the JSON
// Schema of a council file, the sitemap, robots.txt and an Atom feed of
// councils whose offers were updated.
//
// Everything is generated from the catalogue (package offer) and the site
// model (package site), and is a pure function of them: the same content
// gives the same bytes. Nothing reads the clock; the only dates written are
// the content's own.
package export

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/publish"
	"github.com/localoffer/localoffer/internal/site"
)

// The files this package adds to the site, relative to its root.
const (
	AnswersFile  = "data/answers.csv"
	CouncilsFile = "data/councils.csv"
	JSONFile     = "data/offers.json"
	SchemaFile   = "schema/council.schema.json"
	SitemapFile  = "sitemap.xml"
	RobotsFile   = "robots.txt"
	FeedFile     = "feed.xml"
)

// Paths are the files Write makes.
var Paths = []string{AnswersFile, CouncilsFile, JSONFile, SchemaFile, SitemapFile, RobotsFile, FeedFile}

// Write makes the export files for the site s and puts them in sink. pages
// are the paths of the site's HTML pages, for the sitemap. It is Data, then
// Index.
func Write(s *site.Site, pages []string, sink publish.Sink) error {
	d, err := Data(s, sink, nil)
	if err != nil {
		return err
	}
	return Index(s, pages, d, sink)
}

// Written is what Data worked out that Index needs: each council's summary
// of what is known, for the site's feed.
type Written struct {
	summaries []string // in the order of the site's councils
	schema    []byte
}

// Data writes the open data (answers.csv, councils.csv, offers.json) and
// each council's feed to sink, working out each council's composed page
// (its sections) and facts once for all of them, on all processors. The big
// files are written as they are made, so they never have to fit in memory.
// each, if not nil, is called with every council and its sections, for
// files of its own; it is called from many goroutines at once. Data needs
// nothing from the site's pages, so it can run while they are made.
func Data(s *site.Site, sink publish.Sink, each Each) (*Written, error) {
	var files []io.WriteCloser
	for _, path := range []string{AnswersFile, CouncilsFile, JSONFile} {
		f, err := sink.Create(path)
		if err != nil {
			for _, f := range files {
				f.Close()
			}
			return nil, err
		}
		files = append(files, f)
	}
	summaries, err := writeData(s, dataOut{answers: files[0], councils: files[1], json: files[2], sink: sink, each: each})
	if cerr := closeAll(files[0], files[1], files[2]); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("export %s, %s and %s: %w", AnswersFile, CouncilsFile, JSONFile, err)
	}
	return &Written{summaries: summaries, schema: Schema()}, nil
}

// Index writes the files that describe the whole site: the JSON Schema (of
// a council file), the sitemap of pages, robots.txt and the site's feed. d
// is what Data worked out, the schema among it, so that it is made while
// the pages are.
func Index(s *site.Site, pages []string, d *Written, sink publish.Sink) error {
	sitemap, err := Sitemap(s, pages)
	if err != nil {
		return err
	}
	for _, f := range []publish.File{
		{Path: SchemaFile, Data: d.schema},
		{Path: SitemapFile, Data: sitemap},
		{Path: RobotsFile, Data: Robots(s)},
		{Path: FeedFile, Data: siteAtom(s, d.summaries).file()},
	} {
		if err := sink.Put(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// Files makes the export files for the site s in memory; pages are as for
// Write.
func Files(s *site.Site, pages []string) ([]publish.File, error) {
	var m publish.Memory
	if err := Write(s, pages, &m); err != nil {
		return nil, err
	}
	return m.Files()
}

// Fact is one council's answer to one catalogue question, as the exports give
// it: for someone living in the council's area, from the council that
// provides it.
type Fact struct {
	Question *offer.Question
	// By is the council that provides what the question asks about: a
	// district's county for what the council that looked after you provides,
	// otherwise the council itself. It is set even when no answer is known.
	By *site.Council
	// Row is the answer given, or nil when nobody has found out yet. Where
	// By has both its own answer and a joint offer's, it is the newer one
	// (the one the council page shows first, Row.Older false).
	Row *site.Row
	// Older are the other answers By has to the question, older than Row.
	Older []*site.Row
}

// Facts lists c's facts, one per catalogue question, in catalogue order.
//
// It reads the composed view of the council page (c.Sections()) and keeps, for
// each question, the answers of one council: the county's for a district's
// care-council questions, the council's own for everything else. Questions
// that each council answers about itself (publishing an offer, its own jobs
// and figures) are the district's own; the county's answers are in the
// county's facts.
func Facts(c *site.Council) []Fact { return factsOf(c, c.Sections()) }

// factsOf is Facts from the council's sections, worked out already.
func factsOf(c *site.Council, sections []site.Section) []Fact {
	rows := map[string][]*site.Row{}
	for i := range sections {
		for j := range sections[i].Rows {
			r := &sections[i].Rows[j]
			rows[r.Question.Key] = append(rows[r.Question.Key], r)
		}
	}
	out := make([]Fact, 0, len(offer.Catalogue))
	for _, sec := range offer.Sections {
		for _, q := range offer.InSection(sec.Key) {
			f := Fact{Question: q, By: c.Provider(q)}
			for _, r := range rows[q.Key] {
				switch {
				case r.By != f.By:
				case f.Row == nil:
					f.Row = r
				default:
					f.Older = append(f.Older, r)
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// placed is a council and its place in the site's list of councils.
type placed struct {
	*site.Council
	at int
}

// byGSS returns the site's councils ordered by their GSS code, the order of
// every export's rows, each with its place in s.Councils.
func byGSS(s *site.Site) []placed {
	out := make([]placed, len(s.Councils))
	for i, c := range s.Councils {
		out[i] = placed{c, i}
	}
	slices.SortFunc(out, func(a, b placed) int {
		if c := strings.Compare(a.GSS, b.GSS); c != 0 {
			return c
		}
		return strings.Compare(a.Slug, b.Slug)
	})
	return out
}

// baseURL is the site's absolute address, ending in /.
func baseURL(s *site.Site) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + "/"
}

// value writes the part of an answer that is not a status, for the CSV's
// value column: the text, link, date, list, council code or choice of a
// question that takes a value, and the band, service name or groups that
// some yes/no questions also record.
func value(a *offer.Answer) string {
	var parts []string
	if a.Value != "" {
		parts = append(parts, a.Value)
	}
	parts = append(parts, a.Values()...)
	if a.Band() != "" {
		parts = append(parts, a.Band())
	}
	if a.Name() != "" {
		parts = append(parts, a.Name())
	}
	for _, g := range a.Groups() {
		var about []string
		if g.Ages != "" {
			about = append(about, "ages "+g.Ages)
		}
		if g.Attendees != "" {
			about = append(about, g.Attendees+" regular attendees")
		}
		if len(about) > 0 {
			parts = append(parts, g.Name+" ("+strings.Join(about, ", ")+")")
		} else {
			parts = append(parts, g.Name)
		}
	}
	return strings.Join(parts, "; ")
}
