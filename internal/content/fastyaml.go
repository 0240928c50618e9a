package content

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// decodeYAML decodes frontmatter into n as yaml.v3 does. The shapes
// content files are written in (block mappings and lists, one-line plain
// and quoted values, folded text, short {a: b} and [a, b] lists) are read
// by a reader of its own, several times faster; anything else, errors
// included, goes to yaml.v3. Both give the same nodes, kinds, tags, values
// and positions, which a test and a fuzz test hold them to.
func decodeYAML(data []byte, n *yaml.Node, rd *reading) error {
	if fastYAML(data, n, rd) {
		return nil
	}
	*n = yaml.Node{}
	return yaml.Unmarshal(data, n)
}

// fastYAML reads data into n and reports true, or reports false, leaving
// n in any state, where data is not in the shapes it reads. Its nodes and
// their values' text come from rd, which may be nil.
func fastYAML(data []byte, n *yaml.Node, rd *reading) bool {
	if !utf8.Valid(data) {
		return false
	}
	s := string(data)
	for _, c := range s {
		// Tabs, carriage returns, other control characters, byte order
		// marks and YAML's other line breaks are yaml.v3's, as are
		// characters beyond U+FFFF, which it reads differently in places.
		if c != '\n' && (c < ' ' || c > '~' && c < 0xA0 || c > 0xD7FF && c < 0xE000 || c == 0xFEFF || c == 0x2028 || c == 0x2029 || c > 0xFFFD) {
			return false
		}
	}
	r := &fy{rd: rd}
	for i, text := range strings.Split(s, "\n") {
		r.lines = append(r.lines, fyLine{full: text, num: i + 1})
	}
	r.skip()
	if r.i >= len(r.lines) || r.lines[r.i].indent() != 0 {
		return false
	}
	root, ok := r.node(0)
	if !ok {
		return false
	}
	r.skip()
	if r.i < len(r.lines) {
		return false
	}
	own(root, rd.interner())
	*n = yaml.Node{Kind: yaml.DocumentNode, Line: root.Line, Column: root.Column, Content: []*yaml.Node{root}}
	return true
}

// own gives each value a copy of its text apart from the file's, as yaml.v3
// does, so a value kept after loading does not keep the whole file's text:
// the one copy in holds, when in is set.
func own(n *yaml.Node, in *interner) {
	n.Value = in.of(n.Value)
	for _, c := range n.Content {
		own(c, in)
	}
}

// reading is what one of a load's workers keeps from file to file: the
// load's interner, and room for the nodes of the file it reads, made once
// and used again for each file, since a file's several hundred nodes are
// let go as soon as it is decoded. A nil *reading makes each node anew.
type reading struct {
	values *interner
	chunks [][]yaml.Node
	used   int // nodes handed out, from the first chunk on
}

// nodeChunk is how many nodes a chunk holds: about one council file's.
const nodeChunk = 256

// node returns a node holding n.
func (rd *reading) node(n yaml.Node) *yaml.Node {
	if rd == nil {
		p := new(yaml.Node) // not &n, which would put every n on the heap
		*p = n
		return p
	}
	c, i := rd.used/nodeChunk, rd.used%nodeChunk
	if c == len(rd.chunks) {
		rd.chunks = append(rd.chunks, make([]yaml.Node, nodeChunk))
	}
	rd.used++
	rd.chunks[c][i] = n
	return &rd.chunks[c][i]
}

// done gives back the nodes handed out since the last call, once nothing
// refers to them.
func (rd *reading) done() {
	if rd != nil {
		rd.used = 0
	}
}

func (rd *reading) interner() *interner {
	if rd == nil {
		return nil
	}
	return rd.values
}

// An interner gives equal strings one copy. A directory repeats many of its
// values from file to file (statuses, dates, conditions in the same words,
// a source named by many answers), and a large one keeps hundreds of
// thousands of them while it is built. It is safe for concurrent use, and
// is let go when its load is done.
type interner struct {
	shards [16]struct {
		sync.Mutex
		m map[string]string
	}
}

// of returns s's copy: the first copy made of a string equal to it. A nil
// interner makes a copy each time.
func (in *interner) of(s string) string {
	if in == nil || s == "" {
		return strings.Clone(s)
	}
	sh := &in.shards[(len(s)+int(s[0])+int(s[len(s)-1]))&15]
	sh.Lock()
	c, ok := sh.m[s]
	if !ok {
		if sh.m == nil {
			sh.m = map[string]string{}
		}
		c = strings.Clone(s)
		sh.m[c] = c
	}
	sh.Unlock()
	return c
}

// fyLine is a line of frontmatter, from off: a list item's mapping
// starts after its dash, and is read as a line of its own from there.
type fyLine struct {
	full string
	num  int
	off  int
}

// content is the line's text after its indent.
func (l fyLine) content() string { return strings.TrimLeft(l.full[l.off:], " ") }

