package render

import (
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/wording"
)

// maxChanges is how many of a council's latest changes its page lists; its
// feed has them all.
const maxChanges = 3

// maxChangeLines is how many answers one listed change names.
const maxChangeLines = 4

// ChangeView is one change to a council's answers, as its page lists it.
type ChangeView struct {
	Date, When string // 2026-12-07, and 7 December 2026
	Title      string
	Lines      []string // the answers it changed, old → new
	More       int      // answers changed beyond Lines
}

// Changes are the council's latest changes, newest first.
func (p *Page) Changes() []ChangeView {
	c := p.Council
	var out []ChangeView
	for _, e := range c.Changes[:min(maxChanges, len(c.Changes))] {
		d := offer.Date{Year: int16(e.Date.Year()), Month: int8(e.Date.Month()), Day: int8(e.Date.Day())}
		v := ChangeView{Date: d.String(), When: d.Words(), Title: wording.ChangeTitle(e)}
		if !e.First {
			lines := wording.ChangeLines(e)
			v.Lines = lines[:min(maxChangeLines, len(lines))]
			v.More = len(lines) - len(v.Lines)
		}
		out = append(out, v)
	}
	return out
}
