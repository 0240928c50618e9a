package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/localoffer/localoffer/internal/site"
)

// URLSet is a sitemap (sitemaps.org protocol 0.9).
type URLSet struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []SitemapURL `xml:"url"`
}

// SitemapURL is one page of a sitemap.
type SitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap lists every HTML page among pages (but 404.html) with its
// absolute address, folders as .../councils/leicester/, in address order.
// Council pages give the date their file was last checked as lastmod.
func Sitemap(s *site.Site, pages []string) ([]byte, error) {
	updated := map[string]string{}
	for _, c := range s.Councils {
		if !c.Updated.IsZero() {
			updated[c.Path()+"index.html"] = c.Updated.String()
		}
	}
	var set URLSet
	for _, p := range pages {
		if !strings.HasSuffix(p, ".html") || p == "404.html" {
			continue
		}
		set.URLs = append(set.URLs, SitemapURL{Loc: PageURL(s, p), LastMod: updated[p]})
	}
	slices.SortFunc(set.URLs, func(a, b SitemapURL) int { return strings.Compare(a.Loc, b.Loc) })
	set.URLs = slices.CompactFunc(set.URLs, func(a, b SitemapURL) bool { return a.Loc == b.Loc })
	return xmlFile(set, SitemapFile)
}

// PageURL is the absolute address of the page in file (a path in the site),
// with index.html left off.
func PageURL(s *site.Site, file string) string {
	switch {
	case file == "index.html":
		file = ""
	case strings.HasSuffix(file, "/index.html"):
		file = strings.TrimSuffix(file, "index.html")
	}
	return baseURL(s) + (&url.URL{Path: file}).EscapedPath()
}

// Robots allows every crawler everywhere and points to the sitemap.
func Robots(s *site.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + baseURL(s) + SitemapFile + "\n")
}

// xmlFile writes v as an indented XML document.
func xmlFile(v any, name string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("export %s: %w", name, err)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}
