package main

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/reply"
	"github.com/localoffer/localoffer/internal/scaffold"
)

func init() {
	commands["import"] = command{"add a council's FOI reply to its file, as a draft to check", runImport}
}

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flags("import", stderr)
	root := fs.String("root", ".", "project folder holding content/")
	council := fs.String("council", "", "the council that replied: its gss code or name")
	print := fs.Bool("print", false, "print the draft instead of writing the council's file")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: localoffer import -council <gss code or name> [-root .] [-print] <reply: .txt, .md or .html>")
		fs.PrintDefaults()
	}
	if code, ok := parseArgs(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || *council == "" {
		fs.Usage()
		return exitUsage
	}
	c, ok := findCouncil("import", *council, stderr)
	if !ok {
		return exitUsage
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "localoffer import:", err)
		return exitUsage
	}
	text, err := reply.Text(fs.Arg(0), data)
	if err != nil {
		fmt.Fprintf(stderr, "localoffer import: %s: %v\n", fs.Arg(0), err)
		return exitContent
	}
	res := reply.Read(text)
	file := filepath.Join(*root, filepath.FromSlash(councilFile(c)))
	existing, err := os.ReadFile(file)
	if errors.Is(err, iofs.ErrNotExist) {
		existing, err = []byte(scaffold.Bare(c)), nil
	}
	if err != nil {
		fmt.Fprintln(stderr, "localoffer import:", err)
		return exitContent
	}
	draft, notes, err := reply.Draft(existing, res)
	if err != nil {
		fmt.Fprintf(stderr, "localoffer import: %s: %v\n", file, err)
		return exitContent
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "%s: %s\n", fs.Arg(0), n)
	}
	sure := 0
	for _, f := range res.Found {
		if f.Sure {
			sure++
		}
	}
	if *print {
		fmt.Fprint(stdout, string(draft))
		return exitOK
	}
	if err := os.WriteFile(file, draft, 0o644); err != nil {
		fmt.Fprintln(stderr, "localoffer import:", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s: %d answers from the reply, %d lines for you to read (listed at the end of its frontmatter); now run localoffer check\n", file, sure, len(notes))
	// Exit as check does: 1 while the council's file has errors.
	now, err := today()
	if err != nil {
		fmt.Fprintln(stderr, "localoffer import:", err)
		return exitUsage
	}
	_, problems := content.Load(os.DirFS(*root), now)
	code := exitOK
	for _, p := range problems.Errors() {
		if p.File == councilFile(c) {
			fmt.Fprintln(stderr, p)
			code = exitContent
		}
	}
	return code
}
