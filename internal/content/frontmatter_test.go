package content

import "testing"

func TestFrontmatterCutsAsTheLoaderReads(t *testing.T) {
	for _, tc := range []struct {
		name, src, front, body string
		ok                     bool
	}{
		{"plain", "---\nschema: 1\n---\nBody.\n", "schema: 1\n", "Body.\n", true},
		{"blank lines first", "\n\n---\nschema: 1\n---\n\nBody.\n", "schema: 1\n", "\nBody.\n", true},
		{"windows line ends", "---\r\nschema: 1\r\n---\r\nBody.\r\n", "schema: 1\r\n", "Body.\r\n", true},
		{"no body", "---\nschema: 1\n---", "schema: 1\n", "", true},
		{"a longer line of dashes is not the end", "---\na: 1\n----\nb: 2\n---\n", "a: 1\n----\nb: 2\n", "", true},
		{"never closed", "---\nschema: 1\n", "", "", false},
		{"no frontmatter", "schema: 1\n", "", "", false},
	} {
		front, body, ok := Frontmatter([]byte(tc.src))
		if ok != tc.ok || string(front) != tc.front || string(body) != tc.body {
			t.Errorf("%s: got %q, %q, %v; want %q, %q, %v", tc.name, front, body, ok, tc.front, tc.body, tc.ok)
		}
	}
}
