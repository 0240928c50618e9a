// Package hexmap lays out England's lower-tier council areas as a hex
// cartogram: one equal hexagon for each district, unitary, metropolitan and
// London borough, placed roughly where it is.
//
// The layout is Open Innovations' hex cartogram of the UK's local authority
// districts (2023, MIT licence; see LICENSE beside this file), cut to
// England. Its gss codes are the councils' own.
package hexmap

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed england.hexjson
var england []byte

// Hex is one council area's place in the cartogram.
type Hex struct {
	GSS  string
	Name string // the name the cartogram gives it
	Q, R int    // column and row, in the layout's odd-r offset coordinates
	// X and Y are the hexagon's centre, in the map's own units (see Width
	// and Height).
	X, Y float64
}

// Map is the whole cartogram.
type Map struct {
	Hexes         []Hex // in the order of their gss codes
	Width, Height float64
}

// size is the distance from a hexagon's centre to a corner.
const size = 10

// Outline is an SVG path of one hexagon around (0, 0), a little smaller
// than its cell so that neighbours stay apart; maps place it at each
// hexagon's centre.
var Outline = outline(0, 0)

// England returns the cartogram of England, laid out once.
var England = sync.OnceValue(func() *Map {
	m, err := parse(england)
	if err != nil {
		panic("hexmap: " + err.Error()) // the embedded file is part of the program
	}
	return m
})

func parse(data []byte) (*Map, error) {
	var f struct {
		Layout string `json:"layout"`
		Hexes  map[string]struct {
			N    string `json:"n"`
			Q, R int
		} `json:"hexes"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	if f.Layout != "odd-r" {
		return nil, fmt.Errorf("want an odd-r layout, got %q", f.Layout)
	}
	m := &Map{}
	minQ, maxQ, minR, maxR := math.MaxInt, math.MinInt, math.MaxInt, math.MinInt
	for gss, h := range f.Hexes {
		m.Hexes = append(m.Hexes, Hex{GSS: gss, Name: h.N, Q: h.Q, R: h.R})
		minQ, maxQ, minR, maxR = min(minQ, h.Q), max(maxQ, h.Q), min(minR, h.R), max(maxR, h.R)
	}
	sort.Slice(m.Hexes, func(i, j int) bool { return m.Hexes[i].GSS < m.Hexes[j].GSS })
	w := math.Sqrt(3) * size // a pointy-topped hexagon's width
	for i := range m.Hexes {
		h := &m.Hexes[i]
		// In odd-r layouts odd rows are pushed half a hexagon right. Rows
		// count up northwards, so the top row is the highest.
		x := w*float64(h.Q-minQ) + w/2 + w/2*float64(abs(h.R)%2)
		y := size*1.5*float64(maxR-h.R) + size
		h.X, h.Y = round(x), round(y)
	}
	m.Width = round(w*float64(maxQ-minQ+1) + w/2)
	m.Height = round(size*1.5*float64(maxR-minR) + 2*size)
	return m, nil
}

// outline is an SVG path of a pointy-topped hexagon around (x, y), a
// little smaller than its cell so that neighbours stay apart.
func outline(x, y float64) string {
	const r = size * 0.92
	var b strings.Builder
	for k := range 6 {
		a := math.Pi / 180 * float64(60*k-30)
		if k == 0 {
			b.WriteString("M")
		} else {
			b.WriteString("L")
		}
		b.WriteString(num(x + r*math.Cos(a)))
		b.WriteByte(' ')
		b.WriteString(num(y + r*math.Sin(a)))
	}
	b.WriteString("Z")
	return b.String()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func round(v float64) float64 { return math.Round(v*10) / 10 }

func num(v float64) string { return strconv.FormatFloat(round(v), 'f', -1, 64) }
