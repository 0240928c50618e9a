package main

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
	"github.com/localoffer/localoffer/internal/scaffold"
)

func init() {
	commands["new"] = command{"start a council's file from its gss code or name", runNew}
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flags("new", stderr)
	root := fs.String("root", ".", "project folder holding content/")
	print := fs.Bool("print", false, "print the file instead of writing it")
	bare := fs.Bool("bare", false, "write only the council's identity, without the commented questions")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: localoffer new [-root .] [-print] [-bare] <gss code or council name>")
		fs.PrintDefaults()
	}
	if code, ok := parseArgs(fs, args); !ok {
		return code
	}
	query := strings.Join(fs.Args(), " ")
	if query == "" {
		fs.Usage()
		return exitUsage
	}
	c, ok := findCouncil("new", query, stderr)
	if !ok {
		return exitUsage
	}
	now, err := today()
	if err != nil {
		fmt.Fprintln(stderr, "localoffer new:", err)
		return exitUsage
	}
	text := scaffold.File(c, offer.Date{Year: int16(now.Year()), Month: int8(now.Month()), Day: int8(now.Day())})
	if *bare {
		text = scaffold.Bare(c)
	}
	if *print {
		fmt.Fprint(stdout, text)
		return exitOK
	}
	file := filepath.Join(*root, filepath.FromSlash(councilFile(c)))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		fmt.Fprintln(stderr, "localoffer new:", err)
		return exitContent
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, iofs.ErrExist) {
		fmt.Fprintf(stderr, "localoffer new: %s already exists; edit it, or see the full template with -print\n", file)
		return exitUsage
	}
	if err == nil {
		_, err = io.WriteString(f, text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "localoffer new:", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s for %s\n", file, c.Name)
	return exitOK
}

// councilFile is where a council's content file goes, as a slash path
// within the project, as content's diagnostics name it.
func councilFile(c registry.Council) string { return content.CouncilsDir + "/" + c.Slug() + ".md" }

// findCouncil finds the one council in the reference list that query names,
// or says why it cannot.
func findCouncil(cmd, query string, stderr io.Writer) (registry.Council, bool) {
	found := registry.Find(query)
	switch {
	case len(found) == 0:
		fmt.Fprintf(stderr, "localoffer %s: no English council matches %q; give its gss code (such as E07000098) or its name\n", cmd, query)
		return registry.Council{}, false
	case len(found) > 1:
		fmt.Fprintf(stderr, "localoffer %s: %q matches %d councils; give one of these gss codes:\n", cmd, query, len(found))
		for _, c := range found {
			fmt.Fprintf(stderr, "  %s  %s\n", c.GSS, c.Name)
		}
		return registry.Council{}, false
	}
	return found[0], true
}