// indent is the byte (and column: indents are spaces and dashes) where
// the line's text starts.
func (l fyLine) indent() int { return len(l.full) - len(l.content()) }

// col is the 1-based column of byte at of the line, counted in characters
// as yaml.v3 counts them.
func (l fyLine) col(at int) int { return utf8.RuneCountInString(l.full[:at]) + 1 }

type fy struct {
	lines []fyLine
	i     int
	rd    *reading
}

// skip passes blank and comment lines.
func (r *fy) skip() {
	for r.i < len(r.lines) {
		if t := r.lines[r.i].content(); t != "" && t[0] != '#' {
			return
		}
		r.i++
	}
}

// node reads the block node starting at the current line.
func (r *fy) node(indent int) (*yaml.Node, bool) {
	if isItem(r.lines[r.i].content()) {
		return r.sequence(indent)
	}
	return r.mapping(indent)
}

// maxKey is the longest key read here: YAML's keys may run to 1,024
// characters at most, and content's are words.
const maxKey = 64

// keyLen is how long the key that s starts with is: letters, digits and
// underscores.
func keyLen(s string) int {
	k := 0
	for k < len(s) && isWord(s[k]) {
		k++
	}
	return k
}

// keyOf is how long the key a line's text s starts with is, where s is
// a key, a colon and a space or the end of the line; 0 where it is not.
func keyOf(s string) int {
	k := keyLen(s)
	if k == 0 || k > maxKey || k >= len(s) || s[k] != ':' || k+1 < len(s) && s[k+1] != ' ' {
		return 0
	}
	return k
}

// isItem reports whether a line's text s is a list item: a dash, alone or
// before a space.
func isItem(s string) bool { return s == "-" || strings.HasPrefix(s, "- ") }

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func (r *fy) mapping(indent int) (*yaml.Node, bool) {
	m := r.rd.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
	for {
		r.skip()
		if r.i >= len(r.lines) {
			break
		}
		l := r.lines[r.i]
		if l.indent() < indent {
			break
		}
		if l.indent() > indent {
			return nil, false
		}
		c := l.content()
		at := l.indent()
		k := keyOf(c)
		if k == 0 {
			if isItem(c) {
				break // a list at the mapping's indent ends it: the parent's
			}
			return nil, false
		}
		key := r.rd.node(yaml.Node{Kind: yaml.ScalarNode, Tag: resolveTag(c[:k]), Value: c[:k], Line: l.num, Column: l.col(at)})
		if len(m.Content) == 0 {
			m.Line, m.Column = key.Line, key.Column
		}
		rest := c[k+1:]
		vat := at + k + 1
		for len(rest) > 0 && rest[0] == ' ' {
			rest, vat = rest[1:], vat+1
		}
		var v *yaml.Node
		var ok bool
		if rest == "" || rest[0] == '#' {
			v, ok = r.emptyValue(l, indent, l.col(at+k+1))
		} else {
			v, ok = r.value(l, rest, vat, indent)
		}
		if !ok {
			return nil, false
		}
		m.Content = append(m.Content, key, v)
	}
	if len(m.Content) == 0 {
		return nil, false
	}
	return m, true
}

// emptyValue reads what follows a key with nothing after its colon: a
// block on the lines below, or nothing, which yaml.v3 places at column,
// just after the colon.
func (r *fy) emptyValue(l fyLine, indent, column int) (*yaml.Node, bool) {
	r.i++
	r.skip()
	if r.i < len(r.lines) {
		next := r.lines[r.i]
		c := next.content()
		item := isItem(c)
		if next.indent() > indent || next.indent() == indent && item {
			if !item && !strings.Contains(c, ":") {
				return nil, false // a value on the next line
			}
			return r.node(next.indent())
		}
	}
	return r.rd.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: l.num, Column: column}), true
}

// value reads a value written after a key or a list item's dash, at byte
// vat of the line's text; the line is done with after it.
func (r *fy) value(l fyLine, v string, vat, indent int) (*yaml.Node, bool) {
	pos := func(n *yaml.Node) *yaml.Node { n.Line, n.Column = l.num, l.col(vat); return n }
	var n *yaml.Node
	switch v[0] {
	case '"', '\'':
		q, end, ok := quoted(v)
		if !ok || !endOfLine(v[end:]) {
			return nil, false
		}
		n = pos(q)
	case '{', '[':
		f, end, ok := flow(l, v, vat)
		if !ok || !endOfLine(v[end:]) {
			return nil, false
		}
		n = f
	case '>', '|':
		return r.block(l, v, vat, indent)
	default:
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		v = strings.TrimRight(v, " ")
		if !plainOK(v, false) {
			return nil, false
		}
		n = pos(r.rd.node(yaml.Node{Kind: yaml.ScalarNode, Tag: resolveTag(v), Value: v}))
	}
	r.i++
	// A value that goes on to more-indented lines is yaml.v3's.
	r.skip()
	if r.i < len(r.lines) && r.lines[r.i].indent() > indent {
		return nil, false
	}
	return n, true
}

