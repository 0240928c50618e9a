package site

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"
)

// ConfigFile is the site's settings file, at the project root.
const ConfigFile = "site.yaml"

// Config holds the site's settings.
type Config struct {
	Title      string // the site's name
	ShortTitle string // its name under an icon on a phone's home screen, 12 letters or so
	Repository string // web address of the source repository, for edit links
	Branch     string // branch that edit links point at
	BasePath   string // path the site is served under; only the 404 page needs it
	// BaseURL is the site's full public address, for the few files that need
	// absolute links: the sitemap and the Atom feed.
	BaseURL  string
	Language string // the pages' lang attribute
	// PostcodeAPI is the postcode lookup service that the search page offers
	// to ask, only when the user chooses to; its origin is the only one the
	// pages' security policy lets scripts reach besides the site's own.
	PostcodeAPI string
}

// DefaultConfig is used for anything site.yaml leaves out.
var DefaultConfig = Config{
	Title:       "Care leaver local offers",
	ShortTitle:  "Local offers",
	Repository:  "https://github.com/localoffer/localoffer",
	Branch:      "main",
	BasePath:    "/",
	BaseURL:     "https://localoffer.github.io/localoffer/",
	Language:    "en-GB",
	PostcodeAPI: "https://api.postcodes.io",
}

// LoadConfig reads site.yaml from fsys, if there is one.
func LoadConfig(fsys fs.FS) (Config, error) {
	cfg := DefaultConfig
	src, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return cfg, fmt.Errorf("%s: %s", ConfigFile, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return cfg, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return cfg, fmt.Errorf("%s:%d:%d: want key: value pairs", ConfigFile, root.Line, root.Column)
	}
	fields := map[string]*string{"title": &cfg.Title, "short_title": &cfg.ShortTitle, "repository": &cfg.Repository, "branch": &cfg.Branch, "base_path": &cfg.BasePath, "base_url": &cfg.BaseURL, "language": &cfg.Language, "postcode_api": &cfg.PostcodeAPI}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		field, ok := fields[k.Value]
		switch {
		case !ok:
			return cfg, fmt.Errorf("%s:%d:%d: %s: unknown key", ConfigFile, k.Line, k.Column, k.Value)
		case v.Kind != yaml.ScalarNode || v.Value == "":
			return cfg, fmt.Errorf("%s:%d:%d: %s: want text", ConfigFile, v.Line, v.Column, k.Value)
		}
		*field = v.Value
	}
	if !strings.HasPrefix(cfg.BasePath, "/") || !strings.HasSuffix(cfg.BasePath, "/") {
		return cfg, fmt.Errorf("%s: base_path: want a path that starts and ends with /, got %q", ConfigFile, cfg.BasePath)
	}
	if u, err := url.Parse(cfg.BaseURL); err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || !strings.HasSuffix(cfg.BaseURL, "/") {
		return cfg, fmt.Errorf("%s: base_url: want the site's full address ending in /, such as https://example.org/offers/, got %q", ConfigFile, cfg.BaseURL)
	}
	if !strings.HasPrefix(cfg.Repository, "https://") {
		return cfg, fmt.Errorf("%s: repository: want an https address, got %q", ConfigFile, cfg.Repository)
	}
	if u, err := url.Parse(cfg.PostcodeAPI); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Path != "" && u.Path != "/" {
		return cfg, fmt.Errorf("%s: postcode_api: want the address of a service, such as https://api.postcodes.io, got %q", ConfigFile, cfg.PostcodeAPI)
	}
	cfg.PostcodeAPI = strings.TrimSuffix(cfg.PostcodeAPI, "/")
	return cfg, nil
}

// EditURL is the address for editing a content file in the repository.
func (c Config) EditURL(file string) string {
	return strings.TrimSuffix(c.Repository, "/") + "/edit/" + c.Branch + "/" + file
}

// ReportURL is the address for reporting that a council's offer has
// changed: a new issue from the repository's template, titled for it.
func (c Config) ReportURL(council string) string {
	return strings.TrimSuffix(c.Repository, "/") + "/issues/new?template=offer-changed.yml&title=" + url.QueryEscape("Offer changed: "+council)
}
