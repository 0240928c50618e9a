package export

import (
	"bytes"
	"strconv"

	"github.com/localoffer/localoffer/internal/jsonstr"
)

// offers.json gives every council's answers, a line per council; its
// answers are written by hand, below, as encoding/json (with SetEscapeHTML
// false) would write them, because working them out by reflection took
// longer than making them. TestAnswerJSONIsEncodingJSON holds the two to
// the same bytes.

// writeJSON writes a as encoding/json writes a JSONAnswer.
func (a *JSONAnswer) writeJSON(b *bytes.Buffer) {
	o := object{b: b}
	o.begin()
	o.str("status", a.Status)
	o.str("value", a.Value)
	o.list("values", len(a.Values), func(i int) { writeString(b, a.Values[i]) })
	o.num("from_age", a.FromAge)
	o.num("to_age", a.ToAge)
	if a.GBP != "" {
		o.key("gbp")
		b.WriteString(string(a.GBP))
	}
	if a.Count != nil {
		o.key("count")
		c := object{b: b}
		c.begin()
		c.keep("min", a.Count.Min)
		c.keep("max", a.Count.Max)
		c.end()
	}
	if a.Pct != nil {
		o.keep("pct", *a.Pct)
	}
	o.flag("approx", a.Approx)
	o.flag("up_to", a.UpTo)
	o.flag("at_least", a.AtLeast)
	o.str("per", a.Per)
	o.str("basis", a.Basis)
	o.str("scope", a.Scope)
	o.flag("means_tested", a.Means)
	o.flag("anywhere", a.Anywhere)
	o.str("band", a.Band)
	o.str("name", a.Name)
	o.list("groups", len(a.Groups), func(i int) {
		gw := object{b: b}
		gw.begin()
		gw.key("name")
		writeString(b, a.Groups[i].Name)
		gw.str("ages", a.Groups[i].Ages)
		gw.str("regular_attendees", a.Groups[i].Attendees)
		gw.end()
	})
	o.str("details", a.Details)
	o.str("apply", a.Apply)
	o.key("by")
	writeString(b, a.By)
	o.str("joint", a.Joint)
	if s := a.Source; s != nil {
		o.key("source")
		sw := object{b: b}
		sw.begin()
		sw.key("id")
		writeString(b, s.ID)
		sw.str("type", s.Type)
		sw.key("title")
		writeString(b, s.Title)
		sw.str("publisher", s.Publisher)
		sw.str("url", s.URL)
		sw.str("licence", s.Licence)
		sw.flag("secondary", s.Secondary)
		sw.end()
	}
	o.str("as_of", a.AsOf)
	o.str("quote", a.Quote)
	o.flag("differs", a.Differs)
	o.str("note", a.Note)
	o.list("older", len(a.Older), func(i int) { a.Older[i].writeJSON(b) })
	o.end()
}

// object writes a JSON object's members, with commas between them; the
// methods named for a type leave out a zero value, as omitempty does.
type object struct {
	b *bytes.Buffer
	n int
}

func (o *object) begin() { o.b.WriteByte('{') }
func (o *object) end()   { o.b.WriteByte('}') }

func (o *object) key(k string) {
	if o.n > 0 {
		o.b.WriteByte(',')
	}
	o.n++
	o.b.WriteByte('"')
	o.b.WriteString(k) // keys are plain words
	o.b.WriteString(`":`)
}

func (o *object) str(k, v string) {
	if v != "" {
		o.key(k)
		writeString(o.b, v)
	}
}

func (o *object) num(k string, v int) {
	if v != 0 {
		o.keep(k, v)
	}
}

// keep writes a number, zero or not.
func (o *object) keep(k string, v int) {
	o.key(k)
	var d [20]byte
	o.b.Write(strconv.AppendInt(d[:0], int64(v), 10))
}

// list writes n elements, each by elem, as an array; none, as omitempty
// leaves out an empty list.
func (o *object) list(k string, n int, elem func(i int)) {
	if n == 0 {
		return
	}
	o.key(k)
	o.b.WriteByte('[')
	for i := range n {
		if i > 0 {
			o.b.WriteByte(',')
		}
		elem(i)
	}
	o.b.WriteByte(']')
}

func (o *object) flag(k string, v bool) {
	if v {
		o.key(k)
		o.b.WriteString("true")
	}
}

// writeString writes s as a JSON string as encoding/json does.
func writeString(b *bytes.Buffer, s string) { jsonstr.Write(b, s) }
