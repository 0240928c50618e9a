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
	if code, _, _ := runCmd(t, "import", "-root", dir, in); code != exitUsage {
		t.Errorf("import without -council: exit %d, want %d", code, exitUsage)
	}
	if code, _, _ := runCmd(t, "import", "-root", dir, "-council", "Nowhere Council", in); code != exitUsage {
		t.Errorf("import for an unknown council: exit %d, want %d", code, exitUsage)
	}
}
