package reply

import (
	"bytes"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

// Text is a reply as plain text, one line for each line of the reply: plain
// text and Markdown as they are, a saved web page (.html) as its text, with
// a line for each paragraph, heading, list item and table row.
func Text(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".html" && ext != ".htm" && !bytes.HasPrefix(bytes.TrimSpace(data), []byte("<!")) && !bytes.HasPrefix(bytes.TrimSpace(bytes.ToLower(data)), []byte("<html")) {
		return string(data)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return string(data)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(strings.Join(strings.Fields(n.Data), " "))
			if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
				b.WriteString(" ")
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "head", "nav":
				return
			case "td", "th":
				b.WriteString("  ") // a cell's answer after its question, as forms are read
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "section", "article", "table":
				b.WriteString("\n")
			}
		}
	}
	walk(doc)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		lines = append(lines, strings.TrimRight(l, " "))
	}
	return strings.Join(lines, "\n")
}
