package foi

import (
	"strconv"
	"strings"
	"testing"

	"github.com/localoffer/localoffer/internal/offer"
)

func TestTiersAreAskedWhatTheyProvide(t *testing.T) {
	district := Request("Hertsmere Borough Council", "district")
	county := Request("Hertfordshire County Council", "county")
	unitary := Request("Leicester City Council", "unitary")
	tax := offer.Lookup("council_tax.exempt").Ask
	allowance := offer.Lookup("home.setup_allowance").Ask
	published := offer.Lookup("offer.published").Ask
	for _, tc := range []struct {
		name, text string
		want, not  []string
	}{
		{"district", district, []string{"Dear Hertsmere Borough Council,", tax, published}, []string{allowance}},
		{"county", county, []string{"Dear Hertfordshire County Council,", allowance, published}, []string{tax}},
		{"unitary", unitary, []string{tax, allowance, published, "Yours faithfully,"}, nil},
	} {
		for _, w := range tc.want {
			if !strings.Contains(tc.text, w) {
				t.Errorf("%s request lacks %q", tc.name, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(tc.text, w) {
				t.Errorf("%s request asks %q, which that tier does not provide", tc.name, w)
			}
		}
	}
	// A unitary council is asked every question, numbered in order.
	if n := len(offer.ForTier("unitary")); n != len(offer.Catalogue) || !strings.Contains(unitary, "\n"+strconv.Itoa(n)+". ") {
		t.Errorf("unitary request: %d questions, catalogue has %d", n, len(offer.Catalogue))
	}
	if len(offer.ForTier("district"))+len(offer.ForTier("county")) <= len(offer.Catalogue) {
		t.Error("councils of each tier should both be asked about themselves")
	}
}

func TestWhatDoTheyKnow(t *testing.T) {
	if got, want := WhatDoTheyKnow("213"), "https://www.whatdotheyknow.com/new/213?title=Local+offer+for+care+leavers"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
