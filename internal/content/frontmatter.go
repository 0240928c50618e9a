package content

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/localoffer/localoffer/internal/diag"
	"gopkg.in/yaml.v3"
)

// maxFileSize bounds what one content file may hold, so a runaway file
// cannot exhaust memory.
const maxFileSize = 16 << 20

var bom = []byte("\ufeff")

// split separates a file into its frontmatter, as a YAML mapping node, and
// its Markdown body. It returns the number of lines before the frontmatter's
// first line, which turns YAML positions into file positions. On failure it
// returns a positioned problem. The nodes, and their values' text, come
// from rd, which may be nil.
func split(file string, src []byte, rd *reading) (root *yaml.Node, body []byte, lineOff int, problem *diag.Diagnostic) {
	fail := func(line, col int, msg string) (*yaml.Node, []byte, int, *diag.Diagnostic) {
		return nil, nil, 0, &diag.Diagnostic{File: file, Line: line, Col: col, Msg: msg}
	}
	if len(src) > maxFileSize {
		return fail(1, 1, "file is larger than 16 MB")
	}
	src = bytes.TrimPrefix(src, bom)
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := position(src, i)
		return fail(line, col, "file holds binary data (a NUL byte): want UTF-8 text")
	}
	if !utf8.Valid(src) {
		line, col := position(src, firstInvalid(src))
		return fail(line, col, "file is not valid UTF-8 text")
	}
	open, ok := openingLine(src)
	if !ok {
		return fail(1, 1, "no frontmatter: want the file to start with a line of three dashes (---)")
	}
	start, end, next := frontmatterSpan(src, open)
	fm := src[start:end]
	if line, col, msg := badChar(fm); msg != "" {
		return fail(open+line, col, msg)
	}
	if next == 0 {
		return fail(open, 1, "frontmatter is never closed: want a line of three dashes (---) after it")
	}
	var node yaml.Node
	if err := decodeYAML(fm, &node, rd); err != nil {
		line, col, msg := yamlError(err, fm)
		return fail(open+line, col, msg)
	}
	body = src[next:]
	if node.Kind == 0 { // empty frontmatter
		node = yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{{Kind: yaml.MappingNode, Line: 1, Column: 1}}}
	}
	root = node.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, 0, &diag.Diagnostic{File: file, Line: open + root.Line, Col: root.Column, Msg: "frontmatter: want key: value pairs, got " + describe(root)}
	}
	// The body is part of the file's bytes: a caller that keeps it copies
	// it.
	return root, body, open, nil
}

// openingLine finds the frontmatter's opening --- line (blank lines before
// it are skipped; spaces around the dashes do not count) and returns its
// 1-based line number.
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

// frontmatterSpan finds the frontmatter after the opening line (the open'th):
// src[start:end] is its text, and src[next:] what follows its closing line;
// next is 0 when there is no closing line.
func frontmatterSpan(src []byte, open int) (start, end, next int) {
	for range open {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return len(src), len(src), 0
		}
		start += i + 1
	}
	for end = start; end < len(src); {
		line, _, found := bytes.Cut(src[end:], []byte("\n"))
		if string(bytes.TrimSpace(line)) == "---" {
			return start, end, min(end+len(line)+1, len(src))
		}
		if !found {
			break
		}
		end += len(line) + 1
	}
	return start, len(src), 0
}

// Frontmatter cuts a content file into its frontmatter's text and its
// Markdown body, finding the --- lines as the loader does; ok is false when
// the file has no frontmatter or it is never closed.
func Frontmatter(src []byte) (front, body []byte, ok bool) {
	src = bytes.TrimPrefix(src, bom)
	open, ok := openingLine(src)
	if !ok {
		return nil, nil, false
	}
	start, end, next := frontmatterSpan(src, open)
	if next == 0 {
		return nil, nil, false
	}
	return src[start:end], src[next:], true
}

// badChar finds the first character of the frontmatter that YAML refuses,
// or reads as a line break where editors show none, and returns its line
// (within the frontmatter) and column. yaml.v3 would report it without a
// position, or count lines differently from the editor.
func badChar(fm []byte) (line, col int, msg string) {
	line, col = 1, 1
	for i, size := 0, 0; i < len(fm); i += size {
		var r rune
		r, size = utf8.DecodeRune(fm[i:])
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\r' && i+1 < len(fm) && fm[i+1] == '\n',
			r == '\t', r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0xd7ff && r != 0x2028 && r != 0x2029,
			r >= 0xe000 && r <= 0xfffd, r >= 0x10000 && r <= utf8.MaxRune:
		case r == '\r':
			return line, col, "frontmatter holds a carriage return (CR) with no line feed after it: save the file with LF or CRLF line endings"
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			return line, col, fmt.Sprintf("frontmatter holds an invisible line break (U+%04X): delete it", r)
		default:
			return line, col, fmt.Sprintf("frontmatter holds a control character (U+%04X): delete it", r)
		}
		col++
	}
	return 0, 0, ""
}

var (
	yamlLine      = regexp.MustCompile(`^yaml: line (\d+): `)
	unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)
)

// parserProblems are the yaml.v3 errors that come from its parser, which
// numbers lines from 0; its scanner numbers them from 1.
var parserProblems = []string{
	"did not find expected key", "did not find expected node content", "did not find expected '-' indicator",
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected <document start>",
	"found undefined tag handle", "found duplicate %YAML directive", "found duplicate %TAG directive",
	"found incompatible YAML document",
}

// yamlError turns a yaml.v3 error into a line and column within the
// frontmatter fm and a message in this project's style.
func yamlError(err error, fm []byte) (int, int, string) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		msg = "yaml: " + msg[len(m[0]):]
		if slices.Contains(parserProblems, msg[len("yaml: "):]) {
			n++
		}
		return n, 1, msg
	}
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		// yaml.v3 gives no line; find the first use of the alias.
		use := regexp.MustCompile(`(^|[\s,\[{])\*` + regexp.QuoteMeta(m[1]) + `($|[\s,\]}])`)
		if loc := use.FindSubmatchIndex(fm); loc != nil {
			line, col := position(fm, loc[3])
			return line, col, msg
		}
	}
	return 1, 1, msg
}

// position returns the line and column (counted in characters) of the byte
// at offset.
func position(src []byte, offset int) (line, col int) {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return bytes.Count(src[:offset], []byte("\n")) + 1, utf8.RuneCount(src[start:offset]) + 1
}

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
