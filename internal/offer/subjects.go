package offer

import "strings"

// Subjects are words that say what a source's words are about, for the
// sections whose subjects are most often filed under the wrong question:
// council tax, leisure and housing. A quote that speaks of one of these
// and not of its own question's subject is probably under the wrong
// question (Hertfordshire's council tax help was once filed as financial
// support).
var Subjects = map[string][]string{
	"council_tax": {"council tax"},
	"leisure":     {"leisure", "gym", "swimming", "swim "},
	"housing":     {"social housing", "housing register", "tenancy", "guarantor", "deposit", "staying put", "staying close", "homeless", "local connection", "housing benefit", "taster flat", "practice flat"},
}

// ownWords are words that also put a quote on its own question's subject,
// for sections without Subjects of their own.
var ownWords = map[string][]string{
	"home":          {"setting up home", "set up home", "setting-up-home", "home allowance", "allowance", "£", "furnish", "tv licence", "contents insurance", "decorat", "broadband", "phone", "laptop", "energy", "cooking", "move into", "first home"},
	"money":         {"allowance", "savings", "birthdays", "on your birthday", "birthday money", "birthday gift", "christmas", "festiv", "emergency", "clothing", "budget", "manage your money", "managing money"},
	"housing":       {"housing", "accommodation", "rent", "landlord", "flat", "home"},
	"education":     {"university", "college", "education", "bursary", "study", "student"},
	"work":          {"work", "job", "apprentice", "employ", "interview", "training"},
	"health":        {"health", "prescription", "dental", "dentist", "mental", "wellbeing"},
	"driving":       {"driving", "theory test", "cbt"},
	"travel":        {"travel", "bus", "train"},
	"participation": {"council", "councillor", "covenant", "corporate parent"},
	"services":      {"personal adviser", "personal advisor", "21", "25"},
	"offer":         {"offer"},
}

// OffTopic returns the section a quote speaks of instead of its
// question's, or "" when it speaks of its own subject or of none of the
// sections in Subjects.
func OffTopic(q *Question, quote string) string {
	l := strings.ToLower(quote)
	has := func(words []string) bool {
		for _, w := range words {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	if has(Subjects[q.Section]) || has(ownWords[q.Section]) {
		return ""
	}
	for _, s := range Sections {
		if s.Key != q.Section && has(Subjects[s.Key]) {
			return s.Key
		}
	}
	return ""
}