// plainOK reports whether v is a one-line plain value as written, which
// YAML reads as the same text: no marks that start something else, no
// comment, no colon that would make it a key. In a {…} or […] list,
// commas and brackets end it too.
func plainOK(v string, inFlow bool) bool {
	if v == "" || v == "<<" {
		return false
	}
	switch v[0] {
	case '-':
		if inFlow || len(v) == 1 || v[1] == ' ' {
			return false
		}
	case '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	}
	if strings.Contains(v, ": ") || strings.Contains(v, " #") || v[len(v)-1] == ':' {
		return false
	}
	if inFlow {
		// In a {…} or […] list, only what names and numbers hold.
		for i := 0; i < len(v); i++ {
			if c := v[i]; c < 0x80 && !isWord(c) && strings.IndexByte(" -.'()&/+", c) < 0 {
				return false
			}
		}
	}
	return true
}

// flow reads a one-line {key: value, …} or [value, …] of plain and
// quoted values.
func flow(l fyLine, v string, vat int) (*yaml.Node, int, bool) {
	open, close := v[0], byte('}')
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Line: l.num, Column: l.col(vat)}
	if open == '[' {
		close = ']'
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
	}
	i := 1
	spaces := func() {
		for i < len(v) && v[i] == ' ' {
			i++
		}
	}
	spaces()
	if i < len(v) && v[i] == close {
		return n, i + 1, open == '[' && i == 1
	}
	for {
		spaces()
		if open == '{' {
			k := i
			i += keyLen(v[i:])
			if i == k || i-k > maxKey || i+1 >= len(v) || v[i] != ':' || v[i+1] != ' ' {
				return nil, 0, false
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: resolveTag(v[k:i]), Value: v[k:i], Line: l.num, Column: l.col(vat + k)})
			i++
			spaces()
		}
		if i >= len(v) {
			return nil, 0, false
		}
		start := i
		var item *yaml.Node
		if v[i] == '"' || v[i] == '\'' {
			q, end, ok := quoted(v[i:])
			if !ok {
				return nil, 0, false
			}
			item, i = q, i+end
		} else {
			for i < len(v) && v[i] != ',' && v[i] != close {
				i++
			}
			text := strings.TrimRight(v[start:i], " ")
			if !plainOK(text, true) {
				return nil, 0, false
			}
			item = &yaml.Node{Kind: yaml.ScalarNode, Tag: resolveTag(text), Value: text}
		}
		item.Line, item.Column = l.num, l.col(vat+start)
		n.Content = append(n.Content, item)
		spaces()
		if i >= len(v) {
			return nil, 0, false
		}
		if v[i] == close {
			return n, i + 1, true
		}
		if v[i] != ',' {
			return nil, 0, false
		}
		i++
		spaces()
		if i >= len(v) || v[i] == close || v[i] == ',' {
			return nil, 0, false
		}
	}
}

// quoted reads a "double-quoted" value with no escapes, or a 'single-quoted'
// one, at the start of v, and gives where it ends.
func quoted(v string) (*yaml.Node, int, bool) {
	if v[0] == '"' {
		end := strings.IndexByte(v[1:], '"')
		if end < 0 || strings.IndexByte(v[1:end+1], '\\') >= 0 {
			return nil, 0, false
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v[1 : end+1], Style: yaml.DoubleQuotedStyle}, end + 2, true
	}
	var b strings.Builder
	i := 1
	for {
		j := strings.IndexByte(v[i:], '\'')
		if j < 0 {
			return nil, 0, false
		}
		b.WriteString(v[i : i+j])
		i += j + 1
		if i < len(v) && v[i] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: b.String(), Style: yaml.SingleQuotedStyle}, i, true
	}
}

// endOfLine reports whether rest, what follows a value on its line, is
// nothing or a comment.
func endOfLine(rest string) bool {
	t := strings.TrimLeft(rest, " ")
	return t == "" || t[0] == '#' && len(t) < len(rest)
}

