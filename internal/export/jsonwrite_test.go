package export

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/site"
	"github.com/localoffer/localoffer/internal/synth"
)

// TestAnswerJSONIsEncodingJSON checks that every answer of the directory,
// and of 400 synthetic councils, is written by hand as encoding/json writes
// it, byte for byte, older answers and all.
func TestAnswerJSONIsEncodingJSON(t *testing.T) {
	project := os.DirFS("../..")
	generated, err := synth.FS(project, 400, 3)
	if err != nil {
		t.Fatal(err)
	}
	for name, fsys := range map[string]fs.FS{"the directory": project, "400 synthetic councils": generated} {
		s := loadSite(t, fsys)
		n := 0
		for _, c := range s.Councils {
			for _, f := range Facts(c) {
				if f.Row == nil {
					continue
				}
				a := jsonAnswer(f.Row)
				for _, r := range f.Older {
					a.Older = append(a.Older, jsonAnswer(r))
				}
				want, err := marshal(a, "")
				if err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				a.writeJSON(&got)
				if !bytes.Equal(got.Bytes(), want) {
					t.Fatalf("%s: %s's %s:\ngot  %s\nwant %s", name, c.Slug, f.Question.Key, got.Bytes(), want)
				}
				n++
			}
		}
		if n < 1000 {
			t.Errorf("%s: only %d answers compared", name, n)
		}
	}
}

func loadSite(t *testing.T, fsys fs.FS) *site.Site {
	t.Helper()
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	cfg, err := site.LoadConfig(fsys)
	if err != nil {
		t.Fatal(err)
	}
	set, problems := content.Load(fsys, now)
	if errs := problems.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	return site.New(set, cfg, now)
}
