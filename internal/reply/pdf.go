package reply

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/ledongthuc/pdf"
)

// pdfText reads a PDF's text layer: its characters, placed on the page,
// put back into lines from the top of each page down, with a wide gap where
// a table's cells are apart. A PDF that is only scanned images has no text
// layer, and gets ErrNoText.
//
// github.com/ledongthuc/pdf reads the PDF in pure Go. Measured on a reply
// printed to PDF by Chromium, it read the page in 2.3 ms; PDFium as
// WebAssembly (github.com/klippa-app/go-pdfium) took 5.3 s to start and 5 ms
// to read, added its runtime to the program, and joined table cells with
// one space. The pure-Go reader panics on some malformed files, so a panic
// becomes an error here.
func pdfText(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("cannot read this PDF (%v): open it, save it again as PDF or .docx, and import that", r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("cannot read this PDF: %v", err)
	}
	var b strings.Builder
	pages := r.NumPage()
	if pages > 500 {
		return "", fmt.Errorf("this PDF has %d pages: a reply is a few pages, so check it is the right file", pages)
	}
	chars := 0
	for i := 1; i <= pages; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		lines := pageLines(p.Content().Text)
		for _, l := range lines {
			chars += len(strings.TrimSpace(l))
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	if chars == 0 {
		return "", ErrNoText
	}
	return b.String(), nil
}

// run is text a PDF places at one point: a string of a text-showing
// operator, or its part between two kerning adjustments.
type run struct {
	x, y, size, w float64 // w is its width, where the font gives one
	s             string
}

// runs joins a page's characters into runs: characters at the same point
// one after another, as a reader places a string whose font gives no glyph
// widths (the CID fonts most PDF writers embed).
func runs(text []pdf.Text) []run {
	var out []run
	for _, t := range text {
		if t.S == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].y == t.Y && (out[n-1].x == t.X || out[n-1].x+out[n-1].w == t.X) {
			out[n-1].s += t.S
			out[n-1].w += t.W
			continue
		}
		out = append(out, run{x: t.X, y: t.Y, size: math.Max(t.FontSize, 1), w: t.W, s: t.S})
	}
	return out
}

// width is a run's width: the font's, or an estimate from its letters.
func (r run) width() (w float64, known bool) {
	if r.w > 0 {
		return r.w, true
	}
	for _, c := range r.s {
		switch {
		case c == ' ' || strings.ContainsRune("il1.,;:'!|()[]tfrj", c):
			w += 0.3
		case c == 'm' || c == 'w' || c == 'M' || c == 'W':
			w += 0.85
		case c >= 'A' && c <= 'Z':
			w += 0.65
		default:
			w += 0.5
		}
	}
	return w * r.size, false
}

// pageLines puts a page's text into lines: runs whose baselines are within
// half a character's height of each other are one line, read left to
// right; lines are read from the top down. A gap of more than two or three
// characters' width is a wide gap, as between a table's cells.
func pageLines(text []pdf.Text) []string {
	type line struct {
		y    float64
		runs []run
	}
	var lines []*line
	for _, r := range runs(text) {
		var into *line
		for _, l := range lines {
			if math.Abs(l.y-r.y) < r.size/2 {
				into = l
				break
			}
		}
		if into == nil {
			into = &line{y: r.y}
			lines = append(lines, into)
		}
		into.runs = append(into.runs, r)
	}
	// PDF pages measure up from the bottom: the top line has the largest y.
	slices.SortStableFunc(lines, func(a, b *line) int { return cmp.Compare(b.y, a.y) })
	// A table's column starts where text starts, away from the left
	// margin, on two or more lines: as a line's first text, or after a
	// gap wider than a space. (A letter kerned apart from the next, as in
	// "Y es", starts no column.)
	margin := math.Inf(1)
	for _, l := range lines {
		margin = math.Min(margin, l.runs[0].x)
	}
	starts := map[int]int{}
	for _, l := range lines {
		slices.SortStableFunc(l.runs, func(a, b run) int { return cmp.Compare(a.x, b.x) })
		end := math.Inf(-1)
		for _, r := range l.runs {
			if r.x-margin > 3*r.size && (end == math.Inf(-1) || r.x-end > 1.5*r.size) {
				starts[int(math.Round(r.x))]++
			}
			w, _ := r.width()
			end = r.x + w
		}
	}
	column := func(x, size float64) bool {
		return x-margin > 3*size && starts[int(math.Round(x))] >= 2
	}
	// Each line's cells: text apart by a wide gap or a column's start.
	type row struct {
		cells  []string
		indent bool // its first cell starts in a column right of the margin
	}
	var rows []row
	for _, l := range lines {
		var cells []string
		var b strings.Builder
		end, space, exact := math.Inf(-1), true, true
		for _, r := range l.runs {
			gap := r.x - end
			wide, word := 2*r.size, 0.2*r.size
			if !exact {
				wide, word = 3*r.size, 0.6*r.size // the last run's width was a guess
			}
			switch {
			case end == math.Inf(-1):
			case gap > wide, column(r.x, r.size):
				cells = append(cells, strings.TrimSpace(b.String()))
				b.Reset()
				space = true
			case gap > word && !space && !strings.HasPrefix(r.s, " "):
				b.WriteString(" ")
			}
			b.WriteString(r.s)
			space = strings.HasSuffix(r.s, " ")
			var w float64
			w, exact = r.width()
			end = r.x + w
		}
		cells = append(cells, strings.TrimSpace(b.String()))
		rows = append(rows, row{cells: cells, indent: column(l.runs[0].x, l.runs[0].size)})
	}
	// A table's cells wrap onto lines of their own: join them to the row
	// they continue, until a numbered question starts the next row.
	out := make([]string, 0, len(rows))
	var prev *row
	for i := range rows {
		r := &rows[i]
		switch {
		case prev != nil && len(prev.cells) >= 2 && r.indent:
			// Only the right-hand cell goes on.
			last := len(prev.cells) - 1
			prev.cells[last] += " " + strings.Join(r.cells, " ")
			continue
		case prev != nil && len(prev.cells) >= 2 && !numbering.MatchString(r.cells[0]) && !strings.HasSuffix(prev.cells[0], "?") && len(r.cells) <= len(prev.cells):
			// Both cells go on: the question's words, then the answer's.
			for j, c := range r.cells {
				prev.cells[j] += " " + c
			}
			continue
		}
		if prev != nil {
			out = append(out, strings.Join(prev.cells, "   "))
		}
		prev = r
	}
	if prev != nil {
		out = append(out, strings.Join(prev.cells, "   "))
	}
	return out
}
