// Package registry is the reference list of England's 317 principal
// councils: codes, names, tiers, counties, regions and WhatDoTheyKnow ids,
// embedded from mySociety's UK Local Authority Names and Codes (CC BY 4.0,
// containing ONS data © Crown copyright, OGL v3.0). The content checker uses
// it to spot wrong names and missing districts, and `localoffer new` to
// start a council's file.
package registry

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

//go:embed councils.csv
var councilsCSV string

//go:embed councils_extra.csv
var extraCSV string

// Council is one council in the reference list.
type Council struct {
	GSS       string
	Name      string
	ShortName string
	Tier      string
	Parent    string // the county's GSS, for districts
	Region    string
	WDTK      string // WhatDoTheyKnow id; may be empty
}

// Slug is the council's file and page name: its short name in kebab case.
func (c Council) Slug() string { return Slugify(c.ShortName) }

var all = mustLoad()

// All returns every council, in GSS order.
func All() []Council { return slices.Clone(all) }

// ByGSS finds a council by its code.
func ByGSS(gss string) (Council, bool) {
	i, ok := slices.BinarySearchFunc(all, gss, func(c Council, gss string) int { return strings.Compare(c.GSS, gss) })
	if !ok {
		return Council{}, false
	}
	return all[i], true
}

// Find returns the councils a contributor most likely means: an exact code,
// else those whose name, short name or slug matches the query ignoring case
// and punctuation, else those whose names contain it.
func Find(query string) []Council {
	if c, ok := ByGSS(strings.ToUpper(strings.TrimSpace(query))); ok {
		return []Council{c}
	}
	q := Slugify(query)
	if q == "" {
		return nil
	}
	var exact, partial []Council
	for _, c := range all {
		switch {
		case Slugify(c.Name) == q || Slugify(c.ShortName) == q:
			exact = append(exact, c)
		case strings.Contains(Slugify(c.Name), q):
			partial = append(partial, c)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	return partial
}

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// Slugify turns a name into lower-case words joined by dashes; "&" becomes "and".
func Slugify(name string) string {
	s := strings.ReplaceAll(strings.ToLower(name), "&", " and ")
	return strings.Trim(nonWord.ReplaceAllString(s, "-"), "-")
}

func mustLoad() []Council {
	out, err := load()
	if err != nil {
		panic("registry: " + err.Error())
	}
	return out
}

func load() ([]Council, error) {
	rows, err := csv.NewReader(strings.NewReader(councilsCSV)).ReadAll()
	if err != nil {
		return nil, err
	}
	extra, err := csv.NewReader(strings.NewReader(extraCSV)).ReadAll()
	if err != nil {
		return nil, err
	}
	more := map[string][]string{}
	for _, r := range extra[1:] {
		more[r[0]] = r // gss,short_name,la_code,gov_uk_slug,wdtk_id,...
	}
	var out []Council
	for _, r := range rows[1:] { // gss,name,tier,parent_gss,region
		x, ok := more[r[0]]
		if !ok {
			return nil, fmt.Errorf("%s has no row in councils_extra.csv", r[0])
		}
		out = append(out, Council{GSS: r[0], Name: r[1], Tier: r[2], Parent: r[3], Region: r[4], ShortName: x[1], WDTK: x[4]})
	}
	slices.SortFunc(out, func(a, b Council) int { return strings.Compare(a.GSS, b.GSS) })
	return out, nil
}
