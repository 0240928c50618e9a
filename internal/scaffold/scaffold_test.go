package scaffold

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/localoffer/localoffer/internal/content"
	"github.com/localoffer/localoffer/internal/offer"
	"github.com/localoffer/localoffer/internal/registry"
)

var now = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

func load(t *testing.T, files map[string]string) (*content.Set, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["content/councils/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	set, problems := content.Load(fsys, now)
	var out []string
	for _, p := range problems.Errors() { // warnings of missing districts are not these tests' business
		out = append(out, p.String())
	}
	return set, out
}

func council(t *testing.T, gss string) registry.Council {
	t.Helper()
	c, ok := registry.ByGSS(gss)
	if !ok {
		t.Fatalf("no council %s", gss)
	}
	return c
}

// A new file is valid content as it stands.
func TestNewFileIsValid(t *testing.T) {
	herts, hertsmere := council(t, "E10000015"), council(t, "E07000098")
	set, problems := load(t, map[string]string{
		"hertfordshire.md": File(herts, offer.Date{Year: 2026, Month: 11, Day: 23}),
		"hertsmere.md":     File(hertsmere, offer.Date{Year: 2026, Month: 11, Day: 23}),
	})
	if len(problems) > 0 {
		t.Fatalf("a new file has problems:\n%s", strings.Join(problems, "\n"))
	}
	c := set.Councils[1]
	if c.GSS != "E07000098" || c.Name != "Hertsmere Borough Council" || c.ShortName != "Hertsmere" || c.Tier != "district" || c.Parent != "E10000015" || c.Region != "East of England" {
		t.Errorf("decoded identity %+v", c)
	}
}

// commentedKey matches a commented-out section, group or question: a key with
// no value, perhaps followed by a comment.
var commentedKey = regexp.MustCompile(`^# ( *[a-z_0-9]+:)(  #.*)?$`)

// Uncommenting every question gives exactly the catalogue's keys for the
// council's tier, nested as the checker expects: each is reported as having
// no value yet, under its full key.
func TestEveryQuestionIsThereAndNestsRight(t *testing.T) {
	for _, gss := range []string{"E07000098", "E10000015", "E06000016"} {
		c := council(t, gss)
		var lines []string
		for _, line := range strings.Split(File(c, offer.Date{Year: 2026}), "\n") {
			if m := commentedKey.FindStringSubmatch(line); m != nil && m[1] != "sources:" {
				line = m[1]
			}
			lines = append(lines, line)
		}
		files := map[string]string{"x.md": strings.Join(lines, "\n")}
		if c.Parent != "" {
			files["county.md"] = File(council(t, c.Parent), offer.Date{Year: 2026})
		}
		_, problems := load(t, files)
		got := map[string]bool{}
		for _, p := range problems {
			// content/councils/x.md:L:C: key: want ..., got nothing
			parts := strings.SplitN(p, ": ", 3)
			switch {
			case len(parts) == 3 && strings.HasPrefix(parts[2], "no source"):
				continue // every answer needs a source, and this file has none
			case len(parts) < 3 || !strings.HasSuffix(parts[2], "got nothing"):
				t.Errorf("%s: unexpected problem %s", c.Name, p)
				continue
			}
			got[parts[1]] = true
		}
		for _, q := range offer.ForTier(c.Tier) {
			if !got[q.Key] {
				t.Errorf("%s: uncommenting the template does not give %s", c.Name, q.Key)
			}
			delete(got, q.Key)
		}
		for k := range got {
			t.Errorf("%s: the template has %s, which it should not ask a %s", c.Name, k, c.Tier)
		}
	}
}
