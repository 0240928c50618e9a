package publish

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"strings"
)

// HeadersFile is where static hosts such as Netlify and Cloudflare Pages
// look for the response headers to send.
const HeadersFile = "_headers"

// Policy is the Content-Security-Policy of every page: scripts, styles and
// everything else only from the site itself, nothing inline, no framing.
// connect lists other origins that scripts may fetch from when a user asks
// (such as a postcode lookup); it may be empty.
func Policy(connect ...string) string {
	return strings.Join(append(policy(connect), "frame-ancestors 'none'"), "; ")
}

// MetaPolicy is Policy as a page's <meta http-equiv> can carry it, for hosts
// that do not send _headers (GitHub Pages): browsers ignore frame-ancestors
// there, so it is left out.
func MetaPolicy(connect ...string) string { return strings.Join(policy(connect), "; ") }

func policy(connect []string) []string {
	return []string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self'",
		"connect-src " + strings.Join(append([]string{"'self'"}, connect...), " "),
		"worker-src 'self'",
		"manifest-src 'self'",
		"base-uri 'none'",
		"form-action 'self'",
	}
}

// SecurityHeaders are the headers every response of the site carries.
func SecurityHeaders(connect ...string) http.Header {
	return http.Header{
		"Content-Security-Policy": {Policy(connect...)},
		"X-Content-Type-Options":  {"nosniff"},
		"Referrer-Policy":         {"no-referrer"},
		"Permissions-Policy":      {"camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
		"X-Frame-Options":         {"DENY"},
	}
}

// Headers writes the _headers file that applies SecurityHeaders to every path.
func Headers(connect ...string) File {
	var b bytes.Buffer
	b.WriteString("/*\n")
	h := SecurityHeaders(connect...)
	for _, name := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options"} {
		fmt.Fprintf(&b, "  %s: %s\n", name, h.Get(name))
	}
	return File{Path: HeadersFile, Data: b.Bytes()}
}

// ParseHeaders reads a _headers file and returns the headers for every path
// (the /* rule), for servers that stand in for a static host.
func ParseHeaders(data []byte) (http.Header, error) {
	h := http.Header{}
	all := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#"):
		case line[0] != ' ' && line[0] != '\t':
			all = strings.TrimSpace(line) == "/*"
		case all:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				return nil, fmt.Errorf("%s:%d: want Name: value, got %q", HeadersFile, n, strings.TrimSpace(line))
			}
			h.Add(strings.TrimSpace(name), strings.TrimSpace(value))
		}
	}
	return h, sc.Err()
}
