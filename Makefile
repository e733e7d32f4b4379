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

APP_SOURCES := $(shell find app domain crates style public -type f -not -path '*/target/*') Cargo.lock scripts/build-app.sh
WORKER_SOURCES := $(shell find worker/src domain/src crates -type f) worker/Cargo.toml domain/Cargo.toml Cargo.lock

.PHONY: help deps browser-deps build app worker first-views db run test lint test-domain test-api test-browser bench clean-state

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
target/first-views.stamp: dist/index.html worker/build/index.js | browser-deps
	cargo run -q -p kerne-tests --bin first_views
	@touch $@

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

clean-state:
	rm -rf $(STATE)

## ---------------------------------------------------------------- run
run: build db
	@echo "Silicon Kerne on http://127.0.0.1:$(PORT) — demo accounts in README.md"
	$(CI_QUIET_ENV) exec $(NPX)/wrangler dev --local --ip 127.0.0.1 --port $(PORT) --var SITE_URL:http://127.0.0.1:$(PORT) --test-scheduled --show-interactive-dev-session=false

## ---------------------------------------------------------------- tests
# Formatting, clippy and the native unit tests come first: seconds, before the suites that need a
# built worker and a browser. The app is wasm-only: its clippy runs for the wasm target, from app/
# (its own target dir and rustflags).
test: lint test-domain browser-deps build
	cargo test -p kerne-tests --test api
	cargo test -p kerne-tests --test online
	cargo test -p kerne-tests --test browser

lint: deps
	cargo fmt --all --check
	cargo clippy --workspace --exclude app --all-targets -- -D warnings
	cd app && cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-domain:
	cargo test -p domain -p wire-json -p wire-json-derive -p kerne-worker
	cargo test -p kerne-tests --lib --bins

test-api: build
	cargo test -p kerne-tests --test api
	cargo test -p kerne-tests --test online

test-browser: build browser-deps
	cargo test -p kerne-tests --test browser

## ---------------------------------------------------------------- benchmarks
bench: build browser-deps bench/node_modules/.package-lock.json
	scripts/bench.sh

# Lighthouse, for the bench only (make test never installs it).
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	@touch $@
