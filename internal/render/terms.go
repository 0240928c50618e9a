package render

import (
	"strings"

	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/wording"
)

// terms is an answer's conditions, who reported it and its year, for a
// table cell, a map caption or a headline.
func terms(r *site.Row, on *site.Council) []string {
	out := wording.Conditions(r, on)
	if w := wording.Reported(r); w != "" {
		out = append(out, w)
	}
	if wording.Overtaken(r) != "" {
		out = append(out, "may be out of date")
	}
	return append(out, wording.When(r))
}

// join writes the non-empty parts with sep between them.
func join(sep string, parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
	}
	return b.String()
}
