package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/diag"
)

func init() {
	commands["build"] = command{"build the site from content/ into public/", runBuild}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flags("build", stderr)
	root := fs.String("root", ".", "project folder holding content/, layouts/ and static/")
	out := fs.String("out", "public", "folder to write the site to")
	if code, ok := parse(fs, args); !ok {
		return code
	}
	now, err := today()
	if err != nil {
		fmt.Fprintln(stderr, "localoffer build:", err)
		return exitUsage
	}
	start := time.Now()
	res, err := build.Write(os.DirFS(*root), now, *out)
	if res != nil {
		report(stderr, res.Problems)
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
		len(res.Site.Councils), len(res.Files), *out, time.Since(start).Round(time.Millisecond))
	return exitOK
}