// block reads folded (>) or literal (|) text on the lines below, in its
// plain form: lines all indented alike, none blank among them, none ending
// in spaces.
func (r *fy) block(l fyLine, v string, vat, indent int) (*yaml.Node, bool) {
	header := strings.TrimRight(v, " ")
	style := yaml.FoldedStyle
	sep := " "
	if header[0] == '|' {
		style, sep = yaml.LiteralStyle, "\n"
	}
	chomp := header[1:]
	if chomp != "" && chomp != "-" {
		return nil, false
	}
	n := r.rd.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: style, Line: l.num, Column: l.col(vat)})
	r.i++
	var parts []string
	m := -1
	for r.i < len(r.lines) {
		t := r.lines[r.i]
		if t.content() == "" || t.indent() <= indent {
			break
		}
		if m < 0 {
			m = t.indent()
		}
		if t.indent() != m || strings.HasSuffix(t.full, " ") {
			return nil, false
		}
		parts = append(parts, t.full[m:])
		r.i++
	}
	broken := r.i < len(r.lines) // the text's last line ends in a line break
	// Blank lines after the text must hold no more spaces than the key's
	// indent: more would be the text's own.
	for j := r.i; j < len(r.lines) && r.lines[j].content() == ""; j++ {
		if len(r.lines[j].full) > indent {
			return nil, false
		}
	}
	if len(parts) == 0 {
		return nil, false
	}
	// Blank lines may follow the text, then a line no more indented than
	// its key.
	r.skip()
	if r.i < len(r.lines) && r.lines[r.i].indent() > indent {
		return nil, false
	}
	n.Value = strings.Join(parts, sep)
	if chomp == "" && broken {
		n.Value += "\n"
	}
	return n, true
}

// sequence reads a block list whose dashes are indented by indent.
func (r *fy) sequence(indent int) (*yaml.Node, bool) {
	s := r.rd.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"})
	for {
		r.skip()
		if r.i >= len(r.lines) {
			break
		}
		l := r.lines[r.i]
		c := l.content()
		if l.indent() != indent || !strings.HasPrefix(c, "- ") {
			if l.indent() > indent || l.indent() == indent && c == "-" {
				return nil, false
			}
			break
		}
		at := l.indent()
		if len(s.Content) == 0 {
			s.Line, s.Column = l.num, l.col(at)
		}
		item := c[2:]
		iat := at + 2
		for len(item) > 0 && item[0] == ' ' {
			item, iat = item[1:], iat+1
		}
		if item == "" || isItem(item) {
			return nil, false
		}
		if keyOf(item) > 0 {
			// A mapping that starts on the dash's line, indented to where
			// its first key is.
			r.lines[r.i].off = iat
			v, ok := r.mapping(iat)
			if !ok {
				return nil, false
			}
			s.Content = append(s.Content, v)
			continue
		}
		v, ok := r.value(l, item, iat, indent)
		if !ok {
			return nil, false
		}
		s.Content = append(s.Content, v)
	}
	return s, len(s.Content) > 0
}

// resolveTag is the tag yaml.v3 gives a plain value (its resolve, in
// resolve.go of gopkg.in/yaml.v3): bool, null, int, float, timestamp or
// str. YAML 1.1's yes and no stay words, as in yaml.v3.
func resolveTag(in string) string {
	hint := byte('N')
	if in != "" {
		hint = resolveHint(in[0])
	}
	if hint == 0 {
		return "!!str"
	}
	switch in {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	case "<<":
		return "!!merge"
	}
	switch hint {
	case '.':
		if _, err := strconv.ParseFloat(in, 64); err == nil {
			return "!!float"
		}
	case 'D', 'S':
		if isTimestamp(in) {
			return "!!timestamp"
		}
		plain := strings.ReplaceAll(in, "_", "")
		if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
			return "!!int"
		}
		if yamlStyleFloat.MatchString(plain) {
			if _, err := strconv.ParseFloat(plain, 64); err == nil {
				return "!!float"
			}
		}
		for _, p := range []struct {
			prefix string
			base   int
		}{{"0b", 2}, {"-0b", 2}, {"0o", 8}, {"-0o", 8}} {
			if strings.HasPrefix(plain, p.prefix) {
				digits := plain[len(p.prefix):]
				if p.prefix[0] == '-' {
					digits = "-" + digits
				}
				if _, err := strconv.ParseInt(digits, p.base, 64); err == nil {
					return "!!int"
				}
				if p.prefix[0] != '-' {
					if _, err := strconv.ParseUint(digits, p.base, 64); err == nil {
						return "!!int"
					}
				}
			}
		}
	}
	return "!!str"
}

var yamlStyleFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

func resolveHint(c byte) byte {
	switch {
	case c == '+' || c == '-':
		return 'S'
	case c >= '0' && c <= '9':
		return 'D'
	case strings.IndexByte("yYnNtTfFoO~", c) >= 0:
		return 'M'
	case c == '.':
		return '.'
	}
	return 0
}

// isTimestamp is yaml.v3's parseTimestamp: a date, or a date and time.
func isTimestamp(s string) bool {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c < '0' || c > '9' {
			break
		}
	}
	if i != 4 || i == len(s) || s[i] != '-' {
		return false
	}
	for _, format := range []string{"2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00", "2006-1-2 15:4:5.999999999", "2006-1-2"} {
		if _, err := time.Parse(format, s); err == nil {
			return true
		}
	}
	return false
}
