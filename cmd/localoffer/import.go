package main

import (
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/registry"
	"github.com/localoffer/localoffer/internal/reply"
	"github.com/localoffer/localoffer/internal/scaffold"
)

func init() {
	commands["import"] = command{"add councils' FOI replies to their files, as drafts to check", runImport}
}

// imported is what importing one reply gave, for the summary table.
type imported struct {
	file, council    string
	found, recorded  int // answers found, and written into the council's file
	toRead           int // lines listed for a person to read
	problem          string
	councilFile      string
	unreadable, fail bool
}

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flags("import", stderr)
	root := fs.String("root", ".", "project folder holding content/")
	council := fs.String("council", "", "the council that replied: its gss code or name (by default, from the reply's text or its file's name)")
	print := fs.Bool("print", false, "print the drafts instead of writing the councils' files")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: localoffer import [-council <gss code or name>] [-root .] [-print] <replies or folders of replies>...")
		fmt.Fprintln(stderr, "A reply can be a PDF, a Word .docx, an Excel .xlsx, an e-mail (.eml), a saved web page, or text.")
		fs.PrintDefaults()
	}
	if code, ok := parseArgs(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	var given *registry.Council
	if *council != "" {
		c, ok := findCouncil("import", *council, stderr)
		if !ok {
			return exitUsage
		}
		given = &c
	}
	files, err := replyFiles(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, "localoffer import:", err)
		return exitUsage
	}
	var rows []imported
	for _, f := range files {
		rows = append(rows, importOne(f, given, *root, *print, stdout, stderr))
	}
	summary(stderr, rows)
	if *print {
		return exitCode(rows)
	}
	// Exit as check does: 1 while a council's file has errors.
	now, err := today()
	if err != nil {
		fmt.Fprintln(stderr, "localoffer import:", err)
		return exitUsage
	}
	_, problems := content.Load(os.DirFS(*root), now)
	code := exitCode(rows)
	for _, p := range problems.Errors() {
		if slices.ContainsFunc(rows, func(r imported) bool { return r.councilFile == p.File }) {
			fmt.Fprintln(stderr, p)
			code = exitContent
		}
	}
	if code == exitOK {
		fmt.Fprintln(stdout, "now read each draft against its reply, and run localoffer check")
	}
	return code
}

func exitCode(rows []imported) int {
	for _, r := range rows {
		if r.fail {
			return exitContent
		}
	}
	return exitOK
}

// replyFiles lists the files named, and the files in the folders named,
// skipping hidden files.
func replyFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d iofs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != a {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// importOne reads one reply and writes (or prints) its council's draft.
func importOne(name string, given *registry.Council, root string, print bool, stdout, stderr io.Writer) imported {
	row := imported{file: name}
	fail := func(msg string) imported {
		row.problem, row.fail = msg, true
		fmt.Fprintf(stderr, "%s: %s\n", name, msg)
		return row
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return fail(err.Error())
	}
	text, err := reply.Text(name, data)
	if err != nil {
		row.unreadable = true
		return fail(err.Error())
	}
	res := reply.Read(text)
	c, why := replyCouncil(given, res, text, name)
	if why != "" {
		return fail(why)
	}
	row.council = c.ShortName
	row.councilFile = councilFile(c)
	file := filepath.Join(root, filepath.FromSlash(councilFile(c)))
	existing, err := os.ReadFile(file)
	if errors.Is(err, iofs.ErrNotExist) {
		existing, err = []byte(scaffold.Bare(c)), nil
	}
	if err != nil {
		return fail(err.Error())
	}
	draft, notes, err := reply.Draft(existing, res)
	if err != nil {
		return fail(fmt.Sprintf("%s: %v", file, err))
	}
	for _, f := range res.Found {
		if f.Sure || f.Answer.Value != "" {
			row.found++
		}
	}
	row.toRead = len(notes)
	row.recorded = row.found - strings.Count(strings.Join(notes, "\n"), "is already in the file")
	for _, n := range notes {
		fmt.Fprintf(stderr, "%s: %s\n", name, n)
	}
	if print {
		fmt.Fprintf(stdout, "# %s, from %s\n%s", file, name, draft)
		return row
	}
	if err := os.WriteFile(file, draft, 0o644); err != nil {
		return fail(err.Error())
	}
	fmt.Fprintf(stdout, "wrote %s: %d answers from %s, %d lines for you to read (listed at the end of its frontmatter)\n", file, row.recorded, name, row.toRead)
	return row
}

// replyCouncil finds which council a reply is from: the one given, else the
// one the reply names (its heading or its text), else the one its file is
// named after. It never guesses between two: it says it cannot tell.
func replyCouncil(given *registry.Council, res reply.Result, text, name string) (registry.Council, string) {
	if given != nil {
		return *given, ""
	}
	var named []registry.Council
	if res.Source.Publisher != "" {
		if found := registry.Find(res.Source.Publisher); len(found) == 1 {
			return found[0], ""
		}
	}
	head := strings.ToLower(firstLines(text, 60))
	for _, c := range registry.All() {
		if strings.Contains(head, strings.ToLower(c.Name)) {
			named = append(named, c)
		}
	}
	// A council whose name is inside another's (Hertfordshire County
	// Council in East Hertfordshire District Council) is not named too.
	named = slices.DeleteFunc(named, func(c registry.Council) bool {
		return slices.ContainsFunc(named, func(o registry.Council) bool {
			return o.GSS != c.GSS && strings.Contains(strings.ToLower(o.Name), strings.ToLower(c.Name))
		})
	})
	if len(named) == 1 {
		return named[0], ""
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	for _, cand := range []string{base, strings.SplitN(base, "-foi", 2)[0], strings.SplitN(base, "_", 2)[0]} {
		if found := registry.Find(cand); len(found) == 1 {
			return found[0], ""
		}
	}
	if len(named) > 1 {
		var names []string
		for _, c := range named {
			names = append(names, c.Name)
		}
		return registry.Council{}, "the reply names more than one council (" + strings.Join(names, ", ") + "): say which with -council"
	}
	return registry.Council{}, "cannot tell which council replied: its text and its file's name do not say; give -council"
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// summary prints one table of what each reply gave.
func summary(w io.Writer, rows []imported) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "reply\tcouncil\tanswers found\trecorded\tfor you to read\tproblem")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", r.file, r.council, r.found, r.recorded, r.toRead, r.problem)
	}
	tw.Flush()
}
