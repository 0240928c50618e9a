package main

import (
	"slices"
	"testing"
	"time"
)

func TestStats(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var d []time.Duration
		for _, n := range ns {
			d = append(d, time.Duration(n)*time.Millisecond)
		}
		return d
	}
	for _, tc := range []struct {
		times          []time.Duration
		median, lo, hi time.Duration
	}{
		{ms(7), ms(7)[0], ms(7)[0], ms(7)[0]},
		{ms(30, 10, 20), ms(20)[0], ms(10)[0], ms(30)[0]},
		{ms(40, 10, 30, 20), ms(25)[0], ms(10)[0], ms(40)[0]},
	} {
		in := slices.Clone(tc.times)
		median, lo, hi := stats(tc.times)
		if median != tc.median || lo != tc.lo || hi != tc.hi {
			t.Errorf("stats(%v) = %v, %v, %v; want %v, %v, %v", in, median, lo, hi, tc.median, tc.lo, tc.hi)
		}
		if !slices.Equal(in, tc.times) {
			t.Errorf("stats sorted its argument: %v", tc.times)
		}
	}
}

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		61234 * time.Millisecond: "61.2 s",
		1234 * time.Millisecond:  "1.23 s",
		999 * time.Millisecond:   "999 ms",
		12345 * time.Microsecond: "12.3 ms",
		2550 * time.Microsecond:  "2.55 ms",
		612 * time.Microsecond:   "612 µs",
		7 * time.Microsecond:     "7.00 µs",
		250 * time.Second:        "250 s",
		1500 * time.Second:       "1500 s",
	} {
		if got := duration(d); got != want {
			t.Errorf("duration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestParseList(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
		out  []int
		ok   bool
	}{
		{"317,10000,100000", 0, []int{317, 10000, 100000}, true},
		{"317, 10000", 0, []int{317, 10000}, true},
		{"0", 0, nil, false},
		{"ten", 0, nil, false},
		{"3", 3, []int{3, 3, 3}, true},
		{"5,3,1", 2, []int{5, 3}, true},
		{"5,3", 3, nil, false},
		{"0", 2, []int{0, 0}, true},
		{"-1", 1, nil, false},
	} {
		out, err := parseList(tc.s, tc.want)
		if (err == nil) != tc.ok || !slices.Equal(out, tc.out) {
			t.Errorf("parseList(%q, %d) = %v, %v; want %v, ok %v", tc.s, tc.want, out, err, tc.out, tc.ok)
		}
	}
}

func TestTable(t *testing.T) {
	s := time.Second
	got := table([]result{
		{councils: 317, tool: "hugo", times: []time.Duration{s, 2 * s, 3 * s}, maxRSS: 200 << 10},
		{councils: 317, tool: "localoffer", times: []time.Duration{s / 2, s / 2, s}, maxRSS: 100 << 10},
		{councils: 10000, tool: "hugo", times: []time.Duration{20 * s}, maxRSS: 2000 << 10},
		{councils: 10000, tool: "localoffer", times: []time.Duration{40 * s}, maxRSS: 4000 << 10},
	})
	want := `councils  tool        runs  median        min–max  per council  peak memory  Hugo ÷ localoffer
     317  hugo           3  2.00 s  1.00 s–3.00 s      6.31 ms      200 MiB
     317  localoffer     3  500 ms  500 ms–1.00 s      1.58 ms      100 MiB  4.00× time, 2.00× memory
   10000  hugo           1  20.0 s  20.0 s–20.0 s      2.00 ms     2000 MiB
   10000  localoffer     1  40.0 s  40.0 s–40.0 s      4.00 ms     4000 MiB  0.50× time, 0.50× memory
`
	if got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestDefaults(t *testing.T) {
	if got := defaults([]int{317, 10000, 100000}, 5, 3, 1); got != "5,3,1" {
		t.Errorf("defaults = %q, want 5,3,1", got)
	}
}
