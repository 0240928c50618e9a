package content

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/localoffer/localoffer/internal/diag"
)

// People's own phone numbers and e-mail addresses never go into content,
// even when a source gives them: a team inbox, a service number or a
// switchboard is how a care leaver should reach a council.

var (
	// mobileIn finds a UK mobile number within text: 07xxx xxxxxx or
	// +44 7xxx xxxxxx, with or without spaces, dashes or brackets.
	mobileIn = regexp.MustCompile(`(?:\+44\s?\(?0?\)?\s?|\b0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}\b`)
	// emailIn finds an e-mail address within text.
	emailIn = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	// nameLike is a local part made of two or three names, as in
	// jane.smith@ or j_smith@: a person's address, unless a word in it says
	// it is a team's.
	nameLike = regexp.MustCompile(`^[a-z]+([._-][a-z]+){1,2}$`)
)

// webmail are the domains of personal e-mail services: an address there
// belongs to a person, not a council team.
var webmail = []string{"gmail.", "googlemail.", "hotmail.", "outlook.", "live.", "yahoo.", "ymail.", "icloud.", "me.com", "aol.",
	"btinternet.", "sky.com", "virginmedia.", "talktalk.", "protonmail.", "proton.me", "gmx.", "mail.com"}

// teamWords mark an address as a team's or a service's.
var teamWords = []string{"care", "leav", "team", "info", "enquir", "contact", "foi", "council", "tax", "admin", "duty", "service",
	"support", "help", "office", "customer", "children", "child", "rights", "housing", "social", "advice", "referral", "access",
	"hub", "young", "youth", "people", "family", "families", "request", "offer", "local", "data", "protection", "complaint",
	"participation", "plus", "adviser", "advisor", "pathway", "aftercare", "next", "step", "front", "door", "mash", "general",
	"mailbox", "post", "reception", "direct", "line", "benefit", "revenue", "leisure", "sport", "learning", "school", "education"}

// personalEmail reports whether an address looks like a person's own: at a
// personal e-mail service, or made of names with no word of a team's.
func personalEmail(addr string) bool {
	addr = strings.ToLower(addr)
	local, domain, _ := strings.Cut(addr, "@")
	for _, w := range webmail {
		if strings.HasPrefix(domain, w) || strings.Contains(domain, "."+w) {
			return true
		}
	}
	for _, w := range teamWords {
		if strings.Contains(local, w) {
			return false
		}
	}
	return nameLike.MatchString(local)
}

// finders find people's contact details in text: mobile numbers, then
// e-mail addresses, each with the quick test that text must pass for its
// expression to be worth running (most text passes neither).
var (
	mobiles = finder{mobileIn, mayHoldMobile}
	emails  = finder{emailIn, mayHoldEmail}
	finders = []finder{mobiles, emails}
)

type finder struct {
	re  *regexp.Regexp
	may func(string) bool
}

// find returns what f's expression finds in s.
func (f finder) find(s string) []string {
	if !f.may(s) {
		return nil
	}
	return f.re.FindAllString(s, -1)
}

// mayHoldMobile reports whether s has the ten digits a mobile number
// needs, so the expression runs only on text that could hold one.
func mayHoldMobile(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if digits++; digits >= 10 {
				return true
			}
		}
	}
	return false
}

// mayHoldEmail reports whether s could hold an e-mail address.
func mayHoldEmail(s string) bool { return strings.IndexByte(s, '@') >= 0 }

// privacyProblems says what in s is a person's own contact details.
func privacyProblems(s string) []string {
	var out []string
	for _, m := range mobiles.find(s) {
		out = append(out, fmt.Sprintf("%q is a mobile number: publish a team or service number, never a person's own", m))
	}
	for _, m := range emails.find(s) {
		if personalEmail(m) {
			out = append(out, fmt.Sprintf("%q looks like a person's own e-mail address: publish a team inbox, never a person's own", m))
		}
	}
	return out
}

// bodyPrivacy finds people's contact details in a file's Markdown body,
// which starts on line first of the file: each with its line and column.
func bodyPrivacy(file string, body []byte, first int) diag.List {
	var out diag.List
	for i, l := range strings.Split(string(body), "\n") {
		for _, f := range finders {
			if !f.may(l) {
				continue
			}
			for _, loc := range f.re.FindAllStringIndex(l, -1) {
				for _, msg := range privacyProblems(l[loc[0]:loc[1]]) {
					out = append(out, diag.Diagnostic{File: file, Line: first + i, Col: utf8.RuneCountInString(l[:loc[0]]) + 1, Msg: "body: " + msg})
				}
			}
		}
	}
	return out
}
