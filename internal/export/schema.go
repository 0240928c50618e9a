package export

import (
	"slices"
	"strings"

	"github.com/localoffer/localoffer/internal/offer"
)

// The JSON Schema of a council file's frontmatter is generated from the
// catalogue, and from the keys internal/content reads besides it (listed
// here in the order that package reads them). The schema describes the
// shape of a file for editors; `localoffer check` stays the authority, and
// also checks what a schema cannot: that cited sources exist, that ages are
// in order, that dates are not in the future, and the reference list.
// The patterns the schema gives values, as internal/content checks them.
const (
	DatePattern = `^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`
	LinkPattern = offer.LinkPattern
)

// kindDefs names the definition in $defs that each kind of question uses;
// choices are written in place.
var kindDefs = map[offer.Kind]string{
	offer.KindYesNo: "yes_no_answer", offer.KindMoney: "money_answer", offer.KindCount: "count_answer",
	offer.KindPercent: "percent_answer", offer.KindText: "text", offer.KindURL: "link", offer.KindDate: "date",
	offer.KindList: "list", offer.KindGSS: "gss",
}

// Schema writes the JSON Schema (draft 2020-12) of a council file's
// frontmatter. It depends only on the catalogue, so the copy kept in the
// repository at schema/council.schema.json is the same for every site.
func Schema() []byte {
	props := ordered{}
	for _, k := range offer.CouncilKeys {
		props = append(props, member{k, identity[k]})
	}
	for _, sec := range offer.Sections {
		s := questionsObject(sec.Key, offer.InSection(sec.Key))
		props = append(props, member{sec.Key, append(obj("title", sec.Title, "description", sec.Intro), s...)})
	}
	doc := obj(
		"$schema", "https://json-schema.org/draft/2020-12/schema",
		"title", "Council file",
		"description", "The YAML frontmatter of a council file in content/councils/ of the localoffer project. "+
			"Generated from internal/offer/catalogue.go by internal/export: do not edit it by hand, "+
			"run go test ./internal/export -update. localoffer check is the authority on what a file may hold.",
		"type", "object",
		"required", offer.RequiredKeys,
		"properties", props,
		"additionalProperties", false,
		"$defs", defs(),
	)
	out, err := marshal(doc, "  ")
	if err != nil {
		panic("export: the schema does not encode: " + err.Error()) // only plain values go in
	}
	return out
}

// identity describes the top-level keys that are not sections.
var identity = map[string]ordered{
	"schema":      obj("description", "The version of the file format.", "enum", []int{1}),
	"gss":         obj("description", "The council's ONS GSS code, such as E06000016.", "$ref", def("gss")),
	"name":        obj("description", "The council's full name, such as Leicester City Council.", "$ref", def("text")),
	"short_name":  obj("description", "The name people use, such as Leicester; the file is named after it.", "$ref", def("text")),
	"tier":        obj("description", "The kind of council.", "enum", tiers()),
	"parent":      obj("description", "Districts only: the gss code of their county.", "$ref", def("gss")),
	"region":      obj("description", "The council's region of England.", "enum", offer.Regions),
	"website":     obj("description", "The council's website.", "$ref", def("link")),
	"places":      obj("description", "Main towns and areas, for finding the council by place.", "$ref", def("list")),
	"aka":         obj("description", "Other names people use for the council or its area.", "$ref", def("list")),
	"updated":     obj("description", "When someone last checked the whole file.", "$ref", def("date")),
	"checked":     obj("description", "The month someone last researched the council's offer in public sources, whether or not they found it, such as 2026-12.", "$ref", def("date")),
	"ended":       obj("description", "For a council being abolished: the day its successor takes over.", "$ref", def("date")),
	"successor":   obj("description", "The council that takes over: its gss code, or its name until it has one.", "$ref", def("text")),
	"default_src": obj("description", "The id of the source that answers cite unless they say otherwise.", "$ref", def("source_id")),
	"sources":     obj("description", "The documents the answers come from.", "type", "array", "items", obj("$ref", def("source"))),
	"contacts":    obj("description", "Roles at the council that care leavers or researchers can reach: team inboxes and switchboards, never a person's own number or e-mail.", "type", "array", "items", obj("$ref", def("contact"))),
}

