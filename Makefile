# Work in France: two commands for a newcomer.
#   make run    set up what is missing, build, start on http://127.0.0.1:3000 (SQLite, demo data)
#   make test   set up what is missing, run every test: unit, integration on SQLite and on a
#               throwaway PostgreSQL 15, and the Playwright journeys in headless Chromium
#   make bench  front-end size and load figures (release build; not part of make test)
#   make build-release  the release build (server and front end in target/site-release)
#   make cluster  two release instances behind HAProxy on http://127.0.0.1:3100, on a throwaway
#               PostgreSQL and SeaweedFS (S3), demo data, e-mail in data/cluster/outbox/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

RUST_TOOLCHAIN := 1.99.1
CARGO_LEPTOS_VERSION := 0.3.11
# Must equal the wasm-bindgen crate in Cargo.lock (checked by scripts/setup.sh).
WASM_BINDGEN_VERSION := 0.2.130

# One target directory shared by every build of this workspace on the machine, CI's clean
# clones included: a fresh clone rebuilds only what changed.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/work-in-france/target
# binaryen 132's wasm-opt (scripts/setup.sh wasm-opt) before any other on the machine.
export PATH := $(CURDIR)/scripts/binaryen/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export RUSTUP_TOOLCHAIN := $(RUST_TOOLCHAIN)
export LEPTOS_SITE_ROOT ?= target/site
# cargo-leptos sets this when it builds; leptos reads it at compile time to name the wasm file.
# Set for every cargo call (tests too), the server binary is the same whoever built it last,
# and leptos is not recompiled back and forth.
export LEPTOS_OUTPUT_NAME := work-in-france
export RUST_TOOLCHAIN CARGO_LEPTOS_VERSION WASM_BINDGEN_VERSION

DATABASE_URL ?= sqlite://data/wif.sqlite?mode=rwc
ADDR ?= 127.0.0.1:3000

.PHONY: run test bench cluster setup setup-browser style build build-release unit-test integration-test pg-test e2e clean

setup:
	@scripts/setup.sh

setup-browser:
	@scripts/setup.sh browser

style: setup
	@cd style && node build.mjs

build: style
	@scripts/prune-target.sh
	cargo leptos build --split

# The release site has its own root, so a debug build (make run, the journeys) and a release
# build (the release journey, make bench) never overwrite each other's front end.
RELEASE_SITE_ROOT := target/site-release
export RELEASE_SITE_ROOT

# The release build lints the browser's crates as it compiles them (clippy-driver, -D warnings);
# the server's go through the compiler unchanged. Every release build (make bench's too) names
# the same wrapper, or cargo would compile the workspace's crates again for each.
RELEASE_WRAPPER := $(CURDIR)/scripts/rustc-lint-wasm
build-release bench: export RUSTC_WORKSPACE_WRAPPER := $(RELEASE_WRAPPER)

build-release: style
	@scripts/prune-target.sh
	@scripts/setup.sh wasm-opt
	LEPTOS_SITE_ROOT=$(RELEASE_SITE_ROOT) cargo leptos build --release --split $(RELEASE_ONLY)

# The access codes' HMAC key of this machine's make run, kept outside the database (data/ is
# not in git): codes e-mailed before a restart still work after it.
ACCESS_CODE_KEY_FILE := data/access-code.key

run: build
	@mkdir -p data && [ -s $(ACCESS_CODE_KEY_FILE) ] || { umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > $(ACCESS_CODE_KEY_FILE); }
	@echo ""
	@echo "Work in France: http://$(ADDR)   (database: $(DATABASE_URL); stop with Ctrl+C)"
	@WIF_DEMO=1 DATABASE_URL='$(DATABASE_URL)' ADDR='$(ADDR)' ACCESS_CODE_KEY="$$(cat $(ACCESS_CODE_KEY_FILE))" "$(CARGO_TARGET_DIR)/debug/server"

# The journeys run on the release front end only: one front end built for make test, not two.
# scripts/test.sh makes it itself (build-release RELEASE_ONLY=--frontend-only), after the unit and
# integration tests, whose build of the server serves it.
test: style setup-browser
	@scripts/test.sh

cluster: build-release
	@scripts/with-postgres.sh scripts/with-seaweedfs.sh scripts/cluster.sh 3100 data/cluster

bench: build-release
	@LEPTOS_SITE_ROOT=$(RELEASE_SITE_ROOT) scripts/bench.sh

clean:
	rm -rf target/site target/site-release style/generated
