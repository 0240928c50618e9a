package reply

import (
	"bytes"
	"io"
	"mime/quotedprintable"
	"strings"

	"golang.org/x/net/html"
)

// htmlText is a saved web page or a disclosure log's page as text, with a
// line for each paragraph, heading, list item and table row, and a table's
// cells apart by a wide gap.
func htmlText(data []byte) string {
	doc, err := html.Parse(bytes.NewReader([]byte(decodeText(data))))
	if err != nil {
		return decodeText(data)
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

// quotedPrintable decodes an e-mail part's quoted-printable text.
func quotedPrintable(data []byte) io.Reader { return quotedprintable.NewReader(bytes.NewReader(data)) }
