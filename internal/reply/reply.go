// Package reply reads a council's reply to a Freedom of Information request
// about its local offer for care leavers, and finds in it the catalogue's
// questions, the council's answers and what the reply says about itself
// (its reference, dates and licence).
//
// It recognises a question by the catalogue's wording of it (offer.Question
// Ask and offer.Asked), numbered or not, with its answer on the same line or
// the next. It never invents: an answer it cannot read for certain is
// returned as unsure, for a person to confirm, and every line it does not
// understand is listed.
package reply

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/localoffer/localoffer/internal/offer"
)

// Found is one answer found in a reply.
type Found struct {
	Question *offer.Question
	Answer   offer.Answer // status and figures; Quote holds the reply's own words
	Line     int          // the line the answer is on, from 1
	More     []int        // other lines it was read from: a later figure for the same question
	Sure     bool         // false: the words did not say it clearly, so a person must confirm it
	Said     string       // for an unsure answer, what the reply says
}

// Line is a line of the reply.
type Line struct {
	N    int
	Text string
	Why  string // why it was not read, where there is more to say than "not understood"
}

// Result is what was found in a reply.
type Result struct {
	Found  []Found // one for each question, in catalogue order
	Unread []Line  // lines with words it did not understand
	Source offer.Source
}

// phrase is one wording of a question, as words to compare.
type phrase struct {
	q     *offer.Question
	words []string
	short bool // one or two words: only the whole of a line's label
	per   offer.Per
}

// phrases are worked out when a reply is first read, not when the program
// starts: most commands read none.
var phrases = sync.OnceValue(func() []phrase {
	var out []phrase
	add := func(q *offer.Question, text string) {
		w := words(text)
		if len(w) == 0 {
			return
		}
		p := phrase{q: q, words: w, short: len(w) <= 2}
		if strings.Contains(strings.ToLower(text), "per year") || strings.Contains(strings.ToLower(text), "each year") {
			p.per = offer.PerYear
		}
		out = append(out, p)
	}
	for i := range offer.Catalogue {
		q := &offer.Catalogue[i]
		if q.Kind.IsAnswer() || q.Kind == offer.KindURL {
			add(q, q.Ask)
			for _, a := range offer.Asked[q.Key] {
				add(q, a)
			}
		}
	}
	return out
})

var stop = map[string]bool{"the": true, "a": true, "an": true, "of": true, "to": true, "for": true, "in": true, "you": true, "your": true,
	"do": true, "does": true, "is": true, "are": true, "any": true, "and": true, "or": true, "with": true, "if": true, "so": true,
	"have": true, "has": true, "it": true, "this": true, "that": true, "on": true, "at": true, "by": true, "their": true, "they": true, "we": true, "our": true, "there": true}

var wordRE = regexp.MustCompile(`[a-z0-9]+`)

// words are a text's words that tell questions apart, lower case.
func words(s string) []string {
	var out []string
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		if !stop[w] {
			out = append(out, strings.TrimSuffix(w, "s"))
		}
	}
	return out
}

// numbering is a question's number at the start of a line: Q1., Q.2, 3., 11a.
var numbering = regexp.MustCompile(`^(?:Q\s*\.?\s*\d+[a-z]?\.?|\d+[a-z]?[.)]|\d+[a-z]\s|\(?[a-k]\))\s*`)

// answerLead is how replies start an answer: "Answer:", "Answer -".
var answerLead = regexp.MustCompile(`(?i)^answer\s*[:\-–]?\s*`)

// clean takes the markup a saved reply carries off a line: Markdown
// emphasis and escapes.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ") // forms pad answers with no-break spaces
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, `\_`, "_")
	return strings.TrimSpace(s)
}

// match finds the question a label asks, or nil.
func match(label string) *phrase {
	lw := words(numbering.ReplaceAllString(label, ""))
	if len(lw) == 0 {
		return nil
	}
	var best *phrase
	bestScore := 0.0
	all := phrases()
	for i := range all {
		p := &all[i]
		if p.short {
			if slices.Equal(lw, p.words) {
				return p
			}
			continue
		}
		// At best every word of the shorter list is shared: skip wordings
		// whose length alone rules them out.
		longer := float64(max(len(lw), len(p.words)))
		if ceiling := float64(min(len(lw), len(p.words))) / longer; min(len(lw), len(p.words)) < 3 || ceiling < 0.7 || ceiling <= bestScore {
			continue
		}
		common := overlap(lw, p.words)
		score := float64(common) / longer
		if common >= 3 && score >= 0.7 && score > bestScore {
			best, bestScore = p, score
		}
	}
	return best
}

