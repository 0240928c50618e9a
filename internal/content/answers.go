package content

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/localoffer/localoffer/internal/offer"
	"gopkg.in/yaml.v3"
)

// sectionKeys returns the keys allowed directly under a catalogue path:
// question fields and nested groups.
func sectionKeys(prefix string) []string {
	if keys, ok := sectionKeysOf.Load(prefix); ok {
		return keys.([]string)
	}
	keys, _ := sectionKeysOf.LoadOrStore(prefix, catalogueKeys(prefix))
	return keys.([]string)
}

// sectionKeysOf holds sectionKeys' answers, the same for every file.
var sectionKeysOf sync.Map

func catalogueKeys(prefix string) []string {
	var out []string
	for i := range offer.Catalogue {
		k := offer.Catalogue[i].Key
		if rest, ok := strings.CutPrefix(k, prefix+"."); ok {
			name, _, _ := strings.Cut(rest, ".")
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return slices.Clip(out) // shared by every file: an append copies it
}

// questions reads a section (or a group inside one) of answers.
func (d *decoder) questions(n *yaml.Node, path string, into *offer.Answers) {
	pairs, ok := d.mapping(n, path)
	if !ok {
		return
	}
	allowed := sectionKeys(path)
	for _, p := range pairs {
		if d.exhausted(p.v) {
			return
		}
		key := join(path, p.name)
		switch q := offer.Lookup(key); {
		case q != nil && p.v.Kind == yaml.SequenceNode && q.Kind.IsAnswer():
			// Sources that disagree: one answer from each.
			var all []*offer.Answer
			for i, item := range p.v.Content {
				if d.exhausted(item) {
					return
				}
				at := fmt.Sprintf("%s[%d]", key, i)
				if a := d.answer(d.resolve(item), q, at); a != nil {
					d.keep(q, at, a, item, item)
					all = append(all, a)
				}
			}
			if len(p.v.Content) < 2 {
				d.errorf(p.v, key, "want a list of two or more answers from different sources, or one answer, got a list of %d", len(p.v.Content))
			}
			if len(all) > 0 {
				if len(all) > 1 {
					all[0].Extend().Also = all[1:]
				}
				into.Set(q.Key, all[0])
			}
		case q != nil:
			if a := d.answer(p.v, q, q.Key); a != nil {
				d.keep(q, key, a, p.k, p.v)
				into.Set(q.Key, a)
			}
		case slices.Contains(allowed, p.name):
			d.questions(p.v, key, into)
		default:
			d.unknownKey(p, path, allowed)
		}
	}
}

// keep notes where an answer to q is (pos, its key or list item; v, its
// value) and keeps it for the checks made once every source is known: that
// an answer from a web page quotes it, and that every answer has a source.
func (d *decoder) keep(q *offer.Question, key string, a *offer.Answer, pos, v *yaml.Node) {
	a.Line, a.Col = int32(d.lineOff+pos.Line), int32(pos.Column)
	if q.Kind.IsAnswer() {
		d.quoted = append(d.quoted, quoteRef{key, pos, a})
	}
	if a.Src == "" {
		d.unsourced = append(d.unsourced, sourceRef{key: key, n: v})
	}
}

// answer reads the value of one question: a status word or a mapping for
// answers, a single value for the other kinds.
func (d *decoder) answer(n *yaml.Node, q *offer.Question, key string) *offer.Answer {
	switch q.Kind {
	case offer.KindText:
		return &offer.Answer{Value: d.text(n, key)}
	case offer.KindURL:
		return &offer.Answer{Value: d.link(n, key)}
	case offer.KindDate:
		return &offer.Answer{Value: d.date(n, key, false).String()}
	case offer.KindList:
		return &offer.Answer{More: &offer.More{Values: d.list(n, key)}}
	case offer.KindGSS:
		a := &offer.Answer{Value: d.gss(n, key)}
		if a.Value != "" {
			d.councils = append(d.councils, sourceRef{a.Value, key, n})
		}
		return a
	case offer.KindChoice:
		return &offer.Answer{Value: d.choice(n, key, q.Choices)}
	}
	a := &offer.Answer{}
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float" && q.Kind == offer.KindMoney) && q.Kind != offer.KindYesNo {
		// A bare number is short for {status: yes, <number>: n}, and a bare 0
		// for {status: no, <number>: 0}: "how many apprenticeships?" "none".
		a.Status = offer.Yes
		d.headline(n, q, key, a)
		if zero(a) {
			a.Status = offer.No
		}
		return a
	}
	if n.Kind == yaml.ScalarNode {
		a.Status = d.status(n, key)
		return a
	}
	pairs, ok := d.mapping(n, key)
	if !ok {
		return nil
	}
	allowed := append(slices.Clip(offer.AnswerFields), q.Extra...)
	var statusNode, fromNode, toNode *yaml.Node
	figure := false // gbp, count or pct given, even if not valid
	for _, p := range pairs {
		path := join(key, p.name)
		if !slices.Contains(allowed, p.name) {
			d.unknownKey(p, key, allowed)
			continue
		}
		switch p.name {
		case "status":
			statusNode = p.v
			a.Status = d.status(p.v, path)
		case "basis":
			a.Basis, _ = offer.ParseBasis(d.choice(p.v, path, offer.Bases))
		case "scope":
			a.Scope, _ = offer.ParseScope(d.choice(p.v, path, offer.Scopes))
		case "from_age":
			fromNode, a.FromAge = p.v, int16(d.age(p.v, path))
		case "to_age":
			toNode, a.ToAge = p.v, int16(d.age(p.v, path))
		case "gbp":
			figure = true
			d.money(p.v, path, a)
		case "count":
			figure = true
			a.Count = d.count(p.v, path)
		case "pct":
			figure = true
			if v, ok := d.integer(p.v, path, "a percentage from 0 to 100", 0, 100); ok {
				a.Pct = &v
			}
		case "approx":
			a.Approx = d.boolean(p.v, path)
		case "up_to":
			a.UpTo = d.boolean(p.v, path)
		case "at_least":
			a.AtLeast = d.boolean(p.v, path)
		case "means_tested":
			a.MeansTest = d.boolean(p.v, path)
		case "per":
			a.Per, _ = offer.ParsePer(d.choice(p.v, path, offer.Pers))
		case "details":
			a.Details = d.text(p.v, path)
		case "condition":
			a.Extend().Condition = d.text(p.v, path)
		case "apply":
			a.Extend().Apply = d.text(p.v, path)
		case "src":
			a.Src = d.ref(p.v, path)
		case "as_of":
			a.AsOf = d.date(p.v, path, false)
		case "quote":
			a.Quote = d.quote(p.v, path)
		case "anywhere":
			a.Anywhere = d.boolean(p.v, path)
		case "band":
			a.Extend().Band = d.text(p.v, path)
		case "name":
			a.Extend().Name = d.text(p.v, path)
		case "groups":
			a.Extend().Groups = d.groups(p.v, path)
		}
	}
	if statusNode == nil {
		if figure {
			a.Status = offer.Yes
			if zero(a) {
				a.Status = offer.No // {count: 0} says "none", as a bare 0 does
			}
		} else {
			d.errorf(n, key, "missing status: want %s", statusWords)
		}
	}
	if fromNode != nil && toNode != nil && a.FromAge > a.ToAge && a.ToAge > 0 {
		d.errorf(toNode, join(key, "to_age"), "want an age of at least from_age (%d), got %d", a.FromAge, a.ToAge)
	}
	return a
}

var statusWords = orList([]string{"yes", "no", "considering", "unknown"})

// status reads yes, no, considering or unknown (true and false are taken as
// yes and no, for editors that write booleans).
func (d *decoder) status(n *yaml.Node, path string) offer.Status {
	s, ok := d.scalar(n, path, statusWords)
	if !ok {
		return 0
	}
	switch s {
	case "true":
		return offer.Yes
	case "false":
		return offer.No
	}
	if st, ok := offer.ParseStatus(s); ok {
		return st
	}
	msg := fmt.Sprintf("want %s, got %q", statusWords, s)
	if g := suggest(strings.ToLower(s), []string{"yes", "no", "considering", "unknown"}); g != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", g)
	}
	d.errorf(n, path, "%s", msg)
	return 0
}

