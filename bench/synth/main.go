// Command synth writes a synthetic localoffer project for benchmarks: n
// councils in the real content format, with the layouts, static files and
// settings of the project it is run from.
//
//	go run ./bench/synth -n 10000 -out /tmp/synthetic
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/localoffer/localoffer/internal/synth"
)

func main() {
	n := flag.Int("n", 317, "number of councils")
	seed := flag.Uint64("seed", 1, "seed: the same seed and n give the same files")
	out := flag.String("out", "", "folder to write the project to; it must not exist or be empty")
	root := flag.String("root", ".", "project to copy layouts/, static/, site.yaml and plain pages from")
	flag.Parse()
	if *out == "" || *n < 1 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: synth -n councils -out folder [-seed n] [-root project]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "synth: %s is not empty\n", *out)
		os.Exit(2)
	}
	if err := synth.Write(*out, os.DirFS(*root), *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
