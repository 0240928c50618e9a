package content

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/offer"
	"gopkg.in/yaml.v3"
)

// maxNodes bounds how many YAML nodes one file may expand to, so an alias
// bomb fails fast instead of exhausting memory.
const maxNodes = 200_000

// decoder turns one file's YAML nodes into values, recording every problem
// with its file position.
type decoder struct {
	file      string
	lineOff   int
	now       time.Time
	diags     diag.List
	nodes     int
	refs      []sourceRef // source ids cited, checked once the file is read
	unsourced []sourceRef // answers citing no source of their own
	councils  []sourceRef // gss codes of other councils named in answers
	quoted    []quoteRef  // answers, to check once the file is read that web sources are quoted
	members   []sourceRef // gss codes of a joint offer's members
}

// quoteRef is an answer and where it is, so that an answer citing a web
// page can be asked for the page's words once every source is known.
type quoteRef struct {
	key string
	n   *yaml.Node
	a   *offer.Answer
}

type sourceRef struct {
	id  string
	key string
	n   *yaml.Node
}

func (d *decoder) errorf(n *yaml.Node, key, format string, args ...any) {
	d.diags = append(d.diags, diag.Diagnostic{File: d.file, Line: d.lineOff + n.Line, Col: n.Column, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// resolve follows aliases and counts nodes, so that expanding aliases stays bounded.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	d.nodes++
	return n
}

// exhausted reports, once, that a file expands to too many nodes.
func (d *decoder) exhausted(n *yaml.Node) bool {
	if d.nodes <= maxNodes {
		return false
	}
	if d.nodes != maxNodes+1 {
		return true
	}
	d.nodes++
	d.errorf(n, "", "frontmatter expands to more than %d values (too many aliases?)", maxNodes)
	return true
}

// describe says what a node holds, for "got ..." in messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of key: value pairs"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

// pair is one key and its value in a mapping.
type pair struct {
	name string
	k, v *yaml.Node
}

// pairs returns a mapping's keys and values, reporting keys that are not
// plain words and keys given twice.
func (d *decoder) pairs(n *yaml.Node, path string) []pair {
	out := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := d.resolve(n.Content[i]), d.resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "want a key name, got %s", describe(k))
			continue
		}
		if first := findPair(out, k.Value); first != nil {
			d.errorf(k, join(path, k.Value), "key given twice (first on line %d)", d.lineOff+first.k.Line)
			continue
		}
		out = append(out, pair{k.Value, k, v})
	}
	return out
}

// findPair is the pair named name, or nil: a mapping has a few dozen keys
// at most, so a look down the list is quicker than a map.
func findPair(ps []pair, name string) *pair {
	for i := range ps {
		if ps[i].name == name {
			return &ps[i]
		}
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// mapping checks that n is a mapping and returns its pairs.
func (d *decoder) mapping(n *yaml.Node, path string) ([]pair, bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "want key: value pairs, got %s", describe(n))
		return nil, false
	}
	return d.pairs(n, path), true
}

// unknownKey reports a key that is not allowed here, suggesting the nearest
// allowed one.
func (d *decoder) unknownKey(p pair, path string, allowed []string) {
	msg := "unknown key"
	if s := suggest(p.name, allowed); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else if q := elsewhere(p.name); q != "" {
		msg += fmt.Sprintf(" (did you mean %q? it belongs under %s)", q, q[:strings.LastIndexByte(q, '.')])
	}
	d.errorf(p.k, join(path, p.name), "%s", msg)
}

// elsewhere finds a catalogue question whose last part is name, for keys
// written in the wrong section.
func elsewhere(name string) string {
	for i := range offer.Catalogue {
		if offer.Catalogue[i].Field() == name {
			return offer.Catalogue[i].Key
		}
	}
	return ""
}

// scalar checks that n is a single value and returns it.
func (d *decoder) scalar(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		d.errorf(n, path, "want %s, got %s", want, describe(n))
		return "", false
	}
	return n.Value, true
}

// text reads a non-empty single line or paragraph of text.
func (d *decoder) text(n *yaml.Node, path string) string {
	s, ok := d.scalar(n, path, "text")
	if ok && strings.TrimSpace(s) == "" {
		d.errorf(n, path, "want text, got an empty value")
	}
	for _, msg := range privacyProblems(s) {
		d.errorf(n, path, "%s", msg)
	}
	return strings.TrimSpace(s)
}

