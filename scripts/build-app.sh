#!/usr/bin/env bash
# Builds the Leptos app into dist/ without trunk:
#   cargo (release, wasm32) → wasm-bindgen (web target) → wasm-opt -Oz (npm binaryen 132) with
#   short import/export names and without unused exports (scripts/fit-glue.mjs fits the glue)
#   → content-hashed names under dist/pkg/, so a phone never runs a stale app after a deploy.
# APP_OPT=0 skips wasm-opt for quick local loops; the tests and the size budget use the optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."

opt=${APP_OPT:-1}
# From app/, so that app/.cargo/config.toml applies: its own target dir (target/app) and rustflags
# (`--cfg erase_components`), which the worker's wasm build in target/ never sees.
(cd app && cargo build --release --target wasm32-unknown-unknown)
gen=target/app-bindgen
rm -rf "$gen" && mkdir -p "$gen"
wasm-bindgen --target web --no-typescript --out-name app --out-dir "$gen" "${CARGO_TARGET_DIR:-target/app}/wasm32-unknown-unknown/release/app.wasm"
if [ "$opt" = 1 ]; then
    # Without the unused stream exports Leptos links, -Oz, and short names for the imports and
    # exports between the module and its glue; scripts/fit-glue.mjs fits the glue to the result.
    node_modules/.bin/wasm-opt --remove-exports --pass-arg='remove-exports@*intounderlying*' \
        -Oz --strip-debug --strip-producers --minify-imports-and-exports-and-modules \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$gen/app_bg.wasm" -o "$gen/app_bg.wasm" > "$gen/names.json"
    node scripts/fit-glue.mjs "$gen/names.json" "$gen/app_bg.wasm" "$gen/app.js" \
        IntoUnderlyingByteSource IntoUnderlyingSink IntoUnderlyingSource
fi
cat style/tokens.css style/base.css style/layout.css style/components.css > "$gen/style.css"
if [ "$opt" = 1 ]; then
    # Minified JS glue and CSS (esbuild comes with wrangler): about 2 KB less brotli. Property names
    # are kept, so the wasm imports object still matches.
    node_modules/.bin/esbuild "$gen/app.js" --minify --format=esm --log-level=warning --outfile="$gen/app.min.js"
    node_modules/.bin/esbuild "$gen/style.css" --minify --log-level=warning --outfile="$gen/style.min.css"
    mv "$gen/app.min.js" "$gen/app.js" && mv "$gen/style.min.css" "$gen/style.css"
fi

hash=$(cat "$gen/app.js" "$gen/app_bg.wasm" "$gen/style.css" | sha256sum | cut -c1-12)
mkdir -p dist
rm -rf dist/pkg && mkdir -p dist/pkg
cp "$gen/app.js" "dist/pkg/app-$hash.js"
cp "$gen/app_bg.wasm" "dist/pkg/app-$hash.wasm"
cp "$gen/style.css" "dist/pkg/style-$hash.css"
printf "import init from './app-%s.js';\ninit({ module_or_path: '/pkg/app-%s.wasm' });\n" "$hash" "$hash" > "dist/pkg/boot-$hash.js"
cp -r public/. dist/
sed -e "s/{{HASH}}/$hash/g" app/index.html > dist/index.html
echo "app built into dist/ (pkg hash $hash, wasm $(stat -c %s "dist/pkg/app-$hash.wasm") bytes)"
