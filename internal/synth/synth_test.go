package synth_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/synth"
)

var (
	project = os.DirFS("../..")
	now     = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)
)

// A synthetic project must be valid content, or benchmarks would time the
// error path.
func TestSyntheticContentIsValid(t *testing.T) {
	fsys, err := synth.FS(project, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	set, problems := content.Load(fsys, now)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatalf("%d errors, first: %v", len(errs), errs[0])
	}
	if len(set.Councils) != 200 {
		t.Fatalf("%d councils, want 200", len(set.Councils))
	}
	tiers := map[string]int{}
	answers, words := 0, 0
	for _, c := range set.Councils {
		tiers[c.Tier]++
		answers += c.Answers.Len()
		body, err := content.CouncilBody(fsys, c)
		if err != nil {
			t.Fatal(err)
		}
		n := len(strings.Fields(string(body)))
		if n < 300 || n > 650 {
			t.Errorf("%s: body of %d words, want 300 to 600", c.File, n)
		}
		words += n
		if !strings.HasPrefix(c.GSS, "E") || c.GSS[3] != '1' {
			t.Errorf("%s: gss %s could clash with a real council's", c.File, c.GSS)
		}
	}
	// Blocks of sixteen: a county, eight districts and seven others.
	if tiers["county"] < 12 || tiers["district"] < 96 || tiers["unitary"] < 36 {
		t.Errorf("tiers %v, want England's mix", tiers)
	}
	if per := answers / len(set.Councils); per < 20 || per > len(offer.Catalogue) {
		t.Errorf("%d answers per council on average, want a realistic spread", per)
	}
}

func TestSyntheticContentIsTheSameEveryTime(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, project, 40, 7); err != nil {
		t.Fatal(err)
	}
	fsys, err := synth.FS(project, 40, 7)
	if err != nil {
		t.Fatal(err)
	}
	other, err := synth.FS(project, 40, 8)
	if err != nil {
		t.Fatal(err)
	}
	differs := 0
	for i := range 40 {
		c := synth.Identity(i)
		name := "content/councils/" + c.Slug + ".md"
		disk, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, fsys[name].Data) {
			t.Errorf("%s differs between Write and FS with the same seed", name)
		}
		if !bytes.Equal(disk, other[name].Data) {
			differs++
		}
	}
	if differs < 35 {
		t.Errorf("only %d of 40 files change with the seed", differs)
	}
	for _, p := range []string{"site.yaml", "layouts/base.html", "static/style.css", "content/index.md"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("project is missing %s: %v", p, err)
		}
	}
}