// integer reads a whole number within [lo, hi]; want says what it is for messages.
func (d *decoder) integer(n *yaml.Node, path, want string, lo, hi int) (int, bool) {
	s, ok := d.scalar(n, path, want)
	if !ok {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || n.Tag != "!!int" {
		d.errorf(n, path, "want %s, got %q", want, s)
		return 0, false
	}
	if v < lo || v > hi {
		d.errorf(n, path, "want %s, got %d", want, v)
		return 0, false
	}
	return v, true
}

func (d *decoder) age(n *yaml.Node, path string) int {
	v, _ := d.integer(n, path, "an age from 14 to 30", 14, 30)
	return v
}

// boolean reads true or false (yes and no are accepted too).
func (d *decoder) boolean(n *yaml.Node, path string) bool {
	s, ok := d.scalar(n, path, "true or false")
	switch {
	case !ok:
	case s == "true" || s == "yes":
		return true
	case s == "false" || s == "no":
	default:
		d.errorf(n, path, "want true or false, got %q", s)
	}
	return false
}

// choice reads one of a fixed set of words.
func (d *decoder) choice(n *yaml.Node, path string, choices []string) string {
	want := "one of " + orList(choices)
	s, ok := d.scalar(n, path, want)
	if !ok {
		return s
	}
	if i := slices.Index(choices, s); i >= 0 {
		return choices[i] // the catalogue's string, not a copy for each answer
	}
	msg := fmt.Sprintf("want %s, got %q", want, s)
	if g := suggest(s, choices); g != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", g)
	}
	d.errorf(n, path, "%s", msg)
	return ""
}

func orList(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// date reads 2020-02-04, 2020-02 or 2020; unless future is true, it must not
// be after now.
func (d *decoder) date(n *yaml.Node, path string, future bool) offer.Date {
	s, ok := d.scalar(n, path, "a date like 2020-02-04")
	if !ok {
		return offer.Date{}
	}
	v, ok := offer.ParseDate(s)
	if !ok {
		d.errorf(n, path, "want a date like 2020-02-04, 2020-02 or 2020, got %q", s)
		return offer.Date{}
	}
	start := time.Date(int(v.Year), time.Month(max(v.Month, 1)), int(max(v.Day, 1)), 0, 0, 0, 0, time.UTC)
	if !future && start.After(d.now) {
		d.errorf(n, path, "date %s is in the future", s)
	}
	return v
}

var gssPattern = regexp.MustCompile(offer.GSSPattern)

// gss reads a council code such as E07000098.
func (d *decoder) gss(n *yaml.Node, path string) string {
	s, ok := d.scalar(n, path, "a gss code")
	if ok && !gssPattern.MatchString(s) {
		d.errorf(n, path, "want a gss code like E07000098 (E06, E07, E08, E09 or E10 and six digits), got %q", s)
		return ""
	}
	return s
}

// link reads a web address, e-mail or telephone link. Only http, https,
// mailto and tel are allowed, so content cannot smuggle script into pages.
func (d *decoder) link(n *yaml.Node, path string) string {
	s, ok := d.scalar(n, path, "a link")
	if !ok {
		return ""
	}
	if msg := checkLink(s); msg != "" {
		d.errorf(n, path, "%s", msg)
		return ""
	}
	return s
}

// linkPattern is the JSON Schema's pattern for links, so the two agree.
var linkPattern = regexp.MustCompile(offer.LinkPattern)

// checkLink returns why s is not an acceptable link, or "".
func checkLink(s string) string {
	u, err := url.Parse(s)
	bad := fmt.Sprintf("want an http, https, mailto or tel link, got %q", s)
	if err != nil || s != strings.TrimSpace(s) {
		return bad
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return bad
		}
	case "mailto", "tel":
		if u.Opaque == "" {
			return bad
		}
	default:
		return bad
	}
	if !linkPattern.MatchString(s) {
		return fmt.Sprintf("want a link a browser accepts as written, with no spaces, brackets or quotes (write them as %%20, %%5B and so on), got %q", s)
	}
	return ""
}

// items calls fn for each mapping in the list n, with its index and its
// path for messages (such as sources[2]), reporting anything else.
func (d *decoder) items(n *yaml.Node, path string, fn func(i int, at string, item *yaml.Node, pairs []pair)) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "want a list, got %s", describe(n))
		return
	}
	for i, item := range n.Content {
		at := fmt.Sprintf("%s[%d]", path, i)
		item = d.resolve(item)
		if pairs, ok := d.mapping(item, at); ok {
			fn(i, at, item, pairs)
		}
	}
}

// list reads a list of texts.
func (d *decoder) list(n *yaml.Node, path string) []string {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "want a list, got %s", describe(n))
		return nil
	}
	var out []string
	for i, item := range n.Content {
		out = append(out, d.text(d.resolve(item), fmt.Sprintf("%s[%d]", path, i)))
	}
	return out
}

// quote reads an answer's quote: the source's own words, at most
// offer.QuoteWords of them.
func (d *decoder) quote(n *yaml.Node, path string) string {
	words := strings.Fields(d.text(n, path))
	s := strings.Join(words, " ")
	if w := len(words); w > offer.QuoteWords {
		d.errorf(n, path, "want a quote of at most %d words, got %d: quote the words that back the answer, not the whole passage", offer.QuoteWords, w)
	}
	return s
}

// ref remembers a cited source id, checked when the whole file has been read.
func (d *decoder) ref(n *yaml.Node, path string) string {
	s, ok := d.scalar(n, path, "a source id")
	if ok {
		d.refs = append(d.refs, sourceRef{s, path, n})
	}
	return s
}
