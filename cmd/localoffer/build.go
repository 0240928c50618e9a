package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/diag"
	"github.com/localoffer/localoffer/internal/history"
)

func init() {
	commands["build"] = command{"build the site from content/ into public/", runBuild}
}

// defaultMemoryLimit is the soft limit a build keeps the Go runtime's memory
// to, unless GOMEMLIMIT sets another: a directory of 100,000 councils
// builds in under 2 GB with it, though more slowly, as the collector works
// harder near the limit; the national directory, and one of 10,000
// councils, never come near it.
const defaultMemoryLimit = 1500 << 20 // GOMEMLIMIT=1500MiB

// memoryLimit is the memory limit a build sets, and whether it sets one:
// not when GOMEMLIMIT is in the environment, which the runtime has read.
func memoryLimit(getenv func(string) string) (int64, bool) {
	if getenv("GOMEMLIMIT") != "" {
		return 0, false
	}
	return defaultMemoryLimit, true
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flags("build", stderr)
	root := fs.String("root", ".", "project folder holding content/, layouts/ and static/")
	out := fs.String("out", "public", "folder to write the site to")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file, for go tool pprof")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	if *cpuProfile != "" {
		stop, err := profileCPU(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "localoffer build:", err)
			return exitUsage
		}
		defer stop()
	}
	now, err := today()
	if err != nil {
		fmt.Fprintln(stderr, "localoffer build:", err)
		return exitUsage
	}
	if limit, ok := memoryLimit(os.Getenv); ok {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	}
	start := time.Now()
	res, err := build.Write(os.DirFS(*root), now, *out, build.WithHistory(readHistory("localoffer build", *root, now, stderr)))
	if res != nil {
		report(stderr, res.Problems.Errors())
		summarise(stderr, res.Problems.Warnings(), "localoffer check -v")
	}
	var problems diag.List
	if errors.As(err, &problems) {
		fmt.Fprintf(stderr, "localoffer build: %s was not changed\n", *out)
		return exitContent
	}
	if err != nil {
		fmt.Fprintln(stderr, "localoffer build:", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "built %d councils, %d files into %s in %s\n",
		len(res.Site.Councils), res.Count, *out, time.Since(start).Round(time.Millisecond))
	if res.Interpreted {
		fmt.Fprintln(stderr, "localoffer build: the layouts differ from the ones compiled into this program, so html/template made the pages; after changing a template, run make layouts and rebuild the program for a faster build")
	}
	return exitOK
}

// profileCPU starts a CPU profile written to file; stop ends it.
func profileCPU(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// readHistory starts reading the content's git history in root, so that
// it is read while the content loads, and returns a function that waits for
// it. Without history (not a repository, or a shallow clone) the build goes
// on, with no changes listed, and says so once, from the goroutine that
// asks for the history, so that it never writes to stderr at the same time
// as the command does.
func readHistory(cmd, root string, now time.Time, stderr io.Writer) func() *history.Log {
	type read struct {
		log *history.Log
		err error
	}
	done := make(chan read, 1)
	go func() {
		log, err := history.ReadCached(root, now)
		done <- read{log, err}
	}()
	return sync.OnceValue(func() *history.Log {
		r := <-done
		switch {
		case errors.Is(r.err, history.ErrNoHistory):
			fmt.Fprintf(stderr, "%s: %v: the councils' feeds and pages list no changes\n", cmd, r.err)
		case r.err != nil:
			fmt.Fprintf(stderr, "%s: reading the content's history: %v: the councils' feeds and pages list no changes\n", cmd, r.err)
		}
		return r.log
	})
}
