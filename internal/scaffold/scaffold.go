// Package scaffold writes the start of a council's content file: its
// identity from the reference list, and every question a council of its tier
// answers, as comments a contributor uncomments and fills in from a source.
package scaffold

import (
	"fmt"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
)

// Identity writes the frontmatter lines that say which council a file is about.
func Identity(c registry.Council) string {
	var b strings.Builder
	fmt.Fprintf(&b, "schema: 1\ngss: %s\nname: %s\nshort_name: %s\ntier: %s\n", c.GSS, yamlText(c.Name), yamlText(c.ShortName), c.Tier)
	if c.Parent != "" {
		parent, _ := registry.ByGSS(c.Parent)
		fmt.Fprintf(&b, "parent: %s # %s\n", c.Parent, parent.Name)
	}
	fmt.Fprintf(&b, "region: %s\n", c.Region)
	return b.String()
}

// Bare writes a council file with its identity alone: the frontmatter
// lines that say which council it is about, and nothing else.
func Bare(c registry.Council) string { return "---\n" + Identity(c) + "---\n" }

// checkedMonth is the month of a date, as checked: takes it.
func checkedMonth(d offer.Date) string { return offer.Date{Year: d.Year, Month: d.Month}.String() }

// File writes a whole new council file: identity, then commented-out
// sources and questions. today is the date to suggest for "updated".
func File(c registry.Council, today offer.Date) string {
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString(Identity(c))
	fmt.Fprintf(&b, `
# Uncomment what a source tells you, and nothing else. Every answer needs a
# source: list it under sources, then cite it with default_src or src.
#
# updated: %s        # the day you checked this file against its sources
# checked: %s                # the month you looked for the council's offer, even if you found nothing
# default_src: foi
# sources:
#   - id: foi                # your name for it, used by default_src and src
#     type: foi              # %s
#     title: "Care leavers local offer"
#     ref: FOI-1234          # the council's reference, if any
#     received: 2026-01-05   # dates as 2026-01-05, 2026-01 or 2026, only as the source gives them
#     responded: 2026-02-01
#     url: https://www.whatdotheyknow.com/request/...
#     licence: OGL-3.0
#   - id: page               # a web page: its exact url, who published it, and the date it shows
#     type: council_page
#     title: "Council tax discounts for care leavers"
#     publisher: The council's name
#     url: https://...
#     updated: 2026-01-05    # or published, or meeting; no date if the page shows none
#
# An answer is yes, no, considering or unknown, or a mapping such as
#   exempt: {status: yes, to_age: 25, scope: own, src: page, quote: "The page's own words."}
# with any of: %s.
# basis is %s; scope is %s; per is %s.
# An answer from a web page needs quote: the page's exact words behind it, at most %d words.
`, today, checkedMonth(today), strings.Join(offer.SourceTypes, ", "), strings.Join(offer.AnswerFields, ", "), strings.Join(offer.Bases, ", "), strings.Join(offer.Scopes, ", "), strings.Join(offer.Pers, ", "), offer.QuoteWords)
	section, group := "", ""
	for _, q := range offer.ForTier(c.Tier) {
		if q.Section != section {
			section, group = q.Section, ""
			s := offer.SectionByKey(section)
			fmt.Fprintf(&b, "#\n# %s: %s\n# %s:\n", s.Title, s.Intro, s.Key)
		}
		path := strings.Split(q.Key, ".")
		indent := "  "
		if len(path) == 3 {
			if path[1] != group {
				group = path[1]
				fmt.Fprintf(&b, "#   %s:\n", group)
			}
			indent = "    "
		}
		fmt.Fprintf(&b, "# %s%s:  # %s. %s\n", indent, q.Field(), hint(q), q.Ask)
	}
	b.WriteString("---\n")
	return b.String()
}

// hint says what kind of value a question takes.
func hint(q *offer.Question) string {
	switch q.Kind {
	case offer.KindMoney:
		return "yes/no with gbp"
	case offer.KindCount:
		return "a number, or yes/no with count"
	case offer.KindPercent:
		return "a percentage"
	case offer.KindChoice:
		return "one of " + strings.Join(q.Choices, ", ")
	case offer.KindYesNo:
		if len(q.Extra) > 0 {
			return "yes/no, with " + strings.Join(q.Extra, ", ")
		}
		return "yes/no"
	}
	return q.Kind.String()
}

// yamlText quotes a name if YAML would otherwise misread it.
func yamlText(s string) string {
	if strings.ContainsAny(s, ":#'\"&*!|>%@`{}[],") {
		return fmt.Sprintf("%q", s)
	}
	return s
}