// money reads an amount in pounds: whole pounds (2000), or pounds and pence
// as the source gives them (57.90).
func (d *decoder) money(n *yaml.Node, path string, a *offer.Answer) {
	const want = "an amount in pounds, 0 or more, such as 2000 or 57.90"
	s, ok := d.scalar(n, path, want)
	if !ok {
		return
	}
	pounds, pence, dot := strings.Cut(s, ".")
	v, err := strconv.Atoi(pounds)
	p := 0
	if dot {
		if len(pence) != 2 {
			d.errorf(n, path, "want pence as two digits, such as 57.90, got %q", s)
			return
		}
		p, err = strconv.Atoi(pence)
	}
	if err != nil || (n.Tag != "!!int" && n.Tag != "!!float") || v < 0 || v > 10_000_000 || p < 0 || strings.HasPrefix(pence, "-") {
		d.errorf(n, path, "want %s, got %q", want, s)
		return
	}
	a.GBP, a.Pence = &v, int8(p)
}

// headline reads a bare number as the question's headline figure.
func (d *decoder) headline(n *yaml.Node, q *offer.Question, key string, a *offer.Answer) {
	switch q.Kind {
	case offer.KindMoney:
		d.money(n, key, a)
	case offer.KindCount:
		a.Count = d.count(n, key)
	case offer.KindPercent:
		if v, ok := d.integer(n, key, "a percentage from 0 to 100", 0, 100); ok {
			a.Pct = &v
		}
	}
}

