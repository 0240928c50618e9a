package offer

import (
	"slices"
	"testing"
)

// TestAnswers: answers set in any order come back by key and in the
// catalogue's order; setting nil removes one; a key not in the catalogue is
// a mistake in the program.
func TestAnswers(t *testing.T) {
	var as Answers
	keys := []string{Catalogue[5].Key, Catalogue[1].Key, Catalogue[9].Key, Catalogue[0].Key}
	for i, k := range keys {
		as.Set(k, &Answer{Value: k, Line: int32(i)})
	}
	as.Set(Catalogue[9].Key, &Answer{Value: "again"})
	if as.Len() != 4 {
		t.Fatalf("Len = %d, want 4", as.Len())
	}
	if a := as.Get(Catalogue[5].Key); a == nil || a.Value != Catalogue[5].Key {
		t.Errorf("Get(%s) = %v", Catalogue[5].Key, a)
	}
	if a := as.Get(Catalogue[9].Key); a == nil || a.Value != "again" {
		t.Errorf("a second Set did not replace the answer: %v", a)
	}
	if as.Get(Catalogue[2].Key) != nil || as.Get("no.such_question") != nil {
		t.Error("Get gives an answer nobody set")
	}
	var order []string
	for k := range as.All() {
		order = append(order, k)
	}
	if want := []string{Catalogue[0].Key, Catalogue[1].Key, Catalogue[5].Key, Catalogue[9].Key}; !slices.Equal(order, want) {
		t.Errorf("All gives %v, want the catalogue's order %v", order, want)
	}
	as.Set(Catalogue[1].Key, nil)
	as.Clip()
	if as.Len() != 3 || as.Get(Catalogue[1].Key) != nil || cap(as.list) != len(as.list) {
		t.Errorf("after removing one and clipping: Len %d, cap %d", as.Len(), cap(as.list))
	}
	defer func() {
		if recover() == nil {
			t.Error("Set of a key not in the catalogue did not panic")
		}
	}()
	as.Set("no.such_question", &Answer{})
}