// keyedWords are every answer question's words, from its question, its label
// and the other wordings of it, with how much each word tells questions
// apart: a word few questions use ("bursary", "guarantor") says more than
// one most use ("care", "leaver").
var keyedWords = sync.OnceValues(func() ([]keyedQ, map[string]float64) {
	var out []keyedQ
	df := map[string]int{}
	for i := range offer.Catalogue {
		q := &offer.Catalogue[i]
		if !q.Kind.IsAnswer() {
			continue
		}
		set := map[string]bool{}
		texts := append([]string{q.Ask, q.Label}, offer.Asked[q.Key]...)
		for _, t := range texts {
			for _, w := range words(synonyms(t)) {
				set[w] = true
			}
		}
		k := keyedQ{q: q}
		for w := range set {
			k.words = append(k.words, w)
			df[w]++
		}
		slices.Sort(k.words)
		out = append(out, k)
	}
	weight := map[string]float64{}
	for w, n := range df {
		weight[w] = math.Log(float64(len(out)+1) / float64(n))
	}
	return out, weight
})

type keyedQ struct {
	q     *offer.Question
	words []string
}

// synonyms writes the ways replies name the same thing one way.
var synonyms = strings.NewReplacer(
	"young people", "care leaver", "young person", "care leaver", "care-leaver", "care leaver",
	"setting-up-home", "setting up home", "set up home", "setting up home", "setting up allowance", "setting up home allowance",
	"leaving care grant", "setting up home allowance", "ring-fenced", "ringfenced", "ring fenced", "ringfenced", "ringfence", "ringfenced",
	"council-tax", "council tax", "16 and 17", "16 17", "16-17", "16 17", "each week", "weekly", "per week", "weekly", "a week", "weekly",
	"university", "higher education", "gym", "gym membership", "licence", "license",
	"waive", "exempt", "swimming pool", "swimming", "pools", "swimming", "pool", "swimming", "free of charge", "free",
).Replace

// guess finds the question a wording asks by its words, weighted by how
// much each tells questions apart, for wordings no questionnaire used
// before. Two questions the words fit about as well are not guessed: both
// are returned, for a person to choose.
func guess(label string) (best *offer.Question, also *offer.Question) {
	lw := words(synonyms(strings.ToLower(numbering.ReplaceAllString(label, ""))))
	if len(lw) < 2 {
		return nil, nil
	}
	keyed, weight := keyedWords()
	total := 0.0
	for _, w := range lw {
		total += weight[w]
	}
	if total == 0 {
		return nil, nil
	}
	var top, second, topCover float64
	var topQ, secondQ *offer.Question
	low := strings.ToLower(label)
	for i := range keyed {
		k := &keyed[i]
		if !askable(k.q.Kind, low) {
			continue
		}
		got := 0.0
		for _, w := range lw {
			if _, ok := slices.BinarySearch(k.words, w); ok {
				got += weight[w]
			}
		}
		score := got / total
		switch {
		case score > top:
			second, secondQ = top, topQ
			top, topQ, topCover = score, k.q, cover(k, lw)
		case score > second:
			second, secondQ = score, k.q
		}
	}
	// A long question says more than the catalogue asks ("in the 2022-2023
	// financial year", "sometimes also called..."), so its own words cover
	// less of it. It is still that question when it holds nearly every
	// telling word the catalogue's question has, and fits it far better
	// than any other.
	long := top >= 0.4 && topCover >= 0.9 && top >= 1.5*second
	if top < 0.6 && !long {
		return nil, nil
	}
	if second > top-0.08 {
		return topQ, secondQ // too close to call
	}
	return topQ, nil
}

// answerFirst is a numbered line that starts with its answer, not a
// question: "1) £3000 per former relevant young person", "2) Yes, ...".
var answerFirst = regexp.MustCompile(`(?i)^(£|\d|yes\b|no\b|n/a\b|not held\b)`)

// askable reports whether a question of kind k can be what a wording asks:
// "how many" asks for a count, never an amount; "how much" for an amount.
func askable(k offer.Kind, low string) bool {
	switch {
	case strings.Contains(low, "how many"):
		return k != offer.KindMoney
	case strings.Contains(low, "how much"), strings.Contains(low, "amount"):
		return k != offer.KindCount
	}
	return true
}

// asking are the words a question asks with rather than about: any
// wording of any question may use them.
var asking = map[string]bool{"how": true, "much": true, "many": true, "what": true, "wa": true, "which": true,
	"when": true, "where": true, "who": true, "provide": true, "give": true, "offer": true, "please": true}

// cover is how much of question k's telling words the label's words lw
// hold, each weighted as in guess: 1 when the label says all of them.
func cover(k *keyedQ, lw []string) float64 {
	_, weight := keyedWords()
	have, all := 0.0, 0.0
	for _, w := range k.words {
		if asking[w] {
			continue
		}
		all += weight[w]
		if slices.Contains(lw, w) {
			have += weight[w]
		}
	}
	if all == 0 {
		return 0
	}
	return have / all
}

