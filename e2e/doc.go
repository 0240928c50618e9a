// Package e2e holds the browser tests of the site: it builds the real site in
// memory, serves it on 127.0.0.1 as a static host would (with the security
// headers of its _headers file) and drives a headless Chromium over the
// DevTools protocol to check every page template for console errors, failed
// requests, security policy violations, axe-core accessibility violations,
// keyboard access and layout at 320 CSS pixels, and that the site works
// without JavaScript and opened from disk.
//
// The tests skip when Chromium is not installed, unless LOCALOFFER_E2E=1 is
// set, when a missing Chromium fails them. Run them with `make e2e`.
// LOCALOFFER_CHROMIUM names another Chromium or Chrome binary, and
// LOCALOFFER_E2E_OUT the folder for the screenshots (by default
// localoffer-e2e in the system's temporary folder).
//
// The package has no code of its own; everything is in its _test.go files.
package e2e
