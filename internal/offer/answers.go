package offer

import (
	"iter"
	"slices"
)

// Answers are a file's answers by question key. They are kept as a list in
// the catalogue's order, not a map: a large directory holds a hundred
// thousand councils' answers, and a map of forty costs twice the memory of
// the list. The zero value holds no answers.
type Answers struct{ list []keyed }

type keyed struct {
	q int32 // the question's place in Catalogue
	a *Answer
}

// place is each question's place in Catalogue, by key.
var place = func() map[string]int32 {
	m := make(map[string]int32, len(Catalogue))
	for i := range Catalogue {
		m[Catalogue[i].Key] = int32(i)
	}
	return m
}()

// find returns where the question key is, or would go, in the list.
func (as *Answers) find(key string) (int, int32, bool) {
	q, ok := place[key]
	if !ok {
		return 0, -1, false
	}
	i, found := slices.BinarySearchFunc(as.list, q, func(k keyed, q int32) int { return int(k.q - q) })
	return i, q, found
}

// Get returns the answer to the question key, or nil.
func (as *Answers) Get(key string) *Answer {
	if i, _, ok := as.find(key); ok {
		return as.list[i].a
	}
	return nil
}

// Set records a, or with a nil a removes, the answer to the question key,
// which must be in the catalogue.
func (as *Answers) Set(key string, a *Answer) {
	i, q, found := as.find(key)
	switch {
	case q < 0:
		panic("offer: no question " + key + " in the catalogue")
	case found && a == nil:
		as.list = slices.Delete(as.list, i, i+1)
	case found:
		as.list[i].a = a
	case a != nil:
		as.list = slices.Insert(as.list, i, keyed{q, a})
	}
}

// Len is how many questions have an answer.
func (as *Answers) Len() int { return len(as.list) }

// All gives each question's key and answer, in the catalogue's order.
func (as *Answers) All() iter.Seq2[string, *Answer] {
	return func(yield func(string, *Answer) bool) {
		for _, k := range as.list {
			if !yield(Catalogue[k.q].Key, k.a) {
				return
			}
		}
	}
}

// Clip lets go of room the list does not use, once a file is read: the
// list moves to an array of its own length.
func (as *Answers) Clip() {
	if cap(as.list) > len(as.list) {
		as.list = slices.Clone(as.list)
	}
}

// NewAnswers makes Answers of answers by question key.
func NewAnswers(m map[string]*Answer) Answers {
	var as Answers
	for k, a := range m {
		as.Set(k, a)
	}
	return as
}
