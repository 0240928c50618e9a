package devserver

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/localoffer/localoffer/internal/publish"
)

func TestServesLikeAStaticHost(t *testing.T) {
	s := &Site{}
	s.Set([]publish.File{
		{Path: "index.html", Data: []byte("home")},
		{Path: "councils/leicester/index.html", Data: []byte("leicester")},
		{Path: "assets/style.0123456789.css", Data: []byte("body{}")},
		{Path: "404.html", Data: []byte("not found")},
		publish.Headers(),
	})
	for _, tc := range []struct {
		method, path string
		code         int
		body, ctype  string
	}{
		{"GET", "/", 200, "home", "text/html; charset=utf-8"},
		{"GET", "/councils/leicester/", 200, "leicester", "text/html; charset=utf-8"},
		{"GET", "/councils/leicester/index.html", 200, "leicester", "text/html; charset=utf-8"},
		{"GET", "/assets/style.0123456789.css", 200, "body{}", "text/css; charset=utf-8"},
		{"GET", "/councils/nowhere/", 404, "not found", "text/html; charset=utf-8"},
		{"GET", "/../../etc/passwd", 404, "not found", "text/html; charset=utf-8"},
		{"GET", "/_headers", 404, "not found", "text/html; charset=utf-8"},
		{"HEAD", "/", 200, "", "text/html; charset=utf-8"},
		{"POST", "/", 405, "method not allowed\n", "text/plain; charset=utf-8"},
	} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		body, _ := io.ReadAll(rec.Body)
		if rec.Code != tc.code || string(body) != tc.body || rec.Header().Get("Content-Type") != tc.ctype {
			t.Errorf("%s %s: %d %q %q, want %d %q %q", tc.method, tc.path, rec.Code, body, rec.Header().Get("Content-Type"), tc.code, tc.body, tc.ctype)
		}
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if csp := rec.Header().Get("Content-Security-Policy"); csp != publish.Policy() {
		t.Errorf("Content-Security-Policy %q, want the site's policy", csp)
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/councils/leicester", nil))
	if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/councils/leicester/" {
		t.Errorf("a folder without its slash: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
}