// overlap counts the words a and b share, each word of b matched once. It
// runs for every line and every wording of every question, so it compares
// the short lists in place rather than counting in a map.
func overlap(a, b []string) int {
	var buf [64]bool
	used := buf[:0]
	if len(b) <= len(buf) {
		used = buf[:len(b)]
	} else {
		used = make([]bool, len(b))
	}
	n := 0
	for _, w := range a {
		for j, x := range b {
			if !used[j] && x == w {
				used[j] = true
				n++
				break
			}
		}
	}
	return n
}

// options is a line that lists the answers a form offers, not an answer:
// "Yes / No / Don't Know", "Insert number", "Attach / Upload".
var options = regexp.MustCompile(`(?i)^(yes\s*/\s*no.*|insert number|attach\s*/\s*upload)$`)

// split cuts a line into its label and an answer after it: after a
// question mark, a colon, or a wide gap, as forms are filled in.
func split(line string) (label, answer string) {
	if i := strings.LastIndex(line, "?"); i >= 0 {
		return line[:i+1], strings.TrimSpace(line[i+1:])
	}
	if m := wideGap.FindStringIndex(line); m != nil {
		return strings.TrimSpace(line[:m[0]]), strings.TrimSpace(line[m[1]:])
	}
	if i := strings.LastIndex(line, ":"); i > 0 && !strings.Contains(line[i:], "//") {
		return line[:i], strings.TrimSpace(line[i+1:])
	}
	// A label then a single status word, as in "Bus Yes".
	if f := strings.Fields(line); len(f) >= 2 {
		if s, ok := status(f[len(f)-1]); ok && s != 0 {
			return strings.Join(f[:len(f)-1], " "), f[len(f)-1]
		}
	}
	return line, ""
}

var wideGap = regexp.MustCompile(`\s{2,}`)

// status reads the status an answer starts with.
func status(s string) (offer.Status, bool) {
	t := strings.ToLower(strings.TrimSpace(answerLead.ReplaceAllString(s, "")))
	t = strings.TrimLeft(t, "-–: ")
	switch {
	case t == "":
		return 0, false
	case strings.HasPrefix(t, "n/a"):
		return 0, true // not applicable: nothing to record
	case yesRE.MatchString(t):
		return offer.Yes, true
	case noRE.MatchString(t):
		return offer.No, true
	case strings.HasPrefix(t, "thinking about it"), strings.HasPrefix(t, "considering"), strings.HasPrefix(t, "under consideration"):
		return offer.Considering, true
	case strings.HasPrefix(t, "don't know"), strings.HasPrefix(t, "do not know"), strings.HasPrefix(t, "don’t know"),
		strings.Contains(t, "not held"), strings.Contains(t, "do not hold"), strings.HasPrefix(t, "not attached"), strings.HasPrefix(t, "not provided"):
		return offer.Unknown, true
	}
	return 0, false
}

var (
	yesRE = regexp.MustCompile(`^yes\b`)
	noRE  = regexp.MustCompile(`^no\b`)
)

var numberWords = map[string]int{"none": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}

var (
	rangeRE = regexp.MustCompile(`\b(\d+)\s*(?:-|–|to)\s*(\d+)\b`)
	intRE   = regexp.MustCompile(`\b\d[\d,]*\b`)
	moneyRE = regexp.MustCompile(`£\s?(\d[\d,]*)(?:\.(\d{2}))?`)
	ageRE   = regexp.MustCompile(`(?i)(?:up to|until|to|age|aged)\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?(\d{2})\b|\b(\d{2})(?:st|nd|rd|th)\s+birthday|^\s*(\d{2})\s*$`)
)

// count reads a number of things: "Six", "circa 340", "3-5", "0".
func count(s string) (offer.Range, bool, bool) {
	t := strings.ToLower(answerLead.ReplaceAllString(s, ""))
	approx := strings.Contains(t, "circa") || strings.Contains(t, "about") || strings.Contains(t, "approx")
	if m := rangeRE.FindStringSubmatch(t); m != nil {
		lo, _ := strconv.Atoi(m[1])
		hi, _ := strconv.Atoi(m[2])
		if lo <= hi {
			return offer.Range{Min: lo, Max: hi}, approx, true
		}
	}
	if ms := intRE.FindAllString(t, -1); len(ms) == 1 && !strings.Contains(t, "£") {
		n, err := strconv.Atoi(strings.ReplaceAll(ms[0], ",", ""))
		if err == nil {
			return offer.Range{Min: n, Max: n}, approx, true
		}
	}
	for _, w := range strings.Fields(t) {
		if n, ok := numberWords[strings.Trim(w, ".,")]; ok {
			return offer.Range{Min: n, Max: n}, approx, true
		}
	}
	return offer.Range{}, false, false
}

