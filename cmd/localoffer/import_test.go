package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleReply is a short FOI reply in the 2020 campaign's shape.
const sampleReply = `FOI number: **ABC\_FOI\_1**
Date FOI Received: **04/02/2020**

Q1. Have you published the Local Offer for Care Leavers in accordance with Section 2 of the Social Work Act 2017?

Answer - Yes

2. Have you exempted Care Leavers from Council Tax?

Answer - Yes, up to their 25th birthday

8. How many employees does your Local Authority employ?

Answer - circa 1,200

Contact: Jo Bloggs 07700 900123 jo.bloggs@example.gov.uk
`

func TestImportWritesADraftAndKeepsWhatIsThere(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "reply.md")
	if err := os.WriteFile(in, []byte(sampleReply), 0o644); err != nil {
		t.Fatal(err)
	}
	councils := filepath.Join(dir, "content", "councils")
	if err := os.MkdirAll(councils, 0o755); err != nil {
		t.Fatal(err)
	}
	// Leicester's file already says something about leisure and council tax.
	existing := "---\nschema: 1\ngss: E06000016\nname: Leicester City Council\ntier: unitary\nregion: East Midlands\n" +
		"default_src: old\nsources:\n  - {id: old, type: foi, title: Older reply, received: 2019-01-02}\n" +
		"council_tax:\n  exempt: {status: no} # what the older reply said\nleisure:\n  gym: yes\n---\nLeicester's own words.\n"
	file := filepath.Join(councils, "leicester.md")
	if err := os.WriteFile(file, []byte(existing), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "import", "-root", dir, "-council", "Leicester", in)
	if code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "wrote ") {
		t.Errorf("stdout = %q", stdout)
	}
	data, _ := os.ReadFile(file)
	got := string(data)
	for _, want := range []string{
		"exempt: {status: no} # what the older reply said", // kept as it was
		"gym: yes",
		"Leicester's own words.",
		"id: old",
		"id: foi-2020", "ref: ABC_FOI_1", "received: 2020-02-04",
		"published: # reply line 6", `quote: "Answer - Yes"`,
		"employees: # reply line 14", "count: 1200", "approx: true",
		"council_tax.exempt is already in the file",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the file does not have %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "07700") || strings.Contains(got, "jo.bloggs@") || strings.Contains(stderr, "07700") {
		t.Error("a person's phone number or e-mail address reached the draft")
	}
	if !strings.Contains(stderr, "not understood, line 16") {
		t.Errorf("stderr does not list the line it did not understand:\n%s", stderr)
	}
	// The draft is a valid council file.
	if code, _, stderr := runCmd(t, "check", "-root", dir); code != exitOK {
		t.Errorf("check after import: exit %d\n%s", code, stderr)
	}
	// Usage mistakes exit 2.
	// Without -council, a reply that does not say which council sent it is
	// not guessed.
	if code, _, stderr := runCmd(t, "import", "-root", dir, in); code != exitContent || !strings.Contains(stderr, "cannot tell which council replied") {
		t.Errorf("import of a reply that names no council, without -council: exit %d, want %d and why:\n%s", code, exitContent, stderr)
	}
	if code, _, _ := runCmd(t, "import", "-root", dir, "-council", "Nowhere Council", in); code != exitUsage {
		t.Errorf("import for an unknown council: exit %d, want %d", code, exitUsage)
	}
}

// TestImportManyReplies: a folder of replies in several formats, each
// council found from its text or its file's name, one summary, and a clear
// error for a file that is not a reply, without writing anything for it.
func TestImportManyReplies(t *testing.T) {
	dir := t.TempDir()
	replies := filepath.Join(dir, "replies")
	if err := os.MkdirAll(filepath.Join(dir, "content", "councils"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(replies, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(replies, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wb, err := os.ReadFile("../../internal/reply/testdata/west-berkshire.txt")
	if err != nil {
		t.Fatal(err)
	}
	write("reply-1187.txt", wb)                                                  // names its council in its text
	write("hertsmere.md", []byte(sampleReply))                                   // named after its council
	write("scan.pdf", []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF")) // no text layer
	write("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00binary"))
	code, stdout, stderr := runCmd(t, "import", "-root", dir, "-print", replies)
	if code != exitContent {
		t.Errorf("exit %d, want %d for the unreadable files", code, exitContent)
	}
	for _, want := range []string{"council_tax:", "setup_allowance:", "gbp: 3000", "ref: FOI-2026-1187", "responded: 2026-10-14", "licence: OGL-3.0"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the drafts do not have %q", want)
		}
	}
	for _, want := range []string{
		"west-berkshire.md, from", "hertsmere.md, from",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the drafts do not say %q:\n%s", want, stdout)
		}
	}
	for _, want := range []string{"reply  ", "West Berkshire", "Hertsmere", "scan.pdf", "photo.jpg", "cannot read"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the summary does not say %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
		t.Errorf("a panic:\n%s", stderr)
	}
	// -print writes nothing.
	if entries, _ := os.ReadDir(filepath.Join(dir, "content", "councils")); len(entries) != 0 {
		t.Errorf("-print wrote %d files", len(entries))
	}
}
