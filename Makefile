# Silicon Kerne portal — the one entry point.
#   make run    install what is missing, build, migrate + seed the local D1, serve on http://127.0.0.1:8787
#   make test   every test: format + clippy, native unit tests, API (real worker in workerd), browser
#               (Chromium, with the download budget of each audience's pages)
#   make bench  sizes, build times, start-up and cold start, latency, first render, Lighthouse per public page
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8787
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3}' Cargo.lock)
WORKER_BUILD_VERSION := 0.8.7
NPX := node_modules/.bin
STATE := .wrangler/state
CI_QUIET_ENV := CI=true WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false
# worker-build must not download anything: point it at the tools we install.
export WASM_BINDGEN_BIN := wasm-bindgen
export WASM_OPT_BIN := $(CURDIR)/$(NPX)/wasm-opt
export ESBUILD_BIN := $(CURDIR)/$(NPX)/esbuild
export WRANGLER_SEND_METRICS := false
export WRANGLER_SEND_ERROR_REPORTS := false
export PATH := $(HOME)/.cargo/bin:$(PATH)

# Clippy runs inside the native builds: clippy-driver is rustc with clippy's lints, so the
# project's own crates are linted (warnings denied) as they are compiled for the tests, and no
# native dependency is compiled once more for a separate `cargo clippy` (a check: 4m44s of a
# 36m36s `time make test` on a clean clone of this 2-core machine, 2026-12-07). Never for what we
# ship: clippy-driver turns MIR optimisations off, and the agenda bundle came out 24 bytes heavier
# (151,015 B brotli against its 151,000 B budget); the app's wasm is linted by `cargo clippy` (a
# check, `app-lint`) beside its release build. Never for `cargo install` either (a tool's own
# warnings are not ours to deny).
LINTED := RUSTC_WORKSPACE_WRAPPER=clippy-driver CLIPPY_ARGS=-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__
# Every native cargo command selects the same packages, so each dependency is resolved with the
# same features and compiled once: `-p domain …` then `-p kerne-tests` compiled 120 crates twice
# (serde, tokio, url…). The tests' binaries (first_views too) come from one `cargo test --no-run`.
NATIVE := --workspace --exclude app

APP_SOURCES := $(shell find app domain crates style public -type f -not -path '*/target/*') Cargo.lock scripts/build-app.sh
WORKER_SOURCES := $(shell find worker/src domain/src crates -type f) worker/Cargo.toml domain/Cargo.toml Cargo.lock

.PHONY: help deps browser-deps build app app-lint worker first-views native db run test fmt lint test-domain test-api test-browser bench clean-state

help:
	@echo "make run    build and serve the portal on http://127.0.0.1:$(PORT) (demo data included)"
	@echo "make test   run every test (installs Chromium on first use)"
	@echo "make bench  measure sizes, build times, start-up and latency"

## ---------------------------------------------------------------- tools (idempotent)
deps: .deps/rust-target .deps/wasm-bindgen-$(WASM_BINDGEN_VERSION) .deps/worker-build-$(WORKER_BUILD_VERSION) node_modules/.package-lock.json

.deps/rust-target:
	@mkdir -p .deps
	rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@touch $@

# wasm-bindgen-cli must equal Cargo.lock's wasm-bindgen; not --locked (a yanked webpki-roots breaks it).
.deps/wasm-bindgen-$(WASM_BINDGEN_VERSION):
	@mkdir -p .deps
	if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
	  cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION); fi
	@touch $@

.deps/worker-build-$(WORKER_BUILD_VERSION):
	@mkdir -p .deps
	if ! cargo install --list | grep -q "^worker-build v$(WORKER_BUILD_VERSION):"; then \
	  cargo install worker-build --version $(WORKER_BUILD_VERSION); fi
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Debian's Chromium and its driver, for the browser tests and screenshots.
# As root apt-get runs as is; otherwise through sudo when there is one; otherwise we stop and say what to install.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ]; then as_root=""; \
	  elif command -v sudo > /dev/null; then as_root="sudo"; \
	  else echo "The browser tests need Debian's chromium and chromium-driver: install the packages chromium and chromium-driver as root (apt-get install chromium chromium-driver), then run make again." >&2; exit 1; fi; \
	  $$as_root apt-get update && $$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; fi

## ---------------------------------------------------------------- builds (skipped when up to date)
build: app worker first-views