// count reads a whole number, or a range {min: 3, max: 5}.
func (d *decoder) count(n *yaml.Node, path string) *offer.Range {
	const want = "a whole number, 0 or more"
	if n.Kind != yaml.MappingNode {
		v, ok := d.integer(n, path, want, 0, 100_000_000)
		if !ok {
			return nil
		}
		return &offer.Range{Min: v, Max: v}
	}
	r := &offer.Range{Min: -1, Max: -1}
	for _, p := range d.pairs(n, path) {
		switch p.name {
		case "min":
			r.Min, _ = d.integer(p.v, join(path, "min"), want, 0, 100_000_000)
		case "max":
			r.Max, _ = d.integer(p.v, join(path, "max"), want, 0, 100_000_000)
		default:
			d.unknownKey(p, path, []string{"min", "max"})
		}
	}
	if r.Min < 0 || r.Max < 0 {
		d.errorf(n, path, "want a number or both min and max")
		return nil
	}
	if r.Min > r.Max {
		d.errorf(n, path, "want min no larger than max, got %d to %d", r.Min, r.Max)
		return nil
	}
	return r
}

// groups reads a list of children in care councils.
func (d *decoder) groups(n *yaml.Node, path string) []offer.Group {
	var out []offer.Group
	d.items(n, path, func(_ int, at string, _ *yaml.Node, pairs []pair) {
		var g offer.Group
		for _, p := range pairs {
			switch p.name {
			case "name":
				g.Name = d.text(p.v, join(at, p.name))
			case "ages":
				g.Ages = d.text(p.v, join(at, p.name))
			case "regular_attendees":
				g.Attendees = d.text(p.v, join(at, p.name))
			default:
				d.unknownKey(p, at, offer.GroupKeys)
			}
		}
		out = append(out, g)
	})
	return out
}

// zero reports whether an answer's figure is nought: no money, none, 0%.
func zero(a *offer.Answer) bool {
	return a.GBP != nil && *a.GBP == 0 || a.Count != nil && a.Count.Max == 0 || a.Pct != nil && *a.Pct == 0
}
