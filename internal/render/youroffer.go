package render

import (
	"html/template"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
)

// YourOfferPath is the page that puts together what someone gets from the
// council that looked after them and the council where they live now.
const YourOfferPath = "your-offer/"

// yourOfferData is what the two-council page's script needs: for every
// council, its headline good news as the council that looks after someone
// (leaving-care support) and as the council where they live (council tax,
// housing, leisure, with its joint offers'), and the council tax answers the
// script works out coverage from, as site.CouncilTaxFor does.
func yourOfferData(p *Page) template.JS {
	var b strings.Builder
	b.WriteString(`{"c":[`)
	for i, c := range p.Site.Councils {
		if i > 0 {
			b.WriteByte(',')
		}
		county := ""
		if c.County != nil {
			county = c.County.Slug
		}
		write(&b, `{"s":`, jsonString(c.Slug), `,"n":`, jsonString(c.Name), `,"t":`, jsonString(c.ShortName),
			`,"k":`, jsonString(county), `,"d":`, boolJSON(c.IsDistrict()),
			`,"p":`, jsonString(strings.Join(append(append([]string{c.ShortName}, c.Places...), c.AKA...), "|")), `}`)
	}
	b.WriteString(`]}`)
	return template.JS(p.fragment(b.String())) //nolint:gosec // JSON with <, > and & escaped
}

// CouncilDataPath is where a council's data for the two-council and
// side-by-side pages is, as a script: those pages load the one or few
// councils someone chooses, never all of them, so they stay light however
// many councils there are, and work opened from disk, where a script loads
// but fetch does not.
func CouncilDataPath(c *site.Council) string { return "data/councils/" + c.Slug + ".js" }

// CouncilData is a council's data script: a call of localofferData with
// its names, its page (from the site's root), its cells for the
// side-by-side page, and its good news and council tax answers for the
// two-council page, which works out coverage from them as
// site.CouncilTaxFor does. sections are c.Sections(), worked out once by
// the caller for this and the council's other files.
func CouncilData(c *site.Council, sections []site.Section) []byte {
	var b strings.Builder
	about := c.TierName()
	if c.County != nil {
		about += " in " + c.County.ShortName
	}
	write(&b, `localofferData({"s":`, jsonString(c.Slug), `,"n":`, jsonString(c.Name), `,"t":`, jsonString(c.ShortName),
		`,"a":`, jsonString(about), `,"h":`, jsonString(c.Path()+"index.html"))
	compareCells(&b, c)
	care, home := offerItems(c, sections)
	writeItems(&b, "care", care, c)
	writeItems(&b, "home", home, c)
	writeTax(&b, c)
	b.WriteString("});\n")
	return []byte(b.String())
}

// offerItems are a council's own headline rows that are good news: those it
// gives as the council that looked after someone, and those it gives (with
// its joint offers) as the council where they live. Council tax is left to
// the script, which works out whom it covers.
func offerItems(c *site.Council, sections []site.Section) (care, home []site.Row) {
	first := map[string]bool{}
	for _, sec := range sections {
		for _, r := range sec.Rows {
			if r.By != c || r.Older || r.Also || first[r.Question.Key] {
				continue
			}
			first[r.Question.Key] = true
			q := r.Question
			if q.Good == "" || r.Answer.Status != offer.Yes || q.Polarity != offer.YesIsGood || q.Section == "council_tax" {
				continue
			}
			switch q.Provider {
			case offer.CareCouncil:
				if !c.IsDistrict() {
					care = append(care, r)
				}
			case offer.HomeCouncil:
				if c.Tier != "county" {
					home = append(home, r)
				}
			}
		}
	}
	return care, home
}

func writeItems(b *strings.Builder, name string, rows []site.Row, c *site.Council) {
	write(b, `,"`, name, `":[`)
	for i, r := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		from := ""
		if r.Joint != nil {
			from = giver(&r)
		}
		write(b, `[`, jsonString(goodNews(r.Question, &r, nil)+" ("+wording.When(&r)+")"), `,`, jsonString(c.Path()+"index.html#"+rowID(r.Question.Key)), `,`, jsonString(from), `]`)
	}
	b.WriteByte(']')
}

// writeTax writes the council's council tax answers: its exemption (its own,
// else its joint offer's) as [status, ages, scope, reciprocal, from, terms],
// and its payment for care leavers it looked after as [status, ages,
// anywhere, terms], with whether it funds its districts' exemptions. Ages
// and terms are in the words every page uses; whom it covers is left to the
// script.

// taxTerms are a council tax answer's own conditions, who reported it if
// not the council, and its year.
func taxTerms(c *site.Council, a *offer.Answer, in *offer.Sourced) string {
	r := &site.Row{Answer: a, By: c, Source: in.SourceOf(a), AsOf: in.AsOf(a)}
	var basis string
	switch a.Basis {
	case offer.BasisInPrinciple:
		basis = "in principle, decided case by case"
	case offer.BasisConditional:
		basis = "only in some cases"
	}
	return join("; ", a.Condition(), basis, wording.Reported(r), wording.When(r))
}
func writeTax(b *strings.Builder, c *site.Council) {
	ex, from, in := c.Answers.Get("council_tax.exempt"), "", &c.Sourced
	if ex == nil {
		for _, j := range c.Joints {
			if a := j.Answers.Get("council_tax.exempt"); a != nil {
				ex, from, in = a, j.Name, &j.Sourced
				if !j.Confirmed {
					from += ", not yet confirmed by each council"
				}
				break
			}
		}
	}
	if ex != nil {
		recip := ""
		if r := c.Answers.Get("council_tax.reciprocal"); r != nil {
			recip = r.Status.String()
		}
		write(b, `,"ex":[`, jsonString(ex.Status.String()), `,`, jsonString(wording.Ages(int(ex.FromAge), int(ex.ToAge))), `,`, jsonString(ex.Scope.String()), `,`,
			jsonString(recip), `,`, jsonString(from), `,`, jsonString(taxTerms(c, ex, in)), `]`)
	}
	if pays := c.Answers.Get("council_tax.care_council_pays"); pays != nil {
		write(b, `,"pays":[`, jsonString(pays.Status.String()), `,`, jsonString(wording.Ages(int(pays.FromAge), int(pays.ToAge))), `,`,
			boolJSON(pays.Anywhere), `,`, jsonString(taxTerms(c, pays, &c.Sourced)), `]`)
	}
	if f := c.Answers.Get("council_tax.funds_districts"); f != nil && f.Status == offer.Yes {
		b.WriteString(`,"funds":true`)
	}
}

func boolJSON(v bool) string {
	if v {
		return "true"
	}
	return "false"
}
