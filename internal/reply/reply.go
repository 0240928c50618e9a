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
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/localoffer/localoffer/internal/offer"
)

// Found is one answer found in a reply.
type Found struct {
	Question *offer.Question
	Answer   offer.Answer // status and figures; Quote holds the reply's own words
	Line     int          // the line the answer is on, from 1
	Sure     bool         // false: the words did not say it clearly, so a person must confirm it
	Said     string       // for an unsure answer, what the reply says
}

// Line is a line of the reply.
type Line struct {
	N    int
	Text string
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
	per   string
}

var phrases = func() []phrase {
	var out []phrase
	add := func(q *offer.Question, text string) {
		w := words(text)
		if len(w) == 0 {
			return
		}
		p := phrase{q: q, words: w, short: len(w) <= 2}
		if strings.Contains(strings.ToLower(text), "per year") || strings.Contains(strings.ToLower(text), "each year") {
			p.per = "year"
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
}()

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
var numbering = regexp.MustCompile(`^(?:Q\s*\.?\s*\d+[a-z]?\.?|\d+[a-z]?[.)]|\d+[a-z]\s)\s*`)

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
	for i := range phrases {
		p := &phrases[i]
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
		if s, ok := status(f[len(f)-1]); ok && s != "" {
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
		return "", false
	case strings.HasPrefix(t, "n/a"):
		return "", true // not applicable: nothing to record
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
	return "", false
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
	read := func(f *Found, raw, ans string, n int, p *phrase) {
		q := f.Question
		f.Line = n
		if q.Kind == offer.KindURL {
			return
		}
		if st, ok := status(ans); ok {
			if st == "" {
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
				if p != nil && p.per != "" {
					f.Answer.Per = p.per
				}
				if f.Answer.Status == "" {
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
				if f.Answer.Status == "" {
					f.Answer.Status = offer.Yes
				}
				f.Answer.Quote, f.Sure = quote(raw), sure
				if !sure {
					f.Said = ans
				}
			}
		}
		if f.Sure {
			f.Said = ""
		} else if f.Answer.Status == "" && ans != "" {
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
		// A follow-up asks more about the question before it.
		if fu := followUp(label); fu != "" && last != nil {
			from := raw // the reply's own line the answer is on, for its quote
			if ans == "" {
				if j := nextLine(lines, i); j >= 0 && !isQuestion(clean(lines[j])) && followUp(clean(lines[j])) == "" {
					ans, from = clean(lines[j]), lines[j]
					lines[j] = ""
				}
			}
			if fu == "details" && last.Answer.Status == "" {
				// "If yes, please give details" with the answer itself below it.
				if st, ok := status(ans); ok && st != "" {
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
					res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw)})
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
		if p := match(label); p != nil {
			f := get(p.q)
			last, lastPhrase = f, p
			if inPrinciple && (p.q.Kind == offer.KindYesNo) {
				f.Answer.Basis = "in_principle"
			}
			group = append(group, f)
			awaiting = ans == ""
			if ans != "" {
				read(f, raw, ans, n, p)
			}
			continue
		}
		if awaiting && last != nil && !heading && !numbering.MatchString(line) && !strings.HasSuffix(line, "?") {
			awaiting = false
			before := last.Answer.Status
			read(last, raw, line, n, lastPhrase)
			if last.Answer.Status != before || last.Sure {
				continue
			}
		}
		if heading || strings.HasSuffix(line, "?") {
			continue // a heading or a question the catalogue does not ask
		}
		if !told[n] {
			res.Unread = append(res.Unread, Line{n, strings.TrimSpace(raw)})
		}
	}
	for i := range offer.Catalogue {
		if f := found[offer.Catalogue[i].Key]; f != nil && (f.Answer.Status != "" || f.Answer.Value != "" || f.Said != "") {
			if f.Answer.Status != offer.Yes {
				f.Answer.Basis = ""
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
			if f.Answer.Status == offer.Yes {
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
		last.Answer.Count, last.Answer.Approx, last.Answer.Per = &r, approx, "year"
		return true
	case "scope":
		switch st, _ := status(ans); st {
		case offer.Yes:
			last.Answer.Scope = "own"
		case offer.No:
			last.Answer.Scope = "all"
		default:
			return false
		}
		return true
	case "band":
		if b := strings.TrimSpace(ans); b != "" && last.Question.Key == "housing.priority_banding" {
			last.Answer.Band = b
			return true
		}
	}
	return false
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
	refRE      = regexp.MustCompile(`(?i:FOI (?:number|reference|ref)|our ref(?:erence)?|reference)[:\s]+([A-Z][A-Z_/\-.]* ?[0-9][A-Z0-9_/\-.]*|[0-9][A-Z0-9_/\-.]*)`)
	receivedRE = regexp.MustCompile(`(?i)(?:date (?:foi )?received|received)[:\s]+(\d{1,2})/(\d{1,2})/(\d{4})`)
	respondRE  = regexp.MustCompile(`(?i)(?:date (?:of )?(?:response|responded|reply)|responded)[:\s]+(\d{1,2})/(\d{1,2})/(\d{4})`)
	deptRE     = regexp.MustCompile(`(?i)^department[:\s]+(.+)$`)
	titleRE    = regexp.MustCompile(`(?i)^title[:\s]+(.+)$`)
	oglRE      = regexp.MustCompile(`(?i)re-?use .*open government licen[cs]e`)
)

// source reads what a reply says about itself, and which lines (from 1)
// said it.
func source(lines []string) (offer.Source, map[int]bool) {
	s := offer.Source{Type: "foi"}
	told := map[int]bool{}
	for i, raw := range lines {
		line := clean(raw)
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
		if s != was {
			told[i+1] = true
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
