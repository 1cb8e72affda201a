# LegCare: two commands do everything on a fresh Debian machine with Swift.
#   make report   set up, build (release), run on the sample Input/
#   make test     set up, then the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
# The sample Input/ was made for the week of 2026-11-23: while Input/ is the committed
# sample (git sees no change there), make report shows that week unless AS_OF is given;
# with your own files in Input/, it is today, as legcare report itself defaults to.
SAMPLE_AS_OF := $(shell git diff --quiet HEAD -- Input 2>/dev/null && git ls-files --error-unmatch Input/clients.csv >/dev/null 2>&1 && echo 2026-11-23)
CLIENTS ?=
AS_OF ?= $(if $(CLIENTS),,$(SAMPLE_AS_OF))
REPORT_ARGS ?= $(if $(AS_OF),--as-of $(AS_OF),) $(if $(CLIENTS),--clients $(CLIENTS),)
PYTHON ?= python3
# The release build links the Swift runtime and Foundation statically: less memory and a
# binary that needs none of the toolchain's libraries (docs/performance.md).
RELEASE_FLAGS ?= --static-swift-stdlib

.PHONY: report test setup deps pydeps build lint bench compare clean fuzz check tsan

## setup: system packages (libxlsxwriter) and the Python reader used by tests.
setup: deps pydeps

## deps: libxlsxwriter, ISA-L (the workbook check's inflating and CRC-32, and the workbook's
## deflating) and zlib's headers (the deflate entry points ISA-L stands in for).
deps:
	@if pkg-config --exists xlsxwriter libisal zlib 2>/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing libxlsxwriter-dev, libisal-dev, zlib1g-dev and pkg-config with apt-get..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxlsxwriter-dev libisal-dev zlib1g-dev pkg-config >/dev/null; \
	else \
		echo "libxlsxwriter, ISA-L or zlib's headers are missing. Run:  sudo apt-get install -y libxlsxwriter-dev libisal-dev zlib1g-dev pkg-config"; exit 1; \
	fi

pydeps:
	@$(PYTHON) -c "import openpyxl" 2>/dev/null || $(PYTHON) -m pip install -q openpyxl

build: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

## report: the week's reports from Input/ into Reports/<ISO week>/ (exit 3 = some rows rejected: see input-issues.csv).
report: build
	@status=0; .build/release/legcare report $(REPORT_ARGS) || status=$$?; \
	if [ $$status -eq 3 ]; then echo "Some input rows were rejected: see input-issues.csv in the run folder."; status=0; fi; \
	exit $$status

## test: the whole suite, in a temporary folder of its own that must be empty again after
## (SwiftPM's own locks and scratch folders aside): tests remove what they create.
test: setup
	$(SWIFT) build --build-tests -Xswiftc -warnings-as-errors
	@tmp=$$(mktemp -d); status=0; TMPDIR=$$tmp $(SWIFT) test --skip-build || status=$$?; \
	left=$$(ls -A "$$tmp" | grep -v -e '^TemporaryDirectory\.' -e '\.lock$$' || true); rm -rf "$$tmp"; \
	if [ -n "$$left" ]; then echo "make test: tests left files behind in the temporary folder: $$left"; status=1; fi; \
	exit $$status

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

## bench: this build against REF's (default HEAD) in the same run, beside the floors.
REF ?= HEAD
bench: deps pydeps
	$(SWIFT) build -c release $(RELEASE_FLAGS)
	REF=$(REF) bash scripts/bench.sh

## compare: every output of this build against REF's, byte for byte (scripts/compare.sh).
compare: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)
	bash scripts/compare.sh $(REF)

## fuzz: each libFuzzer target (CSV reader, clients validation, file namer, clinic.yaml) for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

## check: the whole test suite under the address sanitizer (its own build folder).
check: setup
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0 \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

## tsan: the end-to-end and report tests under the thread sanitizer (the workbook runs on its own thread).
tsan: setup
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter "EndToEndTests|LegCareReportsTests"

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz .build-ref Fuzz/.build
	git worktree prune
