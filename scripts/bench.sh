#!/usr/bin/env bash
# make bench: build times, then the Rust benchmark (sizes, start-up, latency, first render).
# BENCH_COLD=1 also times cold builds in a scratch target directory (several minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

# Milliseconds a command takes, its output discarded.
ms() { local s; s=$(date +%s%N); "$@" > /dev/null 2>&1; echo "$(( ($(date +%s%N) - s) / 1000000 ))"; }

echo "== build times"
if [ "${BENCH_COLD:-0}" = 1 ]; then
    scratch=$(mktemp -d)
    echo "app cold release build:    $(CARGO_TARGET_DIR=$scratch ms cargo build --release --target wasm32-unknown-unknown -p app) ms"
    echo "worker cold release build: $(CARGO_TARGET_DIR=$scratch ms cargo build --release --target wasm32-unknown-unknown -p kerne-worker) ms"
    rm -rf "$scratch"
else
    echo "(cold builds skipped; BENCH_COLD=1 make bench times them)"
fi
touch app/src/lib.rs
echo "app warm rebuild, three bundles (one file touched, wasm-bindgen, wasm-opt, hashing): $(ms scripts/build-app.sh) ms"
touch worker/src/lib.rs
echo "worker warm rebuild (one file touched, worker-build --release): $(cd worker && ms worker-build --release) ms"
# Built with the tests' binaries by `make native` (the same packages and features as the tests).
target/debug/bench
