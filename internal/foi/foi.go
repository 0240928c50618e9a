// Package foi writes the Freedom of Information request that asks a council
// every question in the catalogue that a council of its tier answers, ready
// to copy or to send through WhatDoTheyKnow.
package foi

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/localoffer/localoffer/internal/offer"
)

// Title is the request's subject line.
const Title = "Local offer for care leavers"

// Request is the full text of the request to the named council.
func Request(name, tier string) string {
	return "Dear " + name + ",\n\n" + Body(tier)
}

// Body is the request after its greeting: the same for every council of a
// tier, so it is written once per tier.
func Body(tier string) string {
	bodiesOnce.Do(func() {
		bodies = map[string]string{}
		for _, t := range offer.TierOrder {
			bodies[t] = body(t)
		}
	})
	if b, ok := bodies[tier]; ok {
		return b
	}
	return body(tier)
}

var (
	bodiesOnce sync.Once
	bodies     map[string]string
)

// BodyAbout is a request that asks only the given questions, such as those
// nobody has found a council's answer to yet, in catalogue order; then
// whether its published offer sets out each of the law's areas in areas,
// those we have found nothing about; and then asks the council to confirm
// each answer in confirm: recorded answers that a national change may have
// overtaken.
func BodyAbout(qs []*offer.Question, areas []*offer.Area, confirm []string) string {
	var b strings.Builder
	WriteBodyAbout(&b, qs, areas, confirm)
	return b.String()
}

// Writer is where WriteBodyAbout writes: a strings.Builder, or one that
// escapes what it is given on the way.
type Writer interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}

// Confirm asks a council to confirm a recorded answer that a national change
// may have overtaken: what we hold, from when, and what changed since.
func Confirm(q *offer.Question, recorded, when string) string {
	return fmt.Sprintf("%s: the answer we hold is %s (%s). %s Please confirm what you give care leavers now, and since when.",
		q.Label, recorded, when, q.Overtaken.Fact)
}

// body asks a council of the tier every question it answers and, where it
// looks after children, about every area of the law's checklist.
func body(tier string) string {
	var qs []*offer.Question
	for _, q := range offer.ForTier(tier) {
		if !offer.IsLawQuestion(q) {
			qs = append(qs, q)
		}
	}
	var areas []*offer.Area
	if tier != "district" {
		for i := range offer.Areas {
			areas = append(areas, &offer.Areas[i])
		}
	}
	return BodyAbout(qs, areas, nil)
}

// WriteBodyAbout writes BodyAbout's request to b, so a page can escape it
// as it is written rather than copy it again.
func WriteBodyAbout(b Writer, qs []*offer.Question, areas []*offer.Area, confirm []string) {
	b.WriteString("Under the Freedom of Information Act 2000, please tell me about your local offer for care leavers " +
		"(section 2 of the Children and Social Work Act 2017). For each question, please answer yes, no or " +
		"that you are considering it, and give any age limit (the birthday it ends on), amount or number, whether it is only for care " +
		"leavers you looked after, and how a care leaver asks for it.\n")
	n := 0
	section := ""
	for _, q := range qs {
		if q.Section != section {
			section = q.Section
			b.WriteString("\n" + offer.SectionByKey(section).Title + "\n")
		}
		n++
		item(b, n, q.Ask)
	}
	if len(areas) > 0 {
		b.WriteString("\nWhat your published offer covers, as section 2 of the Children and Social Work Act 2017 sets out (as amended by section 8 of the Children's Wellbeing and Schools Act 2026)\n")
		for _, a := range areas {
			n++
			item(b, n, a.Ask())
		}
	}
	if len(confirm) > 0 {
		b.WriteString("\nPlease also confirm these answers, which may have changed\n")
		for _, c := range confirm {
			n++
			item(b, n, c)
		}
	}
	b.WriteString("\nIf you do not hold some of this information, please answer the other questions.\n\nYours faithfully,\n")
}

// item writes the request's nth question.
func item(b Writer, n int, ask string) {
	b.WriteString(strconv.Itoa(n))
	b.WriteString(". ")
	b.WriteString(ask)
	b.WriteByte('\n')
}

// WhatDoTheyKnow is the address for starting this request to the council on
// WhatDoTheyKnow, by the council's id there.
func WhatDoTheyKnow(id string) string {
	return "https://www.whatdotheyknow.com/new/" + url.PathEscape(id) + "?title=" + url.QueryEscape(Title)
}
