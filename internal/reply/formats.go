package reply

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Replies come as PDF and Word documents, spreadsheets, e-mails, saved web
// pages and plain text. Text turns any of them into lines of text, one for
// each line, paragraph or table row of the reply, with a table's cells
// apart by a wide gap as a form's answers are. The kind is told by the
// file's content, not its name, since names lie (reply.pdf.txt) or are
// missing (a download called "document").

// ErrNoText is the error for a PDF that is only scanned images.
var ErrNoText = errors.New("no text in this PDF: it needs OCR first (for example, open it in a PDF reader that recognises text, save that as a PDF or .docx, and import the result)")

// maxReply is the largest reply read: a reply is a few pages, and a large
// file is more likely a mistake than a reply.
const maxReply = 64 << 20

// Kind says what kind of file data is, by its content, as Text reads it:
// pdf, docx, xlsx, eml, html, text, or "" for a kind it cannot read.
func Kind(name string, data []byte) string {
	head := data[:min(len(data), 1024)]
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return ""
		}
		for _, f := range zr.File {
			switch f.Name {
			case "word/document.xml":
				return "docx"
			case "xl/workbook.xml":
				return "xlsx"
			}
		}
		return ""
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		return ""
	case looksLikeMail(data):
		return "eml"
	case looksLikeHTML(name, data):
		return "html"
	case binary(data):
		return ""
	}
	return "text"
}

// Text reads a reply of any kind Kind knows as plain text. A file it cannot
// read gets an error that says why and what to do, never a panic.
func Text(name string, data []byte) (string, error) {
	if len(data) > maxReply {
		return "", fmt.Errorf("the file is %d MB: a reply is a few pages, so check it is the right file", len(data)>>20)
	}
	var text string
	var err error
	switch Kind(name, data) {
	case "pdf":
		text, err = pdfText(data)
	case "docx":
		text, err = docxText(data)
	case "xlsx":
		text, err = xlsxText(data)
	case "eml":
		text, err = mailText(data)
	case "html":
		text = htmlText(data)
	case "text":
		text = decodeText(data)
	default:
		switch {
		case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
			err = errors.New("this is an old Word or Excel file (.doc or .xls): save it as .docx, .xlsx or PDF and import that")
		case bytes.HasPrefix(data, []byte("PK\x03\x04")):
			err = errors.New("this is a zip file but not a Word .docx or Excel .xlsx document: unzip it and import the reply inside")
		default:
			err = errors.New("cannot read this file: want a PDF, a Word .docx, an Excel .xlsx, an e-mail (.eml), a web page or plain text")
		}
	}
	if err != nil {
		return "", err
	}
	return tidy(text), nil
}

// tidy makes text safe to quote: Unix line ends, no control characters
// but tabs and line ends, and valid UTF-8.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\uFEFF', r == '\uFFFD', unicode.IsControl(r), unicode.Is(unicode.Cs, r), r == '\u2028', r == '\u2029':
			if r == '\u2028' || r == '\u2029' {
				return '\n'
			}
			return -1
		}
		return r
	}, s)
}

// binary reports whether data is not text: it has NUL bytes, or many
// control characters.
func binary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, b := range data[:min(len(data), 4096)] {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl > 8
}

// decodeText reads text as UTF-8, or, where it is not valid UTF-8, as
// Windows-1252, which older council systems write.
func decodeText(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// cp1252 are Windows-1252's characters for bytes 0x80 to 0x9F.
var cp1252 = [32]rune{'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ'}

func looksLikeHTML(name string, data []byte) bool {
	ext := strings.ToLower(path.Ext(name))
	if ext == ".html" || ext == ".htm" {
		return true
	}
	t := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 2048)]))
	return bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html")) ||
		(bytes.HasPrefix(t, []byte("<")) && (bytes.Contains(t, []byte("<table")) || bytes.Contains(t, []byte("<body")) || bytes.Contains(t, []byte("<p>"))))
}

