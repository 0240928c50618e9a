// Command localoffer builds the care leaver local offer directory: it reads
// content/, layouts/ and static/ and writes a static site to public/.
//
// Usage:
//
//	localoffer build [-out public] [-root .]
//	localoffer serve [-addr 127.0.0.1:1313] [-root .]
//	localoffer check [-root .] [-format text|github] [-v]
//	localoffer new [-root .] [-print] [-bare] <gss code or council name>
//
// Exit status is 0 when all is well, 1 when the content has errors and 2
// for a usage mistake.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"time"

	"github.com/localoffer/localoffer/internal/diag"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// command is one subcommand.
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "localoffer: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: localoffer <command> [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-7s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nRun localoffer <command> -h for a command's flags.")
}

// flags makes a flag set that reports usage mistakes on stderr.
func flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("localoffer "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags; it returns an exit status when the command should stop.
func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if code, ok := parseArgs(fs, args); !ok {
		return code, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage, false
	}
	return 0, true
}

// parseArgs parses a command's flags, leaving its other arguments in fs;
// it reports the exit status when the command should stop.
func parseArgs(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// today is the build's date: SOURCE_DATE_EPOCH when set (for reproducible
// builds), otherwise the current date in UTC.
func today() (time.Time, error) {
	now := time.Now().UTC()
	if s, ok := os.LookupEnv("SOURCE_DATE_EPOCH"); ok {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: want seconds since 1970, got %q", s)
		}
		now = time.Unix(sec, 0).UTC()
	}
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), nil
}

// report prints problems one a line, sorted, and a count.
func report(w io.Writer, problems diag.List) {
	for _, p := range problems {
		fmt.Fprintln(w, p)
	}
	if n := len(problems.Errors()); n > 0 {
		fmt.Fprintf(w, "%d error%s\n", n, plural(n))
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
