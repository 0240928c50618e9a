package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// runCmd runs the command line and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("SOURCE_DATE_EPOCH", "1797292800") // 2026-12-15
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// brokenProject writes a project whose one council file has two mistakes.
func brokenProject(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "content", "councils", "leicester.md")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "---\ngss: E06000016\nname: Leicester City Council\ntier: unitary\nregoin: East Midlands\ncouncil_tax:\n  exempt: {status: yes, to_age: twenty}\n---\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestUsageMistakesExit2(t *testing.T) {
	for _, args := range [][]string{
		nil,
		{"bulid"},
		{"build", "-nope"},
		{"build", "extra"},
		{"check", "-format", "xml"},
	} {
		if code, _, stderr := runCmd(t, args...); code != exitUsage || stderr == "" {
			t.Errorf("localoffer %s: exit %d with message %q, want exit 2 and a message", strings.Join(args, " "), code, stderr)
		}
	}
	if code, _, stderr := runCmd(t, "help"); code != exitOK || !strings.Contains(stderr, "build") {
		t.Errorf("help: exit %d, %q", code, stderr)
	}
}

func TestCheckRealContent(t *testing.T) {
	code, stdout, stderr := runCmd(t, "check", "-root", "../..")
	if code != exitOK {
		t.Fatalf("check on the real content: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "317 councils, ") {
		t.Errorf("stdout = %q", stdout)
	}
	// Warnings are counted, not listed, unless asked for.
	if !strings.Contains(stderr, "warnings (list them with -v):") || !strings.Contains(stderr, "× not looked for yet") && !strings.Contains(stderr, "× no answers yet") || strings.Contains(stderr, "hertsmere.md") {
		t.Errorf("stderr = %q, want a summary of warnings", stderr)
	}
	_, _, stderr = runCmd(t, "check", "-root", "../..", "-v")
	if !strings.Contains(stderr, "content/councils/hertsmere.md:39:3: warning: council_tax.exempt: from 4 February 2020, more than 18 months ago: check it is still true") {
		t.Errorf("check -v does not list the warning for Hertsmere's council tax answer:\n%s", stderr)
	}
	code, stdout, _ = runCmd(t, "check", "-root", "../..", "-format", "github")
	if code != exitOK || !strings.Contains(stdout, "::warning file=content/councils/hertsmere.md,line=39,col=3::council_tax.exempt: from 4 February 2020") {
		t.Errorf("check -format github: exit %d, no warning annotation for Hertsmere", code)
	}
}

func TestCheckReportsEveryProblemWithItsPosition(t *testing.T) {
	dir := brokenProject(t)
	code, _, stderr := runCmd(t, "check", "-root", dir)
	if code != exitContent {
		t.Errorf("exit %d, want 1", code)
	}
	want := `content/councils/leicester.md:2:1: missing required key "region"
content/councils/leicester.md:5:1: regoin: unknown key (did you mean "region"?)
content/councils/leicester.md:7:11: council_tax.exempt: no source: add src to the answer, or default_src to the file
content/councils/leicester.md:7:33: council_tax.exempt.to_age: want an age from 14 to 30, got "twenty"
4 errors
`
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
}

func TestCheckGitHubAnnotations(t *testing.T) {
	code, stdout, _ := runCmd(t, "check", "-root", brokenProject(t), "-format", "github")
	if code != exitContent {
		t.Errorf("exit %d, want 1", code)
	}
	want := `::error file=content/councils/leicester.md,line=5,col=1::regoin: unknown key (did you mean "region"?)`
	if !strings.Contains(stdout, want+"\n") {
		t.Errorf("stdout:\n%s\nwant a line:\n%s", stdout, want)
	}
}

func TestBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd(t, "build", "-root", "../..", "-out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "built ") {
		t.Errorf("stdout = %q", stdout)
	}
	if strings.Contains(stderr, "make layouts") {
		t.Errorf("the project's own layouts are compiled, but the build says:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "councils", "leicester", "index.html")); err != nil {
		t.Error(err)
	}

	code, _, stderr = runCmd(t, "build", "-root", brokenProject(t), "-out", out)
	if code != exitContent || !strings.Contains(stderr, "was not changed") {
		t.Errorf("broken build: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "councils", "leicester", "index.html")); err != nil {
		t.Errorf("a failed build changed the site: %v", err)
	}
}

// TestBuildWithEditedLayouts: a template changed since the layouts were
// compiled still shows on the site, and the build says how to make it
// fast again.
func TestBuildWithEditedLayouts(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"content", "layouts", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("../..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"site.yaml"} {
		data, err := os.ReadFile(filepath.Join("../..", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	footer := filepath.Join(dir, "layouts", "partials", "footer.html")
	data, err := os.ReadFile(footer)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "No cookies, no tracking.", "No cookies, no tracking, ever.", 1)
	if edited == string(data) {
		t.Fatal("the footer no longer says what this test edits")
	}
	if err := os.WriteFile(footer, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runCmd(t, "build", "-root", dir, "-out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if n := strings.Count(stderr, "run make layouts"); n != 1 {
		t.Errorf("the build says %d times to run make layouts, want once:\n%s", n, stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "councils", "leicester", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "No cookies, no tracking, ever.") {
		t.Error("Leicester's page does not show the edited footer")
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := runCmd(t, "new", "-root", dir, "Three Rivers")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	file := filepath.Join(dir, "content", "councils", "three-rivers.md")
	if !strings.Contains(stdout, file) {
		t.Errorf("stdout %q does not name %s", stdout, file)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"gss: E07000102\n", "parent: E10000015 # Hertfordshire County Council\n", "#   exempt:  # yes/no."} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the new file lacks %q", want)
		}
	}
	// The same council again is refused, and the file is kept.
	if code, _, stderr := runCmd(t, "new", "-root", dir, "E07000102"); code != exitUsage || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCmd(t, "new", "-root", dir, "shire"); code != exitUsage || !strings.Contains(stderr, "E10000015  Hertfordshire County Council") {
		t.Errorf("ambiguous name: exit %d, %q", code, stderr)
	}
	if code, _, _ := runCmd(t, "new", "-root", dir, "Atlantis"); code != exitUsage {
		t.Errorf("unknown council: exit %d", code)
	}
}

// TestBuildWithoutHistory: a copy of the project that is not a git
// repository (a download, or a folder copied elsewhere) builds, lists no
// changes, and says so once.
func TestBuildWithoutHistory(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../..")); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, ".git")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd(t, "build", "-root", dir, "-out", out)
	if code != exitOK || !strings.HasPrefix(stdout, "built ") {
		t.Fatalf("exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	if n := strings.Count(stderr, "no git history"); n != 1 {
		t.Errorf("the build says %d times that it has no git history, want once:\n%s", n, stderr)
	}
	feed, err := os.ReadFile(filepath.Join(out, "councils", "leicester", "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(feed), "<entry>") {
		t.Error("Leicester's feed has no entry without history; want the day its facts were checked")
	}
}

// A build keeps the runtime's memory near 1500 MiB unless GOMEMLIMIT says
// otherwise, and a build run in this process leaves the limit as it was.
func TestBuildMemoryLimit(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	if limit, ok := memoryLimit(getenv); !ok || limit != 1500<<20 {
		t.Errorf("no GOMEMLIMIT: limit %d, %v; want 1500 MiB", limit, ok)
	}
	env["GOMEMLIMIT"] = "8GiB"
	if _, ok := memoryLimit(getenv); ok {
		t.Error("GOMEMLIMIT=8GiB: the build set a limit of its own")
	}
	before := debug.SetMemoryLimit(-1)
	if code, _, stderr := runCmd(t, "build", "-root", "../..", "-out", filepath.Join(t.TempDir(), "public")); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Errorf("memory limit after a build: %d, want %d as before", after, before)
	}
}
