package main

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/offer"
)

func init() {
	commands["check"] = command{"check content for errors without building", runCheck}
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flags("check", stderr)
	root := fs.String("root", ".", "project folder holding content/")
	format := fs.String("format", "text", "output format: text, or github for pull-request annotations")
	verbose := fs.Bool("v", false, "list every warning, not just how many there are")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *format != "text" && *format != "github" {
		fmt.Fprintf(stderr, "localoffer check: -format: want text or github, got %q\n", *format)
		return exitUsage
	}
	now, err := today()
	if err != nil {
		fmt.Fprintln(stderr, "localoffer check:", err)
		return exitUsage
	}
	set, problems := content.Load(os.DirFS(*root), now)
	if len(problems.Errors()) == 0 {
		problems = append(problems, content.Review(set, now)...)
		problems.Sort()
	}
	switch {
	case *format == "github":
		for _, p := range problems {
			fmt.Fprintln(stdout, annotation(p))
		}
	case *verbose:
		report(stderr, problems)
	default:
		report(stderr, problems.Errors())
		summarise(stderr, problems.Warnings(), "-v")
	}
	if len(problems.Errors()) > 0 {
		return exitContent
	}
	fmt.Fprintf(stdout, "%d councils, %d joint offers and %d pages are fine\n", len(set.Councils), len(set.Joints), len(set.Pages))
	return exitOK
}

// councilCode finds council codes in messages, so warnings about many
// councils count as one kind.
var councilCode = regexp.MustCompile(`\bE[0-9]{8}\b`)

// summarise counts warnings by what they say, for a short report; how says
// how to list them.
func summarise(w io.Writer, warnings diag.List, how string) {
	if len(warnings) == 0 {
		return
	}
	kinds := map[string]int{}
	var order []string
	for _, p := range warnings {
		kind, _, _ := strings.Cut(p.Msg, ":")
		kind = councilCode.ReplaceAllString(kind, "a code")
		if strings.HasPrefix(kind, "from ") {
			kind = "answers more than " + strconv.Itoa(offer.StaleAfter) + " months old"
		}
		if kinds[kind] == 0 {
			order = append(order, kind)
		}
		kinds[kind]++
	}
	fmt.Fprintf(w, "%d warnings (list them with %s):\n", len(warnings), how)
	for _, k := range order {
		fmt.Fprintf(w, "  %d × %s\n", kinds[k], k)
	}
}

// annotation formats a problem as a GitHub Actions workflow command.
func annotation(p diag.Diagnostic) string {
	level := "error"
	if p.Severity == diag.Warning {
		level = "warning"
	}
	msg := p.Msg
	if p.Key != "" {
		msg = p.Key + ": " + msg
	}
	return fmt.Sprintf("::%s file=%s,line=%d,col=%d::%s", level, p.File, max(p.Line, 1), max(p.Col, 1), escapeAnnotation(msg))
}

// escapeAnnotation escapes what GitHub's workflow commands treat specially.
func escapeAnnotation(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '%':
			out = append(out, "%25"...)
		case '\r':
			out = append(out, "%0D"...)
		case '\n':
			out = append(out, "%0A"...)
		default:
			out = append(out, s[i])
		}
	}
	return string(out)
}