// questionsObject describes the questions under prefix (a section, or a
// group inside one), nesting groups such as offer.statutory_2026.
func questionsObject(prefix string, qs []*offer.Question) ordered {
	props := ordered{}
	var groups []string
	for _, q := range qs {
		rest := strings.TrimPrefix(q.Key, prefix+".")
		group, _, nested := strings.Cut(rest, ".")
		switch {
		case !nested:
			props = append(props, member{rest, question(q)})
		case !slices.Contains(groups, group):
			groups = append(groups, group)
			var inside []*offer.Question
			for _, q2 := range qs {
				if strings.HasPrefix(q2.Key, prefix+"."+group+".") {
					inside = append(inside, q2)
				}
			}
			props = append(props, member{group, questionsObject(prefix+"."+group, inside)})
		}
	}
	return obj("type", "object", "properties", props, "additionalProperties", false)
}

// question describes the value of one question.
func question(q *offer.Question) ordered {
	s := obj("title", q.Label, "description", q.Ask+" Given by "+q.Provider.String()+".")
	switch {
	case q.Kind == offer.KindChoice:
		return append(s, member{"enum", q.Choices})
	case len(q.Extra) > 0:
		return append(s, member{"anyOf", answerForms(q.Kind, answerObject(q.Extra))})
	}
	return append(s, member{"$ref", def(kindDefs[q.Kind])})
}

// answerForms are the ways an answer may be written: a status word, a bare
// number for money, count and percentage questions, or key: value pairs.
func answerForms(k offer.Kind, object any) []any {
	forms := []any{obj("$ref", def("status"))}
	switch k {
	case offer.KindMoney:
		forms = append(forms, obj("$ref", def("gbp")))
	case offer.KindCount:
		forms = append(forms, obj("$ref", def("whole_number")))
	case offer.KindPercent:
		forms = append(forms, obj("$ref", def("pct")))
	}
	// Sources that disagree: a list of answers, the council's own first.
	return append(forms, object, obj("type", "array", "items", object))
}

// answerObject describes an answer written as key: value pairs, with the
// extra fields some questions allow.
func answerObject(extra []string) ordered {
	fields := map[string]ordered{
		"status":       obj("$ref", def("status")),
		"basis":        obj("description", "all: everyone gets it; in_principle: in principle, not always a blanket offer; conditional: only in some cases.", "enum", offer.Bases),
		"scope":        obj("description", "own: only care leavers this council looked after; county: only care leavers the county council looked after (districts); all: anyone living here.", "enum", offer.Scopes),
		"from_age":     obj("$ref", def("age")),
		"to_age":       obj("$ref", def("age")),
		"gbp":          obj("$ref", def("gbp")),
		"count":        obj("$ref", def("count")),
		"pct":          obj("$ref", def("pct")),
		"approx":       obj("description", "The source said about or circa.", "enum", []any{true, false, "yes", "no"}),
		"up_to":        obj("description", "The amount or count is the most given: up to £2,000.", "enum", []any{true, false, "yes", "no"}),
		"at_least":     obj("description", "The count is a floor: over 400.", "enum", []any{true, false, "yes", "no"}),
		"means_tested": obj("description", "The help depends on the young person's income or savings.", "enum", []any{true, false, "yes", "no"}),
		"per":          obj("description", "How often the amount or count is given.", "enum", offer.Pers),
		"details":      obj("description", "What the source says, in plain English.", "$ref", def("text")),
		"apply":        obj("description", "How to ask for it.", "$ref", def("text")),
		"src":          obj("description", "The id of the source this answer comes from, if not default_src.", "$ref", def("source_id")),
		"as_of":        obj("description", "When the answer was true, if not the source's date.", "$ref", def("date")),
		"quote":        obj("description", "The source's own words that back the answer, exactly, at most 30 words; needed for an answer from a web page.", "$ref", def("text")),
		"band":         obj("description", "The priority band care leavers get.", "$ref", def("text")),
		"anywhere":     obj("description", "The source says the council pays it when you live outside its area too.", "enum", []any{true, false, "yes", "no"}),
		"name":         obj("description", "What the service is called.", "$ref", def("text")),
		"groups":       obj("description", "The council's children in care and care leavers councils.", "type", "array", "items", obj("$ref", def("group"))),
	}
	props := ordered{}
	for _, k := range append(slices.Clip(offer.AnswerFields), extra...) {
		props = append(props, member{k, fields[k]})
	}
	var needs []any
	for _, k := range []string{"status", "gbp", "count", "pct"} {
		needs = append(needs, obj("required", []string{k}))
	}
	return obj("type", "object", "properties", props, "additionalProperties", false, "anyOf", needs)
}