// money reads one amount in pounds; more than one is not for certain.
func money(s string) (gbp int, pence int8, sure, ok bool) {
	ms := moneyRE.FindAllStringSubmatch(s, -1)
	if len(ms) == 0 {
		return 0, 0, false, false
	}
	v, err := strconv.Atoi(strings.ReplaceAll(ms[0][1], ",", ""))
	if err != nil {
		return 0, 0, false, false
	}
	if ms[0][2] != "" {
		p, _ := strconv.Atoi(ms[0][2])
		pence = int8(p)
	}
	return v, pence, len(ms) == 1, true
}

// age reads the age something lasts until: "up to 25", "age 21", "until
// their 25th birthday", or a bare age.
func age(s string) (int, bool) {
	m := ageRE.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	for _, g := range m[1:] {
		if g != "" {
			n, _ := strconv.Atoi(g)
			if n >= 14 && n <= 30 {
				return n, true
			}
		}
	}
	return 0, false
}

// quote is the reply's own words on a line, cut to offer.QuoteWords words:
// always a run of the line as it is.
func quote(line string) string {
	line = strings.TrimSpace(line)
	f := strings.Fields(line)
	if len(f) <= offer.QuoteWords {
		return line
	}
	// Cut after the last word that fits, keeping the line's own spacing;
	// words end where strings.Fields ends them.
	n, in := 0, false
	for i, r := range line {
		switch {
		case !unicode.IsSpace(r):
			in = true
		case in:
			if n++; n == offer.QuoteWords {
				return line[:i]
			}
			in = false
		}
	}
	return line
}

