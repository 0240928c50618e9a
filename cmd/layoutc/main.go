// Command layoutc compiles the site's layouts to Go, writing
// internal/render/layouts_gen.go (see internal/layoutc). Run it from the
// project's root with the layoutc tag, as `make layouts` does:
//
//	go run -tags layoutc ./cmd/layoutc [-root folder]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/localoffer/localoffer/internal/layoutc"
)

// out is where the compiled templates go.
const out = "internal/render/layouts_gen.go"

func main() {
	root := flag.String("root", ".", "the project's root folder")
	flag.Parse()
	src, err := layoutc.Generate(os.DirFS(*root))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(*root, out), src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
