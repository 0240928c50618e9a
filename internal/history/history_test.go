package history_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/localoffer/localoffer/internal/build"
	"github.com/localoffer/localoffer/internal/history"
)

var now = time.Date(2026, 12, 15, 0, 0, 0, 0, time.UTC)

// run runs git in dir, committing as a test author at the given date.
func run(t *testing.T, dir, date string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.org",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.org",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// repository makes a git repository holding Leicester's file in two
// commits: as it is, then with free leisure lasting until 23, not 21.
func repository(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	src, err := os.ReadFile("../../content/councils/leicester.md")
	if err != nil {
		t.Fatal(err)
	}
	before := []byte("leisure:\n  free_access:\n    status: yes\n    to_age: 21")
	if !bytes.Contains(src, before) {
		t.Fatal("Leicester's file no longer has the free leisure answer this test changes")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "content", "councils", "leicester.md")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "2026-01-10T09:00:00Z", "init", "-q", "-b", "main")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "2026-01-10T09:00:00Z", "add", ".")
	run(t, dir, "2026-01-10T09:00:00Z", "commit", "-q", "-m", "Leicester's offer")
	after := bytes.Replace(src, before, []byte("leisure:\n  free_access:\n    status: yes\n    to_age: 23"), 1)
	if err := os.WriteFile(file, after, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "2026-03-05T14:30:00Z", "commit", "-q", "-am", "Leicester: free leisure until 23")
	return dir
}

// TestTwoCommitsChangingOneAnswer: the history holds both versions of
// Leicester's file; the newer commit changed one answer, with its date and
// the answer before and after.
func TestTwoCommitsChangingOneAnswer(t *testing.T) {
	log, err := history.Read(repository(t), now)
	if err != nil {
		t.Fatal(err)
	}
	entries := log.Of("content/councils/leicester.md")
	if len(entries) != 2 {
		t.Fatalf("%d entries, want the first version and the change", len(entries))
	}
	latest, first := entries[0], entries[1]
	if !first.First || latest.First {
		t.Errorf("the entries are not newest first: %+v", entries)
	}
	if want := time.Date(2026, 3, 5, 14, 30, 0, 0, time.UTC); !latest.Date.Equal(want) || latest.Subject != "Leicester: free leisure until 23" {
		t.Errorf("the change is dated %s (%q), want the commit's date %s", latest.Date, latest.Subject, want)
	}
	if len(latest.Changes) != 1 {
		t.Fatalf("the change changed %d answers, want 1: %+v", len(latest.Changes), latest.Changes)
	}
	ch := latest.Changes[0]
	if ch.Question.Key != "leisure.free_access" || ch.Old.ToAge != 21 || ch.New.ToAge != 23 {
		t.Errorf("the change is %s from %+v to %+v, want free leisure from 21 to 23", ch.Question.Key, ch.Old, ch.New)
	}
}

// TestCouncilFeedShowsTheChange: built with that history, Leicester's
// feed has the change, with its real date and both answers in words.
func TestCouncilFeedShowsTheChange(t *testing.T) {
	log, err := history.Read(repository(t), now)
	if err != nil {
		t.Fatal(err)
	}
	res, err := build.Site(os.DirFS("../.."), now, build.WithHistory(func() *history.Log { return log }))
	if err != nil {
		t.Fatal(err)
	}
	var feed, page string
	for _, f := range res.Files {
		switch f.Path {
		case "councils/leicester/feed.xml":
			feed = string(f.Data)
		case "councils/leicester/index.html":
			page = string(f.Data)
		}
	}
	want := "Free leisure: Yes, until your 21st birthday → Yes, until your 23rd birthday"
	if !strings.Contains(feed, "<title>"+want+"</title>") || !strings.Contains(feed, "<updated>2026-03-05T14:30:00Z</updated>") {
		t.Errorf("Leicester's feed does not show the change with both answers and its date:\n%s", feed)
	}
	if !strings.Contains(page, want) || !strings.Contains(page, `<time datetime="2026-03-05">5 March 2026</time>`) {
		t.Error("Leicester's page does not list the change with its date")
	}
}

// TestNoHistory: a folder that is not a repository, or a shallow clone,
// has no history to read, and says why.
func TestNoHistory(t *testing.T) {
	if _, err := history.Read(t.TempDir(), now); !errors.Is(err, history.ErrNoHistory) {
		t.Errorf("a folder with no repository: %v, want ErrNoHistory", err)
	}
	shallow := filepath.Join(t.TempDir(), "shallow")
	run(t, ".", "2026-01-01T00:00:00Z", "clone", "-q", "--depth", "1", "file://"+repository(t), shallow)
	if _, err := history.Read(shallow, now); !errors.Is(err, history.ErrNoHistory) || !strings.Contains(err.Error(), "shallow") {
		t.Errorf("a shallow clone: %v, want ErrNoHistory saying it is shallow", err)
	}
}

// TestCachedHistoryIsTheSame: the history kept between builds reads back
// as it was read, and a new commit to the council files is seen.
func TestCachedHistoryIsTheSame(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	dir := repository(t)
	want, err := history.Read(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the first reads and keeps it, the second reads it back
		got, err := history.ReadCached(dir, now)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the cached history differs from the history:\n got %+v\nwant %+v", got, want)
		}
	}
	file := filepath.Join(dir, "content", "councils", "leicester.md")
	src, _ := os.ReadFile(file)
	if err := os.WriteFile(file, bytes.Replace(src, []byte("to_age: 23"), []byte("to_age: 24"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "2026-04-01T10:00:00Z", "commit", "-q", "-am", "Leicester: free leisure until 24")
	got, err := history.ReadCached(dir, now)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Of("content/councils/leicester.md")); n != 3 {
		t.Errorf("after a new commit the cached history has %d entries, want 3", n)
	}
}