// Read finds the questions and answers in a reply's text.
func Read(text string) Result {
	var res Result
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var told map[int]bool
	res.Source, told = source(lines)
	found := map[string]*Found{}
	var group []*Found // the answers since the last numbered heading
	inPrinciple := false
	var last *Found
	var lastPhrase *phrase
	awaiting := false // the last question has no answer yet
	awaitingURL := false
	unknownAsked := false         // the last line asked a question the catalogue does not
	numbered := map[int]*phrase{} // the questions asked by number, for answers given by number
	unsure := map[int]string{}    // why a numbered question could not be told
	read := func(f *Found, raw, ans string, n int, p *phrase) {
		q := f.Question
		_, _, hasCount := count(ans)
		_, _, _, hasMoney := money(ans)
		adds := q.Kind == offer.KindCount && f.Answer.Count == nil && hasCount || q.Kind == offer.KindMoney && f.Answer.GBP == nil && hasMoney
		switch {
		case (f.Sure || f.Said != "") && f.Line != n && !blank(ans) && !adds:
			// The question asked again: its first answer stands, and this
			// one is listed for a person to compare.
			res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw), "another answer to " + q.Key + " (line " + strconv.Itoa(f.Line) + " is recorded)"})
			return
		case f.Sure && f.Line != n:
			f.More = append(f.More, n) // the figure, asked for after the yes or no
		default:
			f.Line = n
		}
		if q.Kind == offer.KindURL {
			return
		}
		if blank(ans) || strings.HasPrefix(ans, "(") && strings.HasSuffix(ans, ")") {
			return // a form's empty box, "(£)", or its instruction, "(please attach a copy)"
		}
		if st, ok := status(ans); ok {
			if st == 0 {
				res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw), "not applicable: nothing to record for " + q.Key})
				return
			}
			f.Answer.Status = st
			f.Answer.Quote = quote(raw)
			f.Sure = true
		}
		switch q.Kind {
		case offer.KindCount:
			if r, approx, ok := count(ans); ok {
				f.Answer.Count, f.Answer.Approx = &r, approx
				if p != nil && p.per != 0 {
					f.Answer.Per = p.per
				}
				if f.Answer.Status == 0 {
					f.Answer.Status = offer.Yes
					if r.Max == 0 {
						f.Answer.Status = offer.No
					}
				}
				f.Answer.Quote, f.Sure = quote(raw), true
			}
		case offer.KindMoney:
			if v, pence, sure, ok := money(ans); ok {
				f.Answer.GBP, f.Answer.Pence = &v, pence
				if f.Answer.Status == 0 {
					f.Answer.Status = offer.Yes
				}
				f.Answer.Quote, f.Sure = quote(raw), sure
				if !sure {
					f.Said = ans
				}
			}
		case offer.KindYesNo:
			// "Yes, £50 on each birthday": an amount beside a yes.
			if v, pence, sure, ok := money(ans); ok && sure && f.Answer.Status == offer.Yes {
				f.Answer.GBP, f.Answer.Pence = &v, pence
			}
		}
		if f.Answer.Status == offer.Yes {
			details(&f.Answer, ans)
		}
		if f.Sure {
			f.Said = ""
		} else if f.Answer.Status == 0 && ans != "" {
			f.Said = ans
		}
	}
	get := func(q *offer.Question) *Found {
		if f := found[q.Key]; f != nil {
			return f
		}
		f := &Found{Question: q}
		found[q.Key] = f
		return f
	}
	// foundURL records the offer's web address, found on line n.
	foundURL := func(u string, n int) {
		f := get(offer.Lookup("offer.url"))
		f.Answer.Value, f.Line, f.Sure = u, n, true
	}
	for i, raw := range lines {
		n := i + 1
		line := clean(raw)
		if line == "" {
			continue
		}
		body := numbering.ReplaceAllString(line, "")
		heading := body != line && strings.HasPrefix(strings.ToUpper(line), "Q")
		lower := strings.ToLower(line)
		if heading || numbering.MatchString(line) {
			group, inPrinciple = nil, false
		}
		if strings.Contains(lower, "in principle") || strings.Contains(lower, "in principal") || strings.Contains(lower, "not always a blanket offer") {
			inPrinciple = true
		}
		if options.MatchString(line) {
			continue
		}
		label, ans := split(body)
		if answerLead.MatchString(line) {
			label, ans = "", line
		}
		// A line asks a question when it is numbered or has a question
		// mark, unless it is a follow-up ("If yes, how much?") or a short
		// heading ("Q7 Council Tax Exemption").
		asks := (numbering.MatchString(line) && len(strings.Fields(label)) >= 6 && !answerFirst.MatchString(numbering.ReplaceAllString(label, ""))) || strings.Contains(label, "?")
		if followUp(label) != "" && !numbering.MatchString(line) {
			asks = false
		}
		if _, asked := numbered[questionNumber(line)]; asked && !strings.Contains(line, "?") && matchQuestion(label) == nil {
			asks = false // "4) LCC do not track this": the answer to question 4, asked above
		}
		// A numbered question, or one that asks a question of its own, is
		// matched as a question first: "3. ... setting up home allowance?
		// If so, how much?" asks about the allowance, not a follow-up.
		var p *phrase
		if asks && label != "" {
			p = matchQuestion(label)
			if p == nil {
				if q, also := guess(mainQuestion(label)); q != nil && also == nil {
					p = &phrase{q: q}
				} else if q != nil {
					why := "could ask " + q.Key + " or " + also.Key + ": choose one"
					res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw), why})
					if num := questionNumber(line); num > 0 {
						numbered[num], unsure[num] = nil, why
					}
					last, awaiting, unknownAsked = nil, false, ans == ""
					continue
				}
			}
		}
		// A follow-up asks more about the question before it.
		if fu := followUp(label); p == nil && fu != "" && last != nil {
			from := raw // the reply's own line the answer is on, for its quote
			if ans == "" {
				if j := nextLine(lines, i); j >= 0 && !isQuestion(clean(lines[j])) && followUp(clean(lines[j])) == "" {
					ans, from = clean(lines[j]), lines[j]
					lines[j] = ""
				}
			}
			if fu == "details" && last.Answer.Status == 0 {
				// "If yes, please give details" with the answer itself below it.
				if st, ok := status(ans); ok && st != 0 {
					last.Answer.Status, last.Answer.Quote, last.Sure, last.Said = st, quote(from), true, ""
					continue
				}
			}
			if fu == "where" {
				if u := urlRE.FindString(ans); u != "" {
					foundURL(u, n)
				} else {
					awaitingURL = true
				}
				continue
			}
			if !applyFollowUp(fu, ans, last, group, lastPhrase) {
				if ans != "" && fu != "details" {
					res.Unread = append(res.Unread, Line{N: n, Text: strings.TrimSpace(raw)})
				}
			}
			continue
		}
		if awaitingURL {
			if u := urlRE.FindString(line); u != "" {
				foundURL(u, n)
				awaitingURL = false
				continue
			}
		}
		// "1) £3000 per young person": an answer given by its question's
		// number, in a reply that lists the questions, then the answers.
		if num := questionNumber(line); num > 0 && !asks && !strings.Contains(line, "?") {
			if q, ok := numbered[num]; ok {
				text := strings.TrimSpace(numbering.ReplaceAllString(line, ""))
				if q == nil {
					why := "the answer to question " + strconv.Itoa(num) + ", which is not in the catalogue"
					if unsure[num] != "" {
						why = "the answer to question " + strconv.Itoa(num) + ", which " + unsure[num]
					}
					res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw), why})
				} else {
					f := get(q.q)
					read(f, raw, text, n, q)
					if !f.Sure && f.Line == n && f.Said == "" {
						res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw), "the answer to question " + strconv.Itoa(num) + " (" + q.q.Key + "), not understood"})
					}
				}
				delete(numbered, num)
				last, awaiting = nil, false
				continue
			}
		}
		if p == nil && !asks {
			p = match(label)
			if st, ok := status(ans); p == nil && ok && st != 0 {
				// A form's item and its answer: "a) Broadband costs: No".
				if q, also := guess(label); q != nil && also == nil {
					p = &phrase{q: q}
				}
			}
		}
		if num := questionNumber(line); num > 0 && asks {
			numbered[num] = p // nil for a question not in the catalogue
		}
		if p != nil {
			unknownAsked = false
			f := get(p.q)
			last, lastPhrase = f, p
			if inPrinciple && (p.q.Kind == offer.KindYesNo) {
				f.Answer.Basis = offer.BasisInPrinciple
			}
			group = append(group, f)
			awaiting = ans == ""
			if ans != "" {
				read(f, raw, ans, n, p)
			}
			continue
		}
		if template(lines, i) {
			continue // a blank form's choices, "Yes", "No", "Don't know", one a line
		}
		if strings.HasSuffix(line, ":") || blank(line) {
			continue // an introduction to what follows, or a form's empty box: "(£)"
		}
		if awaiting && last != nil && !told[n] && !heading && !numbering.MatchString(line) && !strings.HasSuffix(line, "?") {
			awaiting = false
			before := last.Answer.Status
			read(last, raw, line, n, lastPhrase)
			if last.Answer.Status != before || last.Sure {
				continue
			}
		}
		if unknownAsked && !told[n] && !asks {
			// The answer to a question the catalogue does not ask.
			res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw), "the answer to a question not in the catalogue"})
			unknownAsked = false
			continue
		}
		if asks || heading || strings.HasSuffix(line, "?") {
			// A question the catalogue does not ask, or a heading: its
			// answer, on this line or the next, is listed.
			last, awaiting = nil, false
			if ans != "" && !told[n] {
				res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw), "the answer to a question not in the catalogue"})
			} else {
				unknownAsked = asks
			}
			continue
		}
		if !told[n] {
			res.Unread = append(res.Unread, Line{N: n, Text: strings.TrimSpace(raw)})
		}
	}
	for i := range offer.Catalogue {
		if f := found[offer.Catalogue[i].Key]; f != nil && (f.Answer.Status != 0 || f.Answer.Value != "" || f.Said != "") {
			if f.Answer.Status != offer.Yes {
				f.Answer.Basis = 0
			}
			res.Found = append(res.Found, *f)
		}
	}
	sort.SliceStable(res.Unread, func(i, j int) bool { return res.Unread[i].N < res.Unread[j].N })
	return res
}

