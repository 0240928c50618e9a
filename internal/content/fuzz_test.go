package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/diag"
)

// FuzzLoad loads arbitrary bytes as a council file beside a valid county and
// checks that Load neither panics nor points outside the files it read.
func FuzzLoad(f *testing.F) {
	seeds, err := filepath.Glob("../../content/councils/*.md")
	if err != nil {
		f.Fatal(err)
	}
	err = filepath.WalkDir(invalidDir, func(file string, e fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(file, ".md") {
			seeds = append(seeds, file)
		}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range seeds {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := newFS(map[string]string{"content/councils/x.md": string(src)})
		_, problems := load(fsys)
		checkPositions(t, fsys, problems)
	})
}

// TestHostileInputs feeds Load files built to exhaust time or memory; each
// must give positioned problems or load cleanly, and must not hang.
func TestHostileInputs(t *testing.T) {
	head := "---\ngss: E06000016\nname: Leicester City Council\ntier: unitary\nregion: East Midlands\n"
	laughs := "lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i <= 9; i++ {
		laughs += strings.NewReplacer("N", string(rune('0'+i)), "P", string(rune('0'+i-1))).Replace(
			"lolN: &lolN [*lolP, *lolP, *lolP, *lolP, *lolP, *lolP, *lolP, *lolP, *lolP, *lolP]\n")
	}
	tests := []struct {
		name, src string
		want      []string // problems expected, in part; nil for a clean load
	}{
		{
			name: "10 MB body",
			src:  head + "---\n" + strings.Repeat("Care leavers can ask their personal adviser.\n", 10<<20/45),
		},
		{
			name: "file over 16 MB",
			src:  head + "---\n" + strings.Repeat("x", 17<<20),
			want: []string{"content/councils/x.md:1:1: file is larger than 16 MB"},
		},
		{
			name: "flow sequence nested 10,000 deep",
			src:  head + "offer: " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n---\n",
			want: []string{"content/councils/x.md:6:8: offer: want key: value pairs, got a list"},
		},
		{
			name: "flow mapping nested 10,001 deep",
			src:  head + "offer: " + strings.Repeat("{a: ", 10_001) + "1" + strings.Repeat("}", 10_001) + "\n---\n",
			want: []string{"content/councils/x.md:6:1: yaml: exceeded max depth of 10000"},
		},
		{
			name: "alias bomb",
			src: head + laughs + "default_src: foi\nsources: [{id: foi, title: FOI reply}]\n" +
				"offer:\n  sections: *lol9\n  statutory_2026: *lol9\n" + "leisure:\n  gym: *lol9\n  swimming: {status: yes, details: *lol9}\n---\n",
			want: []string{
				"content/councils/x.md:6:1: lol0: unknown key",
				"content/councils/x.md:15:1: lol9: unknown key",
				// Each item of *lol9 is *lol8, so problems point at lol8's list.
				"content/councils/x.md:14:7: offer.sections[0]: want text, got a list",
				"content/councils/x.md:14:7: offer.sections[9]: want text, got a list",
				"content/councils/x.md:15:7: offer.statutory_2026: want key: value pairs, got a list",
				"content/councils/x.md:14:7: leisure.gym[0]: want key: value pairs, got a list",
			},
		},
		{
			name: "1 MB line of text",
			src:  head + "offer:\n  first_contact: " + strings.Repeat("Your personal adviser. ", 1<<20/23) + "\ndefault_src: foi\nsources: [{id: foi, title: FOI reply}]\n---\n",
		},
		{
			name: "1 MB key",
			src:  head + strings.Repeat("k", 1<<20) + ": yes\n---\n",
			// YAML allows keys of up to 1024 characters.
			want: []string{"content/councils/x.md:6:1: yaml: could not find expected ':'"},
		},
		{
			name: "1 MB line without frontmatter",
			src:  strings.Repeat("-", 1<<20),
			want: []string{"content/councils/x.md:1:1: no frontmatter: want the file to start with a line of three dashes (---)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := newFS(map[string]string{"content/councils/x.md": tt.src})
			done := make(chan diag.List, 1)
			go func() {
				_, problems := load(fsys)
				done <- problems
			}()
			var problems diag.List
			select {
			case problems = <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("Load did not return within 20s")
			}
			checkPositions(t, fsys, problems)
			got := strs(problems)
			if tt.want == nil && len(got) > 0 {
				t.Errorf("want a clean load, got %d problems, first %.200s", len(got), got[0])
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing problem %.200s\namong %d problems", w, len(got))
					for _, g := range got[:min(len(got), 10)] {
						t.Logf("got %.200s", g)
					}
				}
			}
		})
	}
}
