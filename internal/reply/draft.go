package reply

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
	"gopkg.in/yaml.v3"
)

// Draft writes what a reply says into a council file: file is the file as
// it is (a new council's identity, or its whole file), and the result is the
// file with the reply added as a source and each answer the file does not
// have yet added, with its quote and the reply's line number. Nothing in the
// file is lost: an answer it already has stays as it is. Answers the reply
// does not make clear, and lines it did not understand, are listed as
// comments at the end, for the contributor.
func Draft(file []byte, res Result) ([]byte, []string, error) {
	front, body, ok := content.Frontmatter(file)
	if !ok && len(bytes.TrimSpace(file)) > 0 {
		return nil, nil, fmt.Errorf("read the council's file: want its frontmatter between two lines of three dashes (---)")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(front, &doc); err != nil {
		return nil, nil, fmt.Errorf("read the council's file: %w", err)
	}
	if len(doc.Content) == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode}}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, fmt.Errorf("read the council's file: its frontmatter is not key: value pairs")
	}
	var notes []string
	id := sourceID(root, res.Source)
	addSource(root, id, res.Source)
	defaultSrc := value(root, "default_src")
	if defaultSrc == nil {
		set(root, "default_src", scalar(id))
		defaultSrc = scalar(id)
	}
	for _, f := range res.Found {
		q := f.Question
		if !f.Sure {
			notes = append(notes, fmt.Sprintf("to confirm, line %d: %s: %q", f.Line, q.Key, private(f.Said)))
			continue
		}
		path := strings.Split(q.Key, ".")
		sec := section(root, path[:len(path)-1])
		if value(sec, path[len(path)-1]) != nil {
			notes = append(notes, fmt.Sprintf("line %d: %s is already in the file, and is left as it is", f.Line, q.Key))
			continue
		}
		key := scalar(path[len(path)-1])
		key.LineComment = "reply line " + strconv.Itoa(f.Line)
		for _, l := range f.More {
			key.LineComment += ", " + strconv.Itoa(l)
		}
		sec.Content = append(sec.Content, key, answerNode(f, id, defaultSrc.Value != id))
	}
	for _, l := range res.Unread {
		if l.Why != "" {
			notes = append(notes, fmt.Sprintf("not understood, line %d (%s): %s", l.N, l.Why, private(l.Text)))
		} else {
			notes = append(notes, fmt.Sprintf("not understood, line %d: %s", l.N, private(l.Text)))
		}
	}
	if len(notes) > 0 {
		root.FootComment = strings.TrimSpace(root.FootComment + "\nFrom the reply, for you to read:\n" + strings.Join(notes, "\n"))
	}
	var out bytes.Buffer
	out.WriteString("---\n")
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, nil, err
	}
	enc.Close()
	out.WriteString("---\n")
	out.Write(body)
	return out.Bytes(), notes, nil
}

// answerNode writes one answer as key: value pairs.
func answerNode(f Found, src string, cite bool) *yaml.Node {
	a := f.Answer
	if f.Question.Kind == offer.KindURL {
		return scalar(a.Value)
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, scalar(k), v) }
	if a.Status != 0 {
		add("status", scalar(a.Status.String()))
	}
	if a.FromAge > 0 {
		add("from_age", intNode(int(a.FromAge)))
	}
	if a.ToAge > 0 {
		add("to_age", intNode(int(a.ToAge)))
	}
	if a.GBP != nil {
		if a.Pence != 0 {
			add("gbp", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: fmt.Sprintf("%d.%02d", *a.GBP, a.Pence)})
		} else {
			add("gbp", intNode(*a.GBP))
		}
	}
	if c := a.Count; c != nil {
		if c.Min == c.Max {
			add("count", intNode(c.Min))
		} else {
			add("count", &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle, Content: []*yaml.Node{scalar("min"), intNode(c.Min), scalar("max"), intNode(c.Max)}})
		}
	}
	for _, kv := range []struct {
		key string
		on  bool
	}{{"approx", a.Approx}, {"up_to", a.UpTo}, {"means_tested", a.MeansTest}} {
		if kv.on {
			add(kv.key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
	}
	for _, kv := range [][2]string{{"per", a.Per.String()}, {"basis", a.Basis.String()}, {"scope", a.Scope.String()}, {"band", a.Band()}, {"condition", a.Condition()}} {
		if kv[1] != "" {
			add(kv[0], scalar(kv[1]))
		}
	}
	if cite {
		add("src", scalar(src))
	}
	if a.Quote != "" {
		add("quote", &yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: strings.Join(strings.Fields(a.Quote), " ")})
	}
	return m
}

// sourceID is a new source id for the reply, unlike the file's others.
func sourceID(root *yaml.Node, s offer.Source) string {
	base := "foi"
	if d := s.Date(); !d.IsZero() {
		base += "-" + strconv.Itoa(int(d.Year))
	}
	taken := map[string]bool{}
	if srcs := value(root, "sources"); srcs != nil {
		for _, item := range srcs.Content {
			if v := value(item, "id"); v != nil {
				taken[v.Value] = true
			}
		}
	}
	id := base
	for n := 2; taken[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// addSource adds the reply to the file's sources, with what it says of itself.
func addSource(root *yaml.Node, id string, s offer.Source) {
	srcs := value(root, "sources")
	if srcs == nil {
		srcs = &yaml.Node{Kind: yaml.SequenceNode}
		set(root, "sources", srcs)
	}
	m := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k, v string) {
		if v != "" {
			m.Content = append(m.Content, scalar(k), scalar(v))
		}
	}
	add("id", id)
	add("type", "foi")
	add("title", s.Title)
	add("ref", s.Ref)
	add("received", s.Received.String())
	add("responded", s.Responded.String())
	add("licence", s.Licence)
	add("note", s.Note)
	srcs.Content = append(srcs.Content, m)
}

// section finds or makes the mapping at a key path, such as council_tax.
func section(root *yaml.Node, path []string) *yaml.Node {
	m := root
	for _, k := range path {
		v := value(m, k)
		if v == nil || v.Kind != yaml.MappingNode {
			v = &yaml.Node{Kind: yaml.MappingNode}
			set(m, k, v)
		}
		m = v
	}
	return m
}

func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, scalar(key), v)
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func intNode(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

var (
	phoneRE = regexp.MustCompile(`(?:\+44\s?|0)\d[\d ]{8,12}\d`)
	emailRE = regexp.MustCompile(`[\w.+-]+@[\w-]+\.[\w.-]+`)
)

// private takes phone numbers and e-mail addresses out of a line the draft
// repeats: they are often a person's own, which the project never publishes.
func private(s string) string {
	s = phoneRE.ReplaceAllString(s, "[phone number left out]")
	return emailRE.ReplaceAllString(s, "[e-mail address left out]")
}