var headerLine = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*:[ \t]`)

// looksLikeMail reports whether data starts with e-mail headers: the first
// lines are "Name: value" and one of them is a message's own.
func looksLikeMail(data []byte) bool {
	lines := strings.SplitN(string(data[:min(len(data), 8192)]), "\n", 40)
	own := false
	for i, l := range lines {
		l = strings.TrimRight(l, "\r")
		if l == "" {
			return own && i > 1
		}
		if l[0] == ' ' || l[0] == '\t' {
			continue // a folded header
		}
		if !headerLine.MatchString(l) {
			return false
		}
		switch strings.ToLower(l[:strings.IndexByte(l, ':')]) {
		case "from", "subject", "mime-version", "message-id", "received", "return-path":
			own = true
		}
	}
	return false
}

// mailText reads an e-mail: its subject and date, its text (the plain text
// part, or the web page part where there is none), then each attachment a
// reply can come in, each after a line naming it.
func mailText(data []byte) (string, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return "", fmt.Errorf("read the e-mail: %w", err)
	}
	var b strings.Builder
	dec := new(mime.WordDecoder)
	if s, err := dec.DecodeHeader(msg.Header.Get("Subject")); err == nil && s != "" {
		fmt.Fprintf(&b, "Subject: %s\n", s)
	}
	if d, err := msg.Header.Date(); err == nil {
		fmt.Fprintf(&b, "Date of response: %s\n", d.Format("2 January 2006"))
	}
	b.WriteString("\n")
	if err := mailPart(&b, textproto(msg.Header), msg.Body, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

// header is the part of a MIME header mailPart reads.
type header interface{ Get(string) string }

func textproto(h mail.Header) header { return h }

// mailPart writes one part of an e-mail, and the parts inside it.
func mailPart(b *strings.Builder, h header, body io.Reader, depth int) error {
	if depth > 10 {
		return errors.New("read the e-mail: its parts are nested too deep")
	}
	ctype, params, err := mime.ParseMediaType(h.Get("Content-Type"))
	if err != nil {
		ctype, params = "text/plain", map[string]string{}
	}
	data, err := io.ReadAll(io.LimitReader(body, maxReply))
	if err != nil {
		return fmt.Errorf("read the e-mail: %w", err)
	}
	switch strings.ToLower(h.Get("Content-Transfer-Encoding")) {
	case "base64":
		clean := bytes.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, data)
		if d, err := base64.StdEncoding.DecodeString(string(clean)); err == nil {
			data = d
		}
	case "quoted-printable":
		if d, err := io.ReadAll(quotedPrintable(data)); err == nil {
			data = d
		}
	}
	if strings.HasPrefix(ctype, "multipart/") {
		mr := multipart.NewReader(bytes.NewReader(data), params["boundary"])
		var parts []struct {
			h    header
			data []byte
		}
		for {
			p, err := mr.NextRawPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("read the e-mail: %w", err)
			}
			d, err := io.ReadAll(io.LimitReader(p, maxReply))
			if err != nil {
				return fmt.Errorf("read the e-mail: %w", err)
			}
			parts = append(parts, struct {
				h    header
				data []byte
			}{p.Header, d})
		}
		alternative := ctype == "multipart/alternative"
		hasPlain := slices.ContainsFunc(parts, func(p struct {
			h    header
			data []byte
		}) bool {
			return strings.HasPrefix(p.h.Get("Content-Type"), "text/plain") || p.h.Get("Content-Type") == ""
		})
		for _, p := range parts {
			if alternative && hasPlain && strings.HasPrefix(p.h.Get("Content-Type"), "text/html") {
				continue // the same words as the plain text part
			}
			if err := mailPart(b, p.h, bytes.NewReader(p.data), depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	name := attachmentName(h)
	if name != "" || !strings.HasPrefix(ctype, "text/") {
		if name == "" {
			return nil // an image in the signature, and the like
		}
		text, err := Text(name, data)
		if err != nil {
			fmt.Fprintf(b, "\nAttachment %s could not be read: %v\n", name, err)
			return nil
		}
		fmt.Fprintf(b, "\nAttachment: %s\n%s\n", name, text)
		return nil
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		data = []byte(decodeText(data)) // Latin-1 and Windows-1252
	}
	if ctype == "text/html" {
		b.WriteString(htmlText(data))
	} else {
		b.WriteString(decodeText(data))
	}
	b.WriteString("\n")
	return nil
}

// attachmentName is the file name a part is attached as, or "".
func attachmentName(h header) string {
	dec := new(mime.WordDecoder)
	if _, p, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil && p["filename"] != "" {
		if s, err := dec.DecodeHeader(p["filename"]); err == nil {
			return s
		}
		return p["filename"]
	}
	if _, p, err := mime.ParseMediaType(h.Get("Content-Type")); err == nil && p["name"] != "" {
		return p["name"]
	}
	return ""
}

// docxText reads a Word document's paragraphs and tables: a line for each
// paragraph and table row, with a row's cells apart by a wide gap.
func docxText(data []byte) (string, error) {
	doc, err := zipFile(data, "word/document.xml")
	if err != nil {
		return "", err
	}
	var b, cell strings.Builder
	var cells []string
	depth := 0 // how many tables deep
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("read the Word document: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tbl":
				depth++
			case "tab":
				if depth > 0 {
					cell.WriteString(" ")
				} else {
					b.WriteString("\t")
				}
			case "br", "cr":
				if depth > 0 {
					cell.WriteString(" ")
				} else {
					b.WriteString("\n")
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "tbl":
				depth--
			case "p":
				if depth > 0 {
					cell.WriteString(" ")
				} else {
					b.WriteString("\n")
				}
			case "tc":
				if depth == 1 {
					cells = append(cells, strings.Join(strings.Fields(cell.String()), " "))
					cell.Reset()
				}
			case "tr":
				if depth == 1 {
					b.WriteString(strings.Join(slices.DeleteFunc(cells, func(s string) bool { return s == "" }), "   "))
					b.WriteString("\n")
					cells = cells[:0]
				}
			}
		case xml.CharData:
			if depth > 0 {
				cell.Write(t)
			} else {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

// xlsxText reads a spreadsheet: a line for each row of each sheet, with its
// cells apart by a wide gap, as the round robins' templates put a question
// beside its answer.
func xlsxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("read the spreadsheet: %w", err)
	}
	var shared []string
	if ss, err := zipFile(data, "xl/sharedStrings.xml"); err == nil {
		shared, err = sharedStrings(ss)
		if err != nil {
			return "", err
		}
	}
	var sheets []string
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") && strings.HasSuffix(f.Name, ".xml") {
			sheets = append(sheets, f.Name)
		}
	}
	num := func(s string) int {
		n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(s, "xl/worksheets/sheet"), ".xml"))
		return n
	}
	slices.SortFunc(sheets, func(a, b string) int { return num(a) - num(b) })
	var b strings.Builder
	for _, name := range sheets {
		sheet, err := zipFile(data, name)
		if err != nil {
			return "", err
		}
		if err := sheetRows(&b, sheet, shared); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

func sharedStrings(data []byte) ([]string, error) {
	var out []string
	var cur strings.Builder
	inT := false
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read the spreadsheet's text: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				cur.Reset()
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, cur.String())
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				cur.Write(t)
			}
		}
	}
}

// sheetRows writes a sheet's rows, a line each.
func sheetRows(b *strings.Builder, data []byte, shared []string) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	var cells []string
	var kind string
	var val strings.Builder
	inV := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read the spreadsheet: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				cells = cells[:0]
			case "c":
				kind = ""
				val.Reset()
				for _, a := range t.Attr {
					if a.Name.Local == "t" {
						kind = a.Value
					}
				}
			case "v", "t":
				inV = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				inV = false
			case "c":
				v := strings.TrimSpace(val.String())
				if kind == "s" {
					if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(shared) {
						v = strings.TrimSpace(shared[i])
					}
				}
				if v != "" {
					cells = append(cells, strings.Join(strings.Fields(v), " "))
				}
			case "row":
				if len(cells) > 0 {
					b.WriteString(strings.Join(cells, "   "))
					b.WriteString("\n")
				}
			}
		case xml.CharData:
			if inV {
				val.Write(t)
			}
		}
	}
}

// zipFile is one file of a zip archive, read whole.
func zipFile(data []byte, name string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("read the document: %w", err)
	}
	f, err := zr.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read the document: no %s in it", name)
	}
	defer f.Close()
	out, err := io.ReadAll(io.LimitReader(f, maxReply))
	if err != nil {
		return nil, fmt.Errorf("read the document: %w", err)
	}
	return out, nil
}