// defs are the definitions the schema refers to.
func defs() ordered {
	statuses := []any{}
	for _, s := range offer.Statuses {
		statuses = append(statuses, s.String())
	}
	source := ordered{}
	for _, k := range offer.SourceKeys {
		var s ordered
		switch k {
		case "id":
			s = obj("description", "A short name that answers cite in src, such as foi-2020.", "$ref", def("source_id"))
		case "type":
			s = obj("description", "What kind of document it is.", "enum", offer.SourceTypes)
		case "url":
			s = obj("$ref", def("link"))
		case "received", "responded", "published", "updated", "meeting", "retrieved":
			s = obj("description", "The date the document gives, only when it gives one.", "$ref", def("date"))
		default:
			s = obj("$ref", def("text"))
		}
		source = append(source, member{k, s})
	}
	contact := ordered{}
	for _, k := range offer.ContactKeys {
		var s ordered
		switch k {
		case "role":
			s = obj("enum", offer.ContactRoles)
		case "email":
			s = obj("description", "A team inbox, never a person's own address.", "type", "string", "pattern", "@")
		case "url":
			s = obj("$ref", def("link"))
		case "status":
			s = obj("$ref", def("status"))
		case "src":
			s = obj("$ref", def("source_id"))
		case "phone":
			s = obj("description", "A team or switchboard number, never a mobile.", "$ref", def("text"))
		case "quote":
			s = obj("description", "The source's own words that give this route, exactly, at most 30 words.", "$ref", def("text"))
		default:
			s = obj("$ref", def("text"))
		}
		contact = append(contact, member{k, s})
	}
	group := ordered{}
	for _, k := range offer.GroupKeys {
		group = append(group, member{k, obj("$ref", def("text"))})
	}
	return obj(
		"status", obj("description", "yes, no, considering or unknown (unknown: the council was asked and did not say). true and false are read as yes and no.",
			"enum", append(statuses, true, false)),
		"yes_no_answer", obj("description", "A status word, or key: value pairs.", "anyOf", answerForms(offer.KindYesNo, obj("$ref", def("answer")))),
		"money_answer", obj("description", "A status word, an amount in whole pounds, or key: value pairs.", "anyOf", answerForms(offer.KindMoney, obj("$ref", def("answer")))),
		"count_answer", obj("description", "A status word, a number, or key: value pairs.", "anyOf", answerForms(offer.KindCount, obj("$ref", def("answer")))),
		"percent_answer", obj("description", "A status word, a percentage, or key: value pairs.", "anyOf", answerForms(offer.KindPercent, obj("$ref", def("answer")))),
		"answer", answerObject(nil),
		"age", obj("description", "An age from 14 to 30.", "type", "integer", "minimum", 14, "maximum", 30),
		"gbp", obj("description", "An amount in pounds: whole pounds (2000), or pounds and pence as the source gives them (57.90).", "type", "number", "minimum", 0, "maximum", 10_000_000),
		"pct", obj("description", "A percentage from 0 to 100.", "type", "integer", "minimum", 0, "maximum", 100),
		"whole_number", obj("type", "integer", "minimum", 0, "maximum", 100_000_000),
		"count", obj("description", "A number, or a range {min, max}.", "anyOf", []any{
			obj("$ref", def("whole_number")),
			obj("type", "object", "properties", obj("min", obj("$ref", def("whole_number")), "max", obj("$ref", def("whole_number"))),
				"required", []string{"min", "max"}, "additionalProperties", false),
		}),
		"text", obj("description", "Text.", "type", []string{"string", "number"}, "pattern", `\S`),
		"list", obj("type", "array", "items", obj("$ref", def("text"))),
		"link", obj("description", "An http, https, mailto or tel link.", "type", "string", "pattern", LinkPattern),
		"date", obj("description", "A date: 2020-02-04, 2020-02 or 2020.", "anyOf", []any{
			obj("type", "string", "pattern", DatePattern),
			obj("type", "integer", "minimum", 1000, "maximum", 9999),
		}),
		"gss", obj("description", "An ONS GSS code of an English council, such as E07000098.", "type", "string", "pattern", offer.GSSPattern),
		"source_id", obj("type", "string", "pattern", offer.IDPattern),
		"source", obj("type", "object", "required", []string{"id", "title"}, "properties", source, "additionalProperties", false),
		"contact", obj("type", "object", "required", []string{"role"}, "properties", contact, "additionalProperties", false),
		"group", obj("type", "object", "properties", group, "additionalProperties", false),
	)
}

func tiers() []string { return slices.Sorted(slices.Values(offer.TierOrder)) }

// obj builds an ordered object from keys and values in turn.
func obj(kv ...any) ordered {
	out := make(ordered, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, member{kv[i].(string), kv[i+1]})
	}
	return out
}

func def(name string) string { return "#/$defs/" + name }
