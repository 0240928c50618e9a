package content

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"unicode/utf8"

	"github.com/adrg/frontmatter"
	"github.com/localoffer/localoffer/internal/diag"
	"gopkg.in/yaml.v3"
)

// maxFileSize bounds what one content file may hold, so a runaway file
// cannot exhaust memory.
const maxFileSize = 16 << 20

var bom = []byte("\ufeff")

// yamlFormat decodes frontmatter between --- lines into a yaml.v3 node, so
// every value keeps its line and column and yes/no stay words.
var yamlFormat = frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
	return yaml.Unmarshal(data, v.(*yaml.Node))
})

// split separates a file into its frontmatter, as a YAML mapping node, and
// its Markdown body. It returns the number of lines before the frontmatter's
// first line, which turns YAML positions into file positions. On failure it
// returns a positioned problem.
func split(file string, src []byte) (root *yaml.Node, body []byte, lineOff int, problem *diag.Diagnostic) {
	fail := func(line int, msg string) (*yaml.Node, []byte, int, *diag.Diagnostic) {
		return nil, nil, 0, &diag.Diagnostic{File: file, Line: line, Col: 1, Msg: msg}
	}
	if len(src) > maxFileSize {
		return fail(1, "file is larger than 16 MB")
	}
	src = bytes.TrimPrefix(src, bom)
	if bytes.IndexByte(src, 0) >= 0 {
		return fail(lineOf(src, bytes.IndexByte(src, 0)), "file holds binary data (a NUL byte): want UTF-8 text")
	}
	if !utf8.Valid(src) {
		return fail(lineOf(src, firstInvalid(src)), "file is not valid UTF-8 text")
	}
	open, ok := openingLine(src)
	if !ok {
		return fail(1, "no frontmatter: want the file to start with a line of three dashes (---)")
	}
	var node yaml.Node
	body, err := frontmatter.MustParse(bytes.NewReader(src), &node, yamlFormat)
	switch {
	case errors.Is(err, frontmatter.ErrNotFound):
		return fail(open, "frontmatter is never closed: want a line of three dashes (---) after it")
	case err != nil:
		line, msg := yamlError(err)
		return fail(open+line, msg)
	}
	if node.Kind == 0 { // empty frontmatter
		node = yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{{Kind: yaml.MappingNode, Line: 1, Column: 1}}}
	}
	root = node.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, 0, &diag.Diagnostic{File: file, Line: open + root.Line, Col: root.Column, Msg: "frontmatter: want key: value pairs, got " + describe(root)}
	}
	return root, body, open, nil
}

// openingLine finds the frontmatter's opening --- line as the frontmatter
// package does (blank lines before it are skipped) and returns its 1-based
// line number.
func openingLine(src []byte) (int, bool) {
	line := 0
	for len(src) > 0 {
		line++
		i := bytes.IndexByte(src, '\n')
		var text []byte
		if i < 0 {
			text, src = src, nil
		} else {
			text, src = src[:i], src[i+1:]
		}
		text = bytes.TrimSpace(text)
		if len(text) == 0 {
			continue
		}
		return line, string(text) == "---"
	}
	return 0, false
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError turns a yaml.v3 error into a line within the frontmatter and a
// message in this project's style.
func yamlError(err error) (int, string) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, "yaml: " + msg[len(m[0]):]
	}
	return 1, msg
}

func lineOf(src []byte, offset int) int { return bytes.Count(src[:offset], []byte("\n")) + 1 }

func firstInvalid(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}
