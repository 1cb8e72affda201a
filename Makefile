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
# binary that needs none of the toolchain's libraries (docs/performance.md). The include
# folder carries the commit for `legcare --version` (Sources/CBuildInfo).
BUILD_INFO := $(CURDIR)/.build/build-info
RELEASE_FLAGS ?= --static-swift-stdlib -Xcc -I$(BUILD_INFO)
# The version, from its one place; install folders (PREFIX, DESTDIR) as usual.
VERSION := $(shell sed -n 's/^    static let number = "\(.*\)"$$/\1/p' Sources/legcare/Version.swift)
PREFIX ?= /usr/local
DESTDIR ?=
MANPAGE := .build-man/plugins/GenerateManual/outputs/legcare/legcare.1
COMPLETIONS := .build/completions

.PHONY: report test setup deps pydeps build build-info lint bench compare clean fuzz check tsan man completions install install-files uninstall deb package-check

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

build: deps build-info
	$(SWIFT) build -c release $(RELEASE_FLAGS)

## build-info: the commit for --version (none at the release's tag; "+changes" with edits),
## rewritten only when it changes, so an unchanged tree does not rebuild; SwiftPM does not
## see a header change outside the package, so Version.swift is touched to recompile it.
build-info:
	@mkdir -p $(BUILD_INFO); \
	if git describe --tags --exact-match --match "v$(VERSION)" >/dev/null 2>&1; then commit=""; \
	else commit=$$(git rev-parse --short HEAD 2>/dev/null || true); \
		if [ -n "$$commit" ] && [ -n "$$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$$commit+changes"; fi; \
	fi; \
	printf '#define LEGCARE_COMMIT "%s"\n' "$$commit" > $(BUILD_INFO)/next.h; \
	if ! cmp -s $(BUILD_INFO)/next.h $(BUILD_INFO)/legcare_commit.h; then \
		cp $(BUILD_INFO)/next.h $(BUILD_INFO)/legcare_commit.h; touch Sources/legcare/Version.swift; \
	fi; \
	rm -f $(BUILD_INFO)/next.h

## man: the manual page, made from the same definitions as --help by swift-argument-parser's
## plugin, in a build folder of its own (its release build has no static runtime, and in
## .build it would replace the one `make build` made).
man: deps
	$(SWIFT) package --scratch-path .build-man plugin generate-manual >/dev/null
	@test -s $(MANPAGE)

## completions: bash, zsh and fish completion scripts, from the argument parser.
completions: build
	@mkdir -p $(COMPLETIONS)
	.build/release/legcare --generate-completion-script bash > $(COMPLETIONS)/legcare.bash
	.build/release/legcare --generate-completion-script zsh > $(COMPLETIONS)/_legcare
	.build/release/legcare --generate-completion-script fish > $(COMPLETIONS)/legcare.fish

## install: the binary, the handout template and language catalogs, the manual page and completions under
## $(DESTDIR)$(PREFIX) (default /usr/local); uninstall removes them.
install: build man completions
	@$(MAKE) --no-print-directory install-files

install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/legcare/templates $(DESTDIR)$(PREFIX)/share/legcare/catalogs \
		$(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 .build/release/legcare $(DESTDIR)$(PREFIX)/bin/legcare
	install -m 0644 Sources/LegCareReports/Templates/handout.mustache $(DESTDIR)$(PREFIX)/share/legcare/templates/handout.mustache
	install -m 0644 Sources/LegCareReports/Catalogs/*.catalog $(DESTDIR)$(PREFIX)/share/legcare/catalogs/
	install -m 0644 $(MANPAGE) $(DESTDIR)$(PREFIX)/share/man/man1/legcare.1
	install -m 0644 $(COMPLETIONS)/legcare.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/legcare
	install -m 0644 $(COMPLETIONS)/_legcare $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_legcare
	install -m 0644 $(COMPLETIONS)/legcare.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/legcare.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/legcare $(DESTDIR)$(PREFIX)/share/legcare/templates/handout.mustache \
		$(DESTDIR)$(PREFIX)/share/man/man1/legcare.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/legcare \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_legcare $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/legcare.fish
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/share/legcare/catalogs/,$(notdir $(wildcard Sources/LegCareReports/Catalogs/*.catalog)))
	-rmdir $(DESTDIR)$(PREFIX)/share/legcare/templates $(DESTDIR)$(PREFIX)/share/legcare/catalogs $(DESTDIR)$(PREFIX)/share/legcare 2>/dev/null

## deb: legcare_<version>_<arch>.deb (scripts/deb.sh); install it with apt install ./legcare_*.deb.
deb: build man completions
	bash scripts/deb.sh $(VERSION)

## package-check: the package unpacked into a scratch root and run from there (scripts/package-check.sh).
package-check: deb
	bash scripts/package-check.sh legcare_$(VERSION)_$$(dpkg --print-architecture).deb

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
bench: deps pydeps build-info
	$(SWIFT) build -c release $(RELEASE_FLAGS)
	REF=$(REF) bash scripts/bench.sh

## compare: every output of this build against REF's, byte for byte (scripts/compare.sh).
compare: deps build-info
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
	rm -f legcare_*.deb
	rm -rf .build .build-man .build-asan .build-tsan .build-fuzz .build-ref Fuzz/.build
	git worktree prune