app: dist/index.html
dist/index.html: $(APP_SOURCES) | deps
	scripts/build-app.sh

worker: worker/build/index.js
worker/build/index.js: $(WORKER_SOURCES) | deps
	cd worker && worker-build --release

# The first view of each public page, drawn by the built app itself in Chromium
# (tests/src/bin/first_views.rs): about 25 s.
first-views: target/first-views.stamp
target/first-views.stamp: dist/index.html worker/build/index.js | browser-deps native
	target/debug/first_views
	@touch $@

# The native crates and every test binary, linted as they compile (seconds when up to date).
native: deps
	$(LINTED) cargo test -q $(NATIVE) --no-run

## ---------------------------------------------------------------- local database
# Migrations are applied by wrangler (never by worker code); the demo data is loaded once per state.
db: deps
	$(CI_QUIET_ENV) $(NPX)/wrangler d1 migrations apply DB --local
	if [ ! -f $(STATE)/demo-seeded ]; then \
	  $(CI_QUIET_ENV) $(NPX)/wrangler d1 execute DB --local --file seed/demo.sql && \
	  $(CI_QUIET_ENV) $(NPX)/wrangler d1 execute DB --local --file seed/members.sql && \
	  $(CI_QUIET_ENV) $(NPX)/wrangler d1 execute DB --local --file seed/activity.sql && \
	  $(CI_QUIET_ENV) $(NPX)/wrangler d1 execute DB --local --file seed/events.sql && touch $(STATE)/demo-seeded; fi
	# Seeds added later get their own mark, so a state seeded before them gets them too.
	if [ ! -f $(STATE)/consultations-seeded ]; then \
	  $(CI_QUIET_ENV) $(NPX)/wrangler d1 execute DB --local --file seed/consultations.sql && touch $(STATE)/consultations-seeded; fi
	if [ ! -f $(STATE)/assemblies-seeded ]; then \
	  $(CI_QUIET_ENV) $(NPX)/wrangler d1 execute DB --local --file seed/assemblies.sql && touch $(STATE)/assemblies-seeded; fi

clean-state:
	rm -rf $(STATE)

## ---------------------------------------------------------------- run
run: build db
	@echo "Silicon Kerne on http://127.0.0.1:$(PORT) — demo accounts in README.md"
	$(CI_QUIET_ENV) exec $(NPX)/wrangler dev --local --ip 127.0.0.1 --port $(PORT) --var SITE_URL:http://127.0.0.1:$(PORT) --test-scheduled --show-interactive-dev-session=false

## ---------------------------------------------------------------- tests
# Formatting first (seconds); clippy is part of the native build (LINTED above) and checks the
# app's wasm beside its release build: a warning fails the step that meets it. The app (its own
# target dir, target/app) is built while the native crates and tests are: neither waits for the
# other, and each fills the other's single-threaded steps (links, LTO, wasm-opt). Then the worker
# (it shares target/ with the native build, so it comes after), the first views, and the suites.
#
# Every run selects the same targets' dependencies as the build (`--lib` brings each package's
# dev-dependencies): `cargo test --test api` alone resolved other features for the proc-macro
# crates and compiled 60 crates again (3m41s of a clean-clone run). The suites run in one command,
# after the native unit tests: kerne-tests' api, browser, layout, online.
test: fmt browser-deps
	$(MAKE) -j2 app-lint app native
	$(MAKE) build
	$(LINTED) cargo test $(NATIVE)

# The app's clippy, for the wasm target (from app/: its own target dir and rustflags).
app-lint: deps
	cd app && cargo clippy -q --target wasm32-unknown-unknown --all-targets -- -D warnings

fmt:
	cargo fmt --all --check

# For a quick look while working: clippy alone (a check, no build), native and the app's wasm.
lint: fmt deps
	cargo clippy $(NATIVE) --all-targets -- -D warnings
	cd app && cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-domain: native
	$(LINTED) cargo test $(NATIVE) --lib --bins --test layout --test from_json

test-api: build
	$(LINTED) cargo test $(NATIVE) --lib --test api --test online

test-browser: build browser-deps
	$(LINTED) cargo test $(NATIVE) --lib --test browser

## ---------------------------------------------------------------- benchmarks
bench: build browser-deps bench/node_modules/.package-lock.json
	scripts/bench.sh

# Lighthouse, for the bench only (make test never installs it).
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	@touch $@
