package export

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// validator checks a value against the subset of JSON Schema (draft
// 2020-12) that Schema writes: $ref to $defs, type, enum, pattern, minimum,
// maximum, properties, additionalProperties, required, items, anyOf and
// oneOf. Any other keyword is an error, so the schema cannot start using a
// keyword that this validator would silently ignore.
type validator struct {
	root map[string]any
}

// annotations are keywords that do not constrain values.
var annotations = []string{"$schema", "$id", "$defs", "title", "description"}

// validate returns the problems with v, each as "path: message", sorted.
func (s *validator) validate(v any) []string {
	out := s.check(s.root, v, "")
	sort.Strings(out)
	return out
}

func (s *validator) check(schema, v any, path string) []string {
	switch sch := schema.(type) {
	case bool:
		if !sch {
			return []string{path + ": not allowed"}
		}
		return nil
	case map[string]any:
		var out []string
		for _, key := range sortedKeys(sch) {
			out = append(out, s.keyword(sch, key, v, path)...)
		}
		return out
	}
	return []string{fmt.Sprintf("%s: schema is %T, want an object or a boolean", path, schema)}
}

func (s *validator) keyword(sch map[string]any, key string, v any, path string) []string {
	arg := sch[key]
	switch key {
	case "$ref":
		target, err := s.resolve(arg.(string))
		if err != nil {
			return []string{path + ": " + err.Error()}
		}
		return s.check(target, v, path)
	case "type":
		types, ok := arg.([]any)
		if !ok {
			types = []any{arg}
		}
		for _, t := range types {
			if hasType(v, t.(string)) {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s: want %v, got %s", path, arg, describeValue(v))}
	case "enum":
		for _, e := range arg.([]any) {
			if reflect.DeepEqual(e, v) {
				return nil
			}
		}
		return []string{fmt.Sprintf("%s: want one of %v, got %s", path, arg, describeValue(v))}
	case "pattern":
		if str, ok := v.(string); ok && !regexp.MustCompile(arg.(string)).MatchString(str) {
			return []string{fmt.Sprintf("%s: %q does not match %s", path, str, arg)}
		}
	case "minimum":
		if n, ok := v.(float64); ok && n < arg.(float64) {
			return []string{fmt.Sprintf("%s: want at least %v, got %v", path, arg, n)}
		}
	case "maximum":
		if n, ok := v.(float64); ok && n > arg.(float64) {
			return []string{fmt.Sprintf("%s: want at most %v, got %v", path, arg, n)}
		}
	case "required":
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		var out []string
		for _, k := range arg.([]any) {
			if _, ok := m[k.(string)]; !ok {
				out = append(out, fmt.Sprintf("%s: missing %s", path, k))
			}
		}
		return out
	case "properties":
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		props := arg.(map[string]any)
		var out []string
		for _, k := range sortedKeys(m) {
			if p, ok := props[k]; ok {
				out = append(out, s.check(p, m[k], join(path, k))...)
			}
		}
		return out
	case "additionalProperties":
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		props, _ := sch["properties"].(map[string]any)
		var out []string
		for _, k := range sortedKeys(m) {
			if _, ok := props[k]; !ok {
				if arg == false {
					out = append(out, fmt.Sprintf("%s: unknown key", join(path, k)))
				} else {
					out = append(out, s.check(arg, m[k], join(path, k))...)
				}
			}
		}
		return out
	case "items":
		list, ok := v.([]any)
		if !ok {
			return nil
		}
		var out []string
		for i, item := range list {
			out = append(out, s.check(arg, item, fmt.Sprintf("%s[%d]", path, i))...)
		}
		return out
	case "anyOf", "oneOf":
		var all []string
		matched := 0
		for _, alt := range arg.([]any) {
			errs := s.check(alt, v, path)
			if len(errs) == 0 {
				matched++
			}
			all = append(all, errs...)
		}
		switch {
		case matched == 0:
			return []string{fmt.Sprintf("%s: matches none of %s (%s)", path, key, strings.Join(all, "; "))}
		case key == "oneOf" && matched > 1:
			return []string{fmt.Sprintf("%s: matches %d alternatives of oneOf", path, matched)}
		}
	default:
		if !slices.Contains(annotations, key) {
			return []string{fmt.Sprintf("%s: unsupported keyword %q", path, key)}
		}
	}
	return nil
}

// resolve follows a reference to #/$defs/name.
func (s *validator) resolve(ref string) (any, error) {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	defs, _ := s.root["$defs"].(map[string]any)
	if target, found := defs[name]; ok && found {
		return target, nil
	}
	return nil, fmt.Errorf("unresolved $ref %q", ref)
}

func hasType(v any, t string) bool {
	switch v := v.(type) {
	case string:
		return t == "string"
	case float64:
		return t == "number" || t == "integer" && v == math.Trunc(v)
	case bool:
		return t == "boolean"
	case nil:
		return t == "null"
	case map[string]any:
		return t == "object"
	case []any:
		return t == "array"
	}
	return false
}

func describeValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// yamlValue turns YAML into the values JSON decodes to, as an editor's YAML
// 1.2 language server sees them: yes and no are words, dates are text.
func yamlValue(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return yamlValue(n.Content[0])
	case yaml.AliasNode:
		return yamlValue(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := yamlValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		list := []any{}
		for _, item := range n.Content {
			v, err := yamlValue(item)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		var f float64
		err := n.Decode(&f)
		return f, err
	case "!!bool":
		var b bool
		err := n.Decode(&b)
		return b, err
	case "!!null":
		return nil, nil
	}
	return n.Value, nil
}

// frontmatter returns the YAML between a Markdown file's --- lines as values.
func frontmatter(src string) (any, error) {
	rest, ok := strings.CutPrefix(strings.ReplaceAll(src, "\r\n", "\n"), "---\n")
	if !ok {
		return nil, fmt.Errorf("no frontmatter")
	}
	fm, _, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		return nil, fmt.Errorf("frontmatter never closed")
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &doc); err != nil {
		return nil, err
	}
	return yamlValue(&doc)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
