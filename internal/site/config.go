package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"gopkg.in/yaml.v3"
)

// ConfigFile is the site's settings file, at the project root.
const ConfigFile = "site.yaml"

// Config holds the site's settings.
type Config struct {
	Title      string `yaml:"title"`      // the site's name
	Repository string `yaml:"repository"` // web address of the source repository, for edit links
	Branch     string `yaml:"branch"`     // branch that edit links point at
	BasePath   string `yaml:"base_path"`  // path the site is served under; only the 404 page needs it
	Language   string `yaml:"language"`   // the pages' lang attribute
}

// DefaultConfig is used for anything site.yaml leaves out.
var DefaultConfig = Config{
	Title:      "Care leaver local offers",
	Repository: "https://github.com/localoffer/localoffer",
	Branch:     "main",
	BasePath:   "/",
	Language:   "en-GB",
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
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && err.Error() != "EOF" {
		return cfg, fmt.Errorf("%s: %s", ConfigFile, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if !strings.HasPrefix(cfg.BasePath, "/") || !strings.HasSuffix(cfg.BasePath, "/") {
		return cfg, fmt.Errorf("%s: base_path: want a path that starts and ends with /, got %q", ConfigFile, cfg.BasePath)
	}
	if !strings.HasPrefix(cfg.Repository, "https://") {
		return cfg, fmt.Errorf("%s: repository: want an https address, got %q", ConfigFile, cfg.Repository)
	}
	return cfg, nil
}

// EditURL is the address for editing a content file in the repository.
func (c Config) EditURL(file string) string {
	return strings.TrimSuffix(c.Repository, "/") + "/edit/" + c.Branch + "/" + file
}
