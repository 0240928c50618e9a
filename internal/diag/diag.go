// Package diag holds positioned problems found in content: each names a
// file, line and column, the key path it concerns and a message, and prints
// as "path:line:col: key.path: message".
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error stops the build.
	Error Severity = iota
	// Warning is reported but does not stop the build.
	Warning
)

// Diagnostic is one problem in one place.
type Diagnostic struct {
	File     string // slash-separated path from the project root
	Line     int    // 1-based; 0 when the problem concerns the whole file
	Col      int    // 1-based
	Key      string // dotted key path, such as council_tax.exempt.to_age; may be empty
	Msg      string // lower case, no full stop: "want a whole number, got "twenty""
	Severity Severity
}

// String formats the problem as path:line:col: key: message.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, max(d.Col, 1))
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Key != "" {
		b.WriteString(d.Key)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// List collects problems from every file of a run.
type List []Diagnostic

// Sort orders problems by file, line, column, then message, so runs print
// the same way every time.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Key, b.Key),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// Errors returns only the problems that stop the build.
func (l List) Errors() List { return l.only(Error) }

// Warnings returns only the problems that do not stop the build.
func (l List) Warnings() List { return l.only(Warning) }

func (l List) only(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Error makes a list of errors usable as an error value; it prints one
// problem a line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}