var urlRE = regexp.MustCompile(`https?://[^\s<>")]+`)

// followUp says what a follow-up line asks about the question before it.
func followUp(label string) string {
	l := strings.ToLower(label)
	switch {
	case strings.Contains(l, "what age"), strings.HasSuffix(l, "up to what"):
		return "age"
	case strings.Contains(l, "how much"):
		return "money"
	case strings.HasPrefix(l, "if yes, how many"), strings.HasPrefix(l, "if so, how many"):
		return "count"
	case strings.Contains(l, "only available to care leavers from your local authority"):
		return "scope"
	case strings.Contains(l, "what banding"):
		return "band"
	case strings.HasPrefix(l, "if yes, where"), l == "if yes, where":
		return "where"
	case strings.HasPrefix(l, "if yes"), strings.HasPrefix(l, "if no"), strings.HasPrefix(l, "if so"), strings.HasPrefix(l, "please tell us"), strings.HasPrefix(l, "please give details"):
		return "details"
	}
	return ""
}

// applyFollowUp records a follow-up's answer; false if it could not.
func applyFollowUp(kind, ans string, last *Found, group []*Found, p *phrase) bool {
	switch kind {
	case "age":
		a, ok := age(ans)
		if !ok {
			return false
		}
		for _, f := range group {
			// "Up to what age?" after a heading's items (gym, swimming)
			// is for each of them, not for other sections' questions.
			if f.Answer.Status == offer.Yes && f.Question.Section == last.Question.Section {
				f.Answer.ToAge = int16(a)
			}
		}
		return true
	case "money":
		v, pence, sure, ok := money(ans)
		if !ok || !sure || last.Question.Kind != offer.KindMoney {
			return false
		}
		last.Answer.GBP, last.Answer.Pence = &v, pence
		return true
	case "count":
		r, approx, ok := count(ans)
		if !ok || last.Question.Kind != offer.KindCount {
			return false
		}
		last.Answer.Count, last.Answer.Approx, last.Answer.Per = &r, approx, offer.PerYear
		return true
	case "scope":
		switch st, _ := status(ans); st {
		case offer.Yes:
			last.Answer.Scope = offer.ScopeOwn
		case offer.No:
			last.Answer.Scope = offer.ScopeAll
		default:
			return false
		}
		return true
	case "band":
		if b := strings.TrimSpace(ans); b != "" && last.Question.Key == "housing.priority_banding" {
			last.Answer.Extend().Band = b
			return true
		}
	}
	return false
}

var numberRE = regexp.MustCompile(`^(?:Q\s*\.?\s*)?(\d{1,2})[a-z]?(?:[.)]|\s)`)

