# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands of the README, plus `make bench`, `make screenshots` (the README's pictures
# retaken from the journey tests) and a plain `make` that builds.
BUILDDIR ?= _build
MESON_OPTS ?=

.PHONY: all deps build run check bench screenshots clean

all: build

deps:
	@build-aux/install-deps

$(BUILDDIR)/build.ninja:
	@build-aux/install-deps
	meson setup $(BUILDDIR) $(MESON_OPTS)

build: deps $(BUILDDIR)/build.ninja
	@ninja -C $(BUILDDIR)

run: build
	@build-aux/run-furrow $(BUILDDIR)

check: build
	@BUILDDIR=$(BUILDDIR) build-aux/run-tests

bench: build
	@xvfb-run -a -s '-screen 0 1280x800x24' meson test -C $(BUILDDIR) --benchmark --verbose

screenshots: build
	@build-aux/update-screenshots $(BUILDDIR)

clean:
	rm -rf $(BUILDDIR) _build-sanitize _build-fuzz
