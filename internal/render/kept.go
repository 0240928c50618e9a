package render

import (
	"html/template"
	"sync"
	"sync/atomic"
)

// kept holds pieces printed once and shown on many pages, by what makes
// them what they are: a county's rows on each of its districts' pages, and
// the many alike cells of the comparison tables. It keeps at most most of
// them, so a very large directory's many different pieces cannot fill
// memory; the others are printed each time.
type kept struct {
	m    sync.Map // key to template.HTML
	n    atomic.Int32
	most int32
}

func newKept(most int32) *kept { return &kept{most: most} }

// get gives the piece kept for key, or prints it with print and keeps it.
func (k *kept) get(key any, print func() (template.HTML, error)) (template.HTML, error) {
	if h, ok := k.m.Load(key); ok {
		return h.(template.HTML), nil
	}
	h, err := print()
	if err == nil && k.n.Add(1) <= k.most {
		k.m.Store(key, h)
	}
	return h, err
}

// How many pieces a build keeps: a row is about 600 bytes, a cell 100.
const (
	keptRows  = 16384
	keptCells = 8192
)
