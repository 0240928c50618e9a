# localoffer: build the site, preview it, and test it.
GO ?= go
BIN := bin/localoffer
# make test's short fuzz runs a number of inputs, not a time, about ten
# seconds each on two cores: Go 1.26's fuzzer can fail a timed run as it
# stops, with no failing input (golang.org/issue/75804, fixed in Go 1.27).
FUZZTIME ?= 10000x
# The check that every answer line is read or listed runs fewer: each input
# is a whole generated reply.
FUZZTIME_REPLIES ?= 3000x
# A new interesting input is shrunk for at most this long, so a short fuzz
# of a large seed (a whole FOI reply) spends its time trying inputs.
FUZZMINIMIZE ?= 1s

.PHONY: build serve check test fuzz bench bench-large vet fmt clean layouts

## build: build the site from content/ into public/
build: $(BIN)
	$(BIN) build

## serve: build the site and preview it on http://127.0.0.1:1313/
serve: $(BIN)
	$(BIN) serve

## check: check content for errors without building
check: $(BIN)
	$(BIN) check

$(BIN): $(shell find cmd internal -name '*.go' -not -name '*_test.go') go.mod go.sum
	$(GO) build -o $(BIN) ./cmd/localoffer

## layouts: compile layouts/ to Go (internal/render/layouts_gen.go) after changing a template;
## a build whose layouts differ from the compiled ones runs them through html/template instead
layouts:
	$(GO) run -tags layoutc ./cmd/layoutc

## test: vet, format check, all tests, and a short fuzz of the content loader, its YAML reader and the FOI reply importer
test: vet
	@test -z "$$(gofmt -l cmd internal e2e)" || { echo "gofmt needed:"; gofmt -l cmd internal e2e; exit 1; }
	$(GO) test ./...
	$(GO) test -race ./internal/devserver ./internal/publish ./cmd/...
	$(GO) test -race ./internal/build -run 'Fragments|Reproducible'  # a whole build, on all processors
	$(GO) test ./internal/content -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)
	$(GO) test ./internal/content -run '^$$' -fuzz FuzzFastYAML -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)
	$(GO) test ./internal/reply -run '^$$' -fuzz FuzzRead -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)
	$(GO) test ./internal/reply -run '^$$' -fuzz FuzzImport -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE)
	$(GO) test ./internal/reply -run '^$$' -fuzz FuzzEveryAnswerLineIsReadOrListed -fuzztime $(FUZZTIME_REPLIES) -fuzzminimizetime $(FUZZMINIMIZE)

## e2e: run the browser tests in headless Chromium; they fail, not skip, without it
.PHONY: e2e
e2e:
	LOCALOFFER_E2E=1 $(GO) test ./e2e/ -count=1 -v

vet:
	$(GO) vet ./...

## fuzz: the five fuzz tests, five minutes each: the content loader and its YAML reader, the FOI reply reader,
## importer and the check that every answer line is recorded or listed
fuzz:
	$(GO) test ./internal/content -run '^$$' -fuzz FuzzLoad -fuzztime 5m
	$(GO) test ./internal/content -run '^$$' -fuzz FuzzFastYAML -fuzztime 5m
	$(GO) test ./internal/reply -run '^$$' -fuzz FuzzRead -fuzztime 5m
	$(GO) test ./internal/reply -run '^$$' -fuzz FuzzImport -fuzztime 5m
	$(GO) test ./internal/reply -run '^$$' -fuzz FuzzEveryAnswerLineIsReadOrListed -fuzztime 5m

## bench: measure build speed: the Go benchmarks, then localoffer and Hugo side by side
## (BENCHFLAGS passes flags to bench/sidebyside, for example BENCHFLAGS='-sizes 317 -hugo ~/go/bin/hugo')
BENCHFLAGS ?=
bench:
	$(GO) test ./... -run '^$$' -bench . -benchmem
	$(GO) run ./bench/sidebyside $(BENCHFLAGS)

## bench-large: localoffer and Hugo side by side up to 100,000 councils (about 15 to 18 minutes; Hugo's build needs up to 12 GB of memory)
bench-large:
	$(GO) run ./bench/sidebyside -sizes 317,10000,100000 $(BENCHFLAGS)

fmt:
	gofmt -w cmd internal e2e

clean:
	rm -rf public bin
