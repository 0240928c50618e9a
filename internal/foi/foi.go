// Package foi writes the Freedom of Information request that asks a council
// every question in the catalogue that a council of its tier answers, ready
// to copy or to send through WhatDoTheyKnow.
package foi

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
)

// Title is the request's subject line.
const Title = "Local offer for care leavers"

// Questions returns the questions a council of the given tier is asked, in
// catalogue order.
func Questions(tier string) []*offer.Question {
	var out []*offer.Question
	for i := range offer.Catalogue {
		if q := &offer.Catalogue[i]; q.ProvidedBy(tier) {
			out = append(out, q)
		}
	}
	return out
}

// Request is the full text of the request to the named council.
func Request(name, tier string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Dear %s,\n\n", name)
	b.WriteString("Under the Freedom of Information Act 2000, please tell me about your local offer for care leavers " +
		"(section 2 of the Children and Social Work Act 2017). For each question, please answer yes, no or " +
		"that you are considering it, and give any age limit, amount or number, whether it is only for care " +
		"leavers you looked after, and how a care leaver asks for it.\n")
	n := 0
	section := ""
	for _, q := range Questions(tier) {
		if q.Section != section {
			section = q.Section
			for _, s := range offer.Sections {
				if s.Key == section {
					fmt.Fprintf(&b, "\n%s\n", s.Title)
				}
			}
		}
		n++
		fmt.Fprintf(&b, "%d. %s\n", n, q.Ask)
	}
	b.WriteString("\nIf you do not hold some of this information, please answer the other questions.\n\nYours faithfully,\n")
	return b.String()
}

// WhatDoTheyKnow is the address for starting this request to the council on
// WhatDoTheyKnow, by the council's id there.
func WhatDoTheyKnow(id string) string {
	return "https://www.whatdotheyknow.com/new/" + url.PathEscape(id) + "?title=" + url.QueryEscape(Title)
}
