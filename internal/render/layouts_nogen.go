//go:build layoutc

package render

import "bytes"

// With the layoutc tag, as internal/layoutc runs, no templates are
// compiled: the compiler reads this package's types while
// layouts_gen.go may be out of date.

const compiledHash = ""

var compiledKinds map[string]func(*bytes.Buffer, *Page) error