// questionNumber is the number a line starts with, "3." or "Q3" or "3)",
// or 0.
func questionNumber(line string) int {
	m := numberRE.FindStringSubmatch(line)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// template reports whether line i is one of a blank form's choices: a bare
// status word with another bare status word on the line before or after.
func template(lines []string, i int) bool {
	bare := func(j int) bool {
		if j < 0 || j >= len(lines) {
			return false
		}
		t := strings.ToLower(strings.Trim(clean(lines[j]), " .☐□"))
		return t == "yes" || t == "no" || t == "don't know" || t == "don’t know" || t == "do not know" || t == "not sure"
	}
	if !bare(i) {
		return false
	}
	prev, next := i-1, i+1
	for prev >= 0 && clean(lines[prev]) == "" {
		prev--
	}
	for next < len(lines) && clean(lines[next]) == "" {
		next++
	}
	return bare(prev) || bare(next)
}

// blank reports whether an answer has no words or figures: an empty box
// of a form, such as "(£)" or "£".
func blank(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// matchQuestion finds the question a numbered or questioning line asks: by
// a known wording of the whole label, or of its main question before any
// follow-up ("... allowance? If so, how much?").
func matchQuestion(label string) *phrase {
	if p := match(label); p != nil {
		return p
	}
	if m := mainQuestion(label); m != label {
		return match(m)
	}
	return nil
}

// mainQuestion is a label's first question, without the follow-ups after it.
func mainQuestion(label string) string {
	if i := strings.Index(label, "?"); i >= 0 && i < len(label)-1 {
		return label[:i+1]
	}
	return label
}

var (
	perRE    = regexp.MustCompile(`(?i)\b(per|a|each|every)\s+(week|month|year|annum|birthday)\b|\b(weekly|monthly|annually|yearly|one-off|one off)\b`)
	rangeAge = regexp.MustCompile(`\b(1[4-9]|2[0-9])\s*(?:-|–|—|to)\s*(1[4-9]|2[0-9]|30)\b`)
)

// details reads what a yes says beyond yes: the age it lasts until (or the
// ages it covers, "18–21"), how often an amount is paid, and its
// conditions: case by case, means-tested, paid in instalments.
func details(a *offer.Answer, ans string) {
	l := strings.ToLower(ans)
	if m := rangeAge.FindStringSubmatch(ans); m != nil && a.Count == nil {
		from, _ := strconv.Atoi(m[1])
		to, _ := strconv.Atoi(m[2])
		if from < to {
			a.FromAge, a.ToAge = int16(from), int16(to)
		}
	} else if n, ok := age(ans); ok && a.ToAge == 0 {
		a.ToAge = int16(n)
	}
	if m := perRE.FindStringSubmatch(l); m != nil && a.Per == 0 && (a.GBP != nil || a.Count != nil) {
		switch w := m[2] + m[3]; {
		case strings.Contains(w, "week"):
			a.Per = offer.PerWeek
		case strings.Contains(w, "month"):
			a.Per = offer.PerMonth
		case strings.Contains(w, "one"):
			a.Per = offer.PerOnce
		default:
			a.Per = offer.PerYear
		}
	}
	switch {
	case strings.Contains(l, "case by case"), strings.Contains(l, "in principle"), strings.Contains(l, "in principal"), strings.Contains(l, "discretion"):
		a.Basis = offer.BasisInPrinciple
	case strings.Contains(l, "some cases"), strings.Contains(l, "assessed need"), strings.Contains(l, "based on need"):
		a.Basis = offer.BasisConditional
	}
	if strings.Contains(l, "means test") || strings.Contains(l, "means-test") {
		a.MeansTest = true
	}
	if strings.Contains(l, "instalment") || strings.Contains(l, "installment") {
		a.Extend().Condition = "paid in instalments"
	}
	if strings.Contains(l, "up to £") || strings.Contains(l, "up to a maximum") || strings.Contains(l, "maximum of £") {
		a.UpTo = true
	}
	if strings.Contains(l, "circa") || strings.Contains(l, "approximately") || strings.Contains(l, "about ") {
		a.Approx = true
	}
}

// isQuestion reports whether a line asks one of the catalogue's questions.
func isQuestion(line string) bool {
	label, _ := split(numbering.ReplaceAllString(line, ""))
	return match(label) != nil
}

func nextLine(lines []string, i int) int {
	for j := i + 1; j < len(lines) && j <= i+2; j++ {
		if clean(lines[j]) != "" {
			return j
		}
	}
	return -1
}

var (
	refRE      = regexp.MustCompile(`(?i:FOI (?:number|reference|ref)|our ref(?:erence)?|reference number|case reference|reference)[:\s]+([A-Z][A-Z_/\-.]* ?[0-9][A-Z0-9_/\-.]*|[0-9][A-Z0-9_/\-.]*)`)
	receivedRE = regexp.MustCompile(`(?i)(?:date (?:foi )?received|received)[:\s]+(\d{1,2})/(\d{1,2})/(\d{4})`)
	respondRE  = regexp.MustCompile(`(?i)(?:date (?:of )?(?:response|responded|reply)|responded)[:\s]+(\d{1,2})/(\d{1,2})/(\d{4})`)
	deptRE     = regexp.MustCompile(`(?i)^department[:\s]+(.+)$`)
	titleRE    = regexp.MustCompile(`(?i)^title[:\s]+(.+)$`)
	oglRE      = regexp.MustCompile(`(?i)(re-?use .*open government licen[cs]e|open government licen[cs]e v?3)`)
	// Dates written out: "14 October 2026", "1st March 2024".
	longDate      = `(\d{1,2})(?:st|nd|rd|th)?\s+(January|February|March|April|May|June|July|August|September|October|November|December),?\s+(\d{4})`
	receivedLong  = regexp.MustCompile(`(?i)(?:received|date received|date of request)(?:\s+on)?[:\s]+` + longDate)
	publishedLong = regexp.MustCompile(`(?i)(published|publication date|date published|last updated|updated)[:\s]+(?:[A-Za-z]+day,?\s+)?` + longDate)
	respondLong   = regexp.MustCompile(`(?i)(?:date (?:of )?(?:response|responded|reply)|response date|responded(?:\s+on)?|date sent)[:\s]+` + longDate)
	headerLabel   = regexp.MustCompile(`(?i)^(reference|reference number|our reference|foi reference|date (?:request )?received|date of (?:response|decision|reply)|response date|publication date)$`)
	councilRE     = regexp.MustCompile(`^[A-Z][A-Za-z ,&'.-]{2,80}\b(?:Council|Corporation)$`)
)

var months = map[string]int8{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// dateLong reads a date written out, from its day, month and year.
func dateLong(m []string) offer.Date {
	d, _ := strconv.Atoi(m[1])
	y, _ := strconv.Atoi(m[3])
	mo := months[strings.ToLower(m[2])]
	if d < 1 || d > 31 || y < 1990 || y > 2100 {
		return offer.Date{}
	}
	return offer.Date{Year: int16(y), Month: mo, Day: int8(d)}
}

// source reads what a reply says about itself, and which lines (from 1)
// said it.
func source(lines []string) (offer.Source, map[int]bool) {
	s := offer.Source{Type: "foi"}
	told := map[int]bool{}
	for i, raw := range lines {
		line := clean(raw)
		joined := (strings.HasSuffix(line, ":") || headerLabel.MatchString(line)) && i+1 < len(lines)
		if joined {
			line += " " + clean(lines[i+1]) // "Publication date:" with the date below it
		}
		was := s
		if s.Ref == "" {
			if m := refRE.FindStringSubmatch(line); m != nil {
				s.Ref = strings.TrimRight(m[1], ".")
			}
		}
		if m := receivedRE.FindStringSubmatch(line); m != nil && s.Received.IsZero() {
			s.Received = date(m)
		}
		if m := respondRE.FindStringSubmatch(line); m != nil && s.Responded.IsZero() {
			s.Responded = date(m)
		}
		if m := receivedLong.FindStringSubmatch(line); m != nil && s.Received.IsZero() {
			s.Received = dateLong(m)
		}
		if m := respondLong.FindStringSubmatch(line); m != nil && s.Responded.IsZero() {
			s.Responded = dateLong(m)
		}
		if m := publishedLong.FindStringSubmatch(line); m != nil {
			d := dateLong(m[1:])
			if strings.Contains(strings.ToLower(m[1]), "updated") {
				if s.Updated.IsZero() {
					s.Updated = d
				}
			} else if s.Published.IsZero() {
				s.Published = d
			}
		}
		if i < 10 && s.Publisher == "" && councilRE.MatchString(line) {
			s.Publisher = line
		}
		if m := deptRE.FindStringSubmatch(line); m != nil && s.Note == "" {
			s.Note = "Answered by the council's " + strings.TrimSpace(m[1]) + " department."
		}
		if m := titleRE.FindStringSubmatch(line); m != nil && s.Title == "" {
			s.Title = strings.TrimSpace(m[1])
		}
		if oglRE.MatchString(line) && s.Licence == "" {
			s.Licence = "OGL-3.0"
		}
		if s.Title == "" && i < 5 && strings.Contains(strings.ToLower(line), "freedom of information") {
			s.Title = line
		}
		header := publishedLong.MatchString(line) || respondLong.MatchString(line) || receivedLong.MatchString(line) ||
			respondRE.MatchString(line) || receivedRE.MatchString(line)
		if s != was || header {
			told[i+1] = true
			if joined {
				told[i+2] = true
			}
		}
	}
	if s.Title == "" {
		s.Title = "Freedom of Information reply"
	}
	return s, told
}

func date(m []string) offer.Date {
	d, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if d < 1 || d > 31 || mo < 1 || mo > 12 {
		return offer.Date{}
	}
	return offer.Date{Year: int16(y), Month: int8(mo), Day: int8(d)}
}
