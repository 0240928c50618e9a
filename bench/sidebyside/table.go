package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// A result is one tool's timed builds of one size.
type result struct {
	councils int
	tool     string
	times    []time.Duration
	maxRSS   int64 // the most memory any of its builds used, KiB
}

// stats returns the median, fastest and slowest of times, which must not be
// empty. The median of an even number of times is the mean of the middle two.
func stats(times []time.Duration) (median, lo, hi time.Duration) {
	s := slices.Clone(times)
	slices.Sort(s)
	m := len(s) / 2
	median = s[m]
	if len(s)%2 == 0 {
		median = (s[m-1] + s[m]) / 2
	}
	return median, s[0], s[len(s)-1]
}

// table lays out the results, a row per tool per size. The last column,
// on each size's localoffer row, is how many times longer Hugo took and
// how many times more memory it used.
func table(results []result) string {
	rows := [][]string{{"councils", "tool", "runs", "median", "min–max", "per council", "peak memory", "Hugo ÷ localoffer"}}
	right := []bool{true, false, true, true, true, true, true, false}
	for i, r := range results {
		med, lo, hi := stats(r.times)
		ratio := ""
		if r.tool == "localoffer" && i > 0 && results[i-1].councils == r.councils {
			h := results[i-1]
			hmed, _, _ := stats(h.times)
			ratio = fmt.Sprintf("%.2f× time, %.2f× memory", hmed.Seconds()/med.Seconds(), float64(h.maxRSS)/float64(r.maxRSS))
		}
		rows = append(rows, []string{
			fmt.Sprint(r.councils), r.tool, fmt.Sprint(len(r.times)),
			duration(med), duration(lo) + "–" + duration(hi),
			duration(med / time.Duration(r.councils)),
			fmt.Sprintf("%d MiB", (r.maxRSS+512)>>10),
			ratio,
		})
	}
	return align(rows, right)
}

// align pads each column to its widest cell, numbers to the right.
func align(rows [][]string, right []bool) string {
	width := make([]int, len(rows[0]))
	for _, row := range rows {
		for c, cell := range row {
			width[c] = max(width[c], len([]rune(cell)))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		var line strings.Builder
		for c, cell := range row {
			pad := strings.Repeat(" ", width[c]-len([]rune(cell)))
			if c > 0 {
				line.WriteString("  ")
			}
			if right[c] {
				line.WriteString(pad + cell)
			} else {
				line.WriteString(cell + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}

// duration shows a time with three significant figures, in s, ms or µs.
func duration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return sig(d.Seconds()) + " s"
	case d >= time.Millisecond:
		return sig(float64(d)/float64(time.Millisecond)) + " ms"
	default:
		return sig(float64(d)/float64(time.Microsecond)) + " µs"
	}
}

// sig formats x, from 1 to 999, with three significant figures.
func sig(x float64) string {
	switch {
	case x >= 99.95:
		return fmt.Sprintf("%.0f", x)
	case x >= 9.995:
		return fmt.Sprintf("%.1f", x)
	default:
		return fmt.Sprintf("%.2f", x)
	}
}
