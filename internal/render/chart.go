package render

import (
	"fmt"
	"strings"

	"github.com/localoffer/localoffer/internal/site"
)

// KeyQuestions are the questions the national picture charts by region.
var KeyQuestions = []string{
	"offer.published", "council_tax.exempt", "leisure.free_access",
	"housing.priority_banding", "home.setup_allowance", "work.ringfenced_apprenticeships",
}

// Bar is one bar of a chart: of Known councils with an answer, Yes say yes.
type Bar struct {
	Label      string
	Yes, Known int
	Providers  int
}

// Share is the bar's yes share in whole percent, or -1 with no answers.
func (b Bar) Share() int {
	if b.Known == 0 {
		return -1
	}
	return (b.Yes*100 + b.Known/2) / b.Known
}

// Words says the bar's numbers in words, as the chart and table both show them.
func (b Bar) Words() string {
	if b.Known == 0 {
		return "no answers yet"
	}
	return fmt.Sprintf("%d of %d say yes (%d%%)", b.Yes, b.Known, b.Share())
}

// Chart is the national picture for one question: England, then each region.
type Chart struct {
	ID    string
	Stat  *site.Stat
	Title string
	Desc  string
	Bars  []Bar
}

// charts builds the charts of the key questions from the site's counts.
func charts(s *site.Site) []Chart {
	var out []Chart
	for _, key := range KeyQuestions {
		st := s.Stat(key)
		if st == nil {
			continue
		}
		c := Chart{ID: "chart-" + strings.ReplaceAll(key, ".", "-"), Stat: st,
			Title: st.Question.Label + ": councils saying yes, by region"}
		c.Bars = append(c.Bars, Bar{"England", st.Yes, st.Known, st.Providers})
		for _, r := range st.ByRegion {
			c.Bars = append(c.Bars, Bar{r.Region.Name, r.Yes, r.Known, r.Providers})
		}
		c.Desc = fmt.Sprintf("Of the %d councils that provide this, %d have a known answer. In England, %s.", st.Providers, st.Known, c.Bars[0].Words())
		out = append(out, c)
	}
	return out
}
