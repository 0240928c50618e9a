package publish

import "encoding/json"

// ManifestFile is the web app manifest's name in the site.
const ManifestFile = "manifest.webmanifest"

// ThemeColour is the colour of the site's bar and icon (style.css --brand).
const ThemeColour = "#0b2b3c"

// Manifest is the web app manifest that lets a phone add the site to its
// home screen like an app: its names, language, icons and colours. Its
// addresses are relative to the manifest, at the site's root, so it works
// under any sub-path.
func Manifest(name, shortName, lang string) File {
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose,omitempty"`
	}
	doc := struct {
		Name       string `json:"name"`
		ShortName  string `json:"short_name"`
		Lang       string `json:"lang"`
		StartURL   string `json:"start_url"`
		Scope      string `json:"scope"`
		Display    string `json:"display"`
		Background string `json:"background_color"`
		Theme      string `json:"theme_color"`
		Icons      []icon `json:"icons"`
	}{
		Name: name, ShortName: shortName, Lang: lang, StartURL: "./", Scope: "./", Display: "standalone",
		Background: "#ffffff", Theme: ThemeColour,
		Icons: []icon{
			{"icon.svg", "any", "image/svg+xml", ""},
			{"icon-192.png", "192x192", "image/png", "any"},
			{"icon-512.png", "512x512", "image/png", "any maskable"},
		},
	}
	data, _ := json.MarshalIndent(doc, "", " ") // a struct of strings always encodes
	return File{ManifestFile, append(data, '\n')}
}
