package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite schema/council.schema.json from the catalogue")

// committedSchema is the copy of the schema kept in the repository for editors.
const committedSchema = "../../schema/council.schema.json"

func schemaValidator(t *testing.T) *validator {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal(Schema(), &root); err != nil {
		t.Fatalf("the schema is not valid JSON: %v", err)
	}
	return &validator{root: root}
}

func TestCommittedSchemaIsCurrent(t *testing.T) {
	want := Schema()
	if *update {
		if err := os.WriteFile(committedSchema, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(committedSchema)
	if err != nil {
		t.Fatalf("%v: run go test ./internal/export -update to write it", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("schema/council.schema.json differs from the schema the catalogue gives: run go test ./internal/export -update and commit the result")
	}
}

func TestSchemaListsEveryQuestion(t *testing.T) {
	v := schemaValidator(t)
	if v.root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", v.root["$schema"])
	}
	for _, q := range offer.Catalogue {
		node := v.root
		for _, part := range strings.Split(q.Key, ".") {
			props, _ := node["properties"].(map[string]any)
			next, ok := props[part].(map[string]any)
			if !ok {
				t.Errorf("%s: no property %q in the schema", q.Key, part)
				break
			}
			if node["additionalProperties"] != false {
				t.Errorf("%s: the object holding %q allows other keys", q.Key, part)
			}
			node = next
		}
		if node["title"] != q.Label {
			t.Errorf("%s: title %v, want %q", q.Key, node["title"], q.Label)
		}
		if q.Kind == offer.KindChoice && fmt.Sprint(node["enum"]) != fmt.Sprint(q.Choices) {
			t.Errorf("%s: enum %v, want %v", q.Key, node["enum"], q.Choices)
		}
	}
	props := v.root["properties"].(map[string]any)
	if got, want := len(props), len(offer.CouncilKeys)+len(offer.Sections); got != want {
		t.Errorf("%d top-level properties, want %d", got, want)
	}
	if fmt.Sprint(props["region"].(map[string]any)["enum"]) != fmt.Sprint(offer.Regions) {
		t.Errorf("region enum = %v", props["region"])
	}
}

// TestSchemaUsesOnlyWhatTheValidatorKnows walks the whole schema: every
// keyword is one the test validator checks and every $ref resolves.
func TestSchemaUsesOnlyWhatTheValidatorKnows(t *testing.T) {
	v := schemaValidator(t)
	known := append(slices.Clone(annotations), "$ref", "type", "enum", "pattern", "minimum", "maximum",
		"properties", "additionalProperties", "required", "items", "anyOf", "oneOf")
	refs := 0
	var walk func(node any, path string)
	walk = func(node any, path string) {
		m, ok := node.(map[string]any)
		if !ok {
			if _, isBool := node.(bool); !isBool {
				t.Errorf("%s: schema is %T", path, node)
			}
			return
		}
		for _, k := range sortedKeys(m) {
			switch val := m[k]; k {
			case "properties", "$defs":
				for _, name := range sortedKeys(val.(map[string]any)) {
					walk(val.(map[string]any)[name], path+"/"+k+"/"+name)
				}
			case "items", "additionalProperties":
				walk(val, path+"/"+k)
			case "anyOf", "oneOf":
				for i, alt := range val.([]any) {
					walk(alt, fmt.Sprintf("%s/%s/%d", path, k, i))
				}
			case "$ref":
				refs++
				if _, err := v.resolve(val.(string)); err != nil {
					t.Errorf("%s: %v", path, err)
				}
			default:
				if !slices.Contains(known, k) {
					t.Errorf("%s: keyword %q is not one the test validator checks", path, k)
				}
			}
		}
	}
	walk(v.root, "#")
	if refs < len(offer.Catalogue) {
		t.Errorf("only %d $refs", refs)
	}
}

// TestRealContentMatchesSchema checks every council file's frontmatter
// against the schema.
func TestRealContentMatchesSchema(t *testing.T) {
	v := schemaValidator(t)
	files, err := filepath.Glob("../../content/councils/*.md")
	if err != nil || len(files) < 317 {
		t.Fatalf("found %d council files (%v)", len(files), err)
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := frontmatter(string(src))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, problem := range v.validate(doc) {
			t.Errorf("%s: %s", filepath.Base(name), problem)
		}
	}
}

// identity is the start of a valid council file.
const identityYAML = "gss: E06000016\nname: Leicester City Council\ntier: unitary\nregion: East Midlands\n"

func TestSchemaAcceptsAndRejects(t *testing.T) {
	v := schemaValidator(t)
	for _, tc := range []struct {
		name, yaml string
		want       string // a problem the schema must report; empty for a valid file
	}{
		{"identity only", identityYAML, ""},
		{"district with its county", "gss: E07000098\nname: Hertsmere Borough Council\ntier: district\nparent: E10000015\nregion: East of England\n", ""},
		{"bare status words", identityYAML + "council_tax:\n  exempt: yes\nleisure:\n  gym: considering\n  swimming: unknown\n", ""},
		{"booleans as statuses", identityYAML + "leisure:\n  gym: true\n", ""},
		{"bare money", identityYAML + "home:\n  setup_allowance: 2000\n", ""},
		{"bare count", identityYAML + "work:\n  apprentices_now: 4\n", ""},
		{"count range", identityYAML + "org:\n  employees: {count: {min: 3, max: 5}, approx: true, per: year}\n", ""},
		{"figure without status", identityYAML + "work:\n  work_experience: {count: 6, per: year}\n", ""},
		{"nested group", identityYAML + "offer:\n  statutory_2026:\n    financial_support: yes\n", ""},
		{"extra field", identityYAML + "housing:\n  priority_banding: {status: yes, band: Priority}\n", ""},
		{"groups", identityYAML + "participation:\n  in_care_council:\n    status: yes\n    groups:\n      - {name: Forum, ages: 16-25, regular_attendees: \"5-6\"}\n", ""},
		{"partial dates", identityYAML + "updated: 2026-11\nended: 2027\n", ""},
		{"choice", identityYAML + "org:\n  ofsted_judgement: good\n", ""},
		{"source and contact", identityYAML + "default_src: foi\nsources:\n  - {id: foi, type: foi, title: Reply, received: 2020-02-04, url: https://example.org/r}\ncontacts:\n  - {role: foi, email: foi@example.org, status: unknown}\n", ""},

		{"missing region", "gss: E06000016\nname: Leicester City Council\ntier: unitary\n", ": missing region"},
		{"misspelt key", identityYAML + "regoin: East Midlands\n", "regoin: unknown key"},
		{"bad gss", "gss: W06000016\nname: X\ntier: unitary\nregion: East Midlands\n", `gss: "W06000016" does not match`},
		{"unknown tier", "gss: E06000016\nname: X\ntier: borough\nregion: East Midlands\n", "tier: want one of"},
		{"unknown region", "gss: E06000016\nname: X\ntier: unitary\nregion: Midlands\n", "region: want one of"},
		{"unknown question", identityYAML + "council_tax:\n  exempted: yes\n", "council_tax.exempted: unknown key"},
		{"question in the wrong section", identityYAML + "leisure:\n  exempt: yes\n", "leisure.exempt: unknown key"},
		{"bad status word", identityYAML + "council_tax:\n  exempt: maybe\n", "council_tax.exempt: matches none"},
		{"bare number for a yes/no question", identityYAML + "council_tax:\n  exempt: 25\n", "council_tax.exempt: matches none"},
		{"unknown answer field", identityYAML + "council_tax:\n  exempt: {status: yes, until: 25}\n", "council_tax.exempt: matches none"},
		{"answer with neither status nor figure", identityYAML + "council_tax:\n  exempt: {to_age: 25}\n", "council_tax.exempt: matches none"},
		{"age out of range", identityYAML + "council_tax:\n  exempt: {status: yes, to_age: 40}\n", "to_age: want at most 30"},
		{"extra field on the wrong question", identityYAML + "council_tax:\n  exempt: {status: yes, band: A}\n", "council_tax.exempt: matches none"},
		{"malformed date", identityYAML + "updated: 23/11/2026\n", "updated: matches none"},
		{"link that is not http", identityYAML + "website: javascript:alert(1)\n", "website: \"javascript:alert(1)\" does not match"},
		{"choice not in the list", identityYAML + "org:\n  ofsted_judgement: great\n", "org.ofsted_judgement: want one of"},
		{"source without title", identityYAML + "sources:\n  - {id: foi}\n", "sources[0]: missing title"},
		{"contact with an unknown key", identityYAML + "contacts:\n  - {role: foi, mobile: 07700900000}\n", "contacts[0].mobile: unknown key"},
		{"list given as text", identityYAML + "places: Leicester\n", "places: want array"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := frontmatter("---\n" + tc.yaml + "---\n")
			if err != nil {
				t.Fatal(err)
			}
			problems := v.validate(doc)
			switch {
			case tc.want == "" && len(problems) > 0:
				t.Errorf("want no problems, got %q", problems)
			case tc.want != "" && !strings.Contains(strings.Join(problems, "\n"), tc.want):
				t.Errorf("want a problem containing %q, got %q", tc.want, problems)
			}
		})
	}
}

// TestCheckerAcceptsEverythingTheSchemaAllows writes a council file that
// uses every key the schema allows, with every answer field, and checks
// that both the schema and the content checker accept it: the schema lists
// no key that `localoffer check` would refuse.
func TestCheckerAcceptsEverythingTheSchemaAllows(t *testing.T) {
	full := func(extra []string) map[string]any {
		a := map[string]any{}
		values := map[string]any{
			"status": "yes", "basis": "in_principle", "scope": "own", "from_age": 16, "to_age": 25, "gbp": 100,
			"count": map[string]any{"min": 1, "max": 2}, "pct": 50, "approx": true, "per": "year", "details": "Details.",
			"apply": "Ask.", "src": "foi", "as_of": "2020-02-04", "up_to": true, "at_least": "no", "means_tested": true, "condition": "only if you live alone", "quote": "The words.", "band": "Priority", "name": "Service", "anywhere": true,
			"groups": []any{map[string]any{"name": "Forum", "ages": "16-25", "regular_attendees": "5-6"}},
		}
		for _, k := range append(slices.Clone(offer.AnswerFields), extra...) {
			v, ok := values[k]
			if !ok {
				t.Fatalf("the test has no sample value for answer field %q", k)
			}
			a[k] = v
		}
		return a
	}
	sections := map[string]any{}
	for _, q := range offer.Catalogue {
		var v any
		switch q.Kind {
		case offer.KindText:
			v = "Some text."
		case offer.KindURL:
			v = "https://example.org/offer"
		case offer.KindDate:
			v = "2020-02"
		case offer.KindList:
			v = []any{"One", "Two"}
		case offer.KindGSS:
			v = "E10000015"
		case offer.KindChoice:
			v = q.Choices[0]
		default:
			v = full(q.Extra)
		}
		parts := strings.Split(q.Key, ".")
		m := sections
		for _, p := range parts[:len(parts)-1] {
			if m[p] == nil {
				m[p] = map[string]any{}
			}
			m = m[p].(map[string]any)
		}
		m[parts[len(parts)-1]] = v
	}
	doc := map[string]any{
		"schema": 1, "gss": "E07000098", "name": "Hertsmere Borough Council", "short_name": "Hertsmere",
		"tier": "district", "parent": "E10000015", "region": "East of England", "website": "https://www.hertsmere.gov.uk",
		"places": []any{"Borehamwood"}, "aka": []any{"Herts"}, "updated": "2026-11-23", "checked": "2026-11", "ended": "2027-04-01",
		"successor": "South West Hertfordshire Council", "default_src": "foi",
		"sources": []any{map[string]any{"id": "foi", "type": "foi", "title": "Reply", "publisher": "Hertsmere Borough Council", "ref": "FOI 1", "campaign": "clo-foi-2020",
			"received": "2020-02-04", "responded": "2020-02", "published": "2020", "updated": "2020-03", "meeting": "2020-01-30", "retrieved": "2026-11-01",
			"url": "https://example.org/reply", "licence": "OGL-3.0", "note": "A note."}},
		"contacts": []any{map[string]any{"role": "foi", "name": "Information Services", "title": "FOI team",
			"email": "foi@example.org", "phone": "01234 567890", "url": "https://example.org/foi", "status": "yes",
			"details": "Details.", "src": "foi", "quote": "Write to the FOI team."}},
	}
	for k, v := range sections {
		doc[k] = v
	}
	for _, k := range offer.CouncilKeys {
		if _, ok := doc[k]; !ok {
			t.Errorf("the test's sample file lacks %q", k)
		}
	}
	for _, list := range [][]string{offer.SourceKeys, offer.ContactKeys} {
		for _, k := range list {
			if _, ok := doc["sources"].([]any)[0].(map[string]any)[k]; !ok {
				if _, ok := doc["contacts"].([]any)[0].(map[string]any)[k]; !ok {
					t.Errorf("the test's sample file lacks source or contact key %q", k)
				}
			}
		}
	}
	yml, err := yaml.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	file := "---\n" + string(yml) + "---\nHertsmere.\n"
	parsed, err := frontmatter(file)
	if err != nil {
		t.Fatal(err)
	}
	if problems := schemaValidator(t).validate(parsed); len(problems) > 0 {
		t.Errorf("the schema refuses the sample file: %q", problems)
	}
	county := "---\ngss: E10000015\nname: Hertfordshire County Council\nshort_name: Hertfordshire\ntier: county\nregion: East of England\n---\n"
	fsys := fstest.MapFS{
		"content/councils/hertsmere.md":     {Data: []byte(file)},
		"content/councils/hertfordshire.md": {Data: []byte(county)},
	}
	_, problems := content.Load(fsys, time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC))
	if errs := problems.Errors(); len(errs) > 0 {
		t.Errorf("the content checker refuses a file the schema accepts:\n%v\n%s", errs, file)
	}
}
