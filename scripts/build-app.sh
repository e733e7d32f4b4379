#!/usr/bin/env bash
# Builds the Leptos app into dist/ without trunk, one bundle per audience (public, guest, member, staff, agenda, events, signup, business, consultation, volunteer, assembly, assembly_staff):
#   cargo (release, wasm32, the three entry points of app/src/bin/) → wasm-bindgen (web target)
#   → wasm-opt -Oz (npm binaryen 132) → esbuild minifies the glue and the CSS
#   → one content-hashed folder dist/pkg/<hash>/ (fixed names inside, so boot.js can pick a bundle
#   by path), so a phone never runs a stale app after a deploy.
# APP_OPT=0 skips wasm-opt and minification for quick local loops; the tests and the budgets use
# the optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."

opt=${APP_OPT:-1}
bundles=(public guest member staff agenda events signup business consultation volunteer assembly assembly_staff)
# From app/, so that app/.cargo/config.toml applies: its own target dir (target/app) and rustflags
# (`--cfg erase_components`), which the worker's wasm build in target/ never sees.
(cd app && cargo build --release --target wasm32-unknown-unknown --bins)
out=${CARGO_TARGET_DIR:-target/app}/wasm32-unknown-unknown/release
gen=target/app-bindgen
rm -rf "$gen" && mkdir -p "$gen"
for b in "${bundles[@]}"; do
    wasm-bindgen --target web --no-typescript --out-name "$b" --out-dir "$gen" "$out/$b.wasm"
    if [ "$opt" = 1 ]; then
        node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
            --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-mutable-globals --enable-reference-types --enable-multivalue \
            "$gen/${b}_bg.wasm" -o "$gen/${b}_bg.wasm"
        node_modules/.bin/esbuild "$gen/$b.js" --minify --format=esm --log-level=warning --outfile="$gen/$b.min.js"
        mv "$gen/$b.min.js" "$gen/$b.js"
    fi
done
cat style/tokens.css style/base.css style/layout.css style/components.css > "$gen/style.css"
cp style/back.css "$gen/back.css"
cp app/boot.js app/first.js "$gen/"
if [ "$opt" = 1 ]; then
    node_modules/.bin/esbuild "$gen/style.css" --minify --log-level=warning --outfile="$gen/style.min.css"
    node_modules/.bin/esbuild "$gen/back.css" --minify --log-level=warning --outfile="$gen/back.min.css"
    mv "$gen/back.min.css" "$gen/back.css"
    node_modules/.bin/esbuild "$gen/boot.js" --minify --format=esm --log-level=warning --outfile="$gen/boot.min.js"
    node_modules/.bin/esbuild "$gen/first.js" --minify --log-level=warning --outfile="$gen/first.min.js"
    mv "$gen/style.min.css" "$gen/style.css" && mv "$gen/boot.min.js" "$gen/boot.js" && mv "$gen/first.min.js" "$gen/first.js"
fi

hash=$(cat "$gen"/*.js "$gen"/*.wasm "$gen"/*.css | sha256sum | cut -c1-12)
rm -rf dist/pkg && mkdir -p "dist/pkg/$hash"
cp "$gen"/*.js "$gen"/*.wasm "$gen"/*.css "dist/pkg/$hash/"
cp -r public/. dist/
# The first views (dist/*.html) are drawn from this by tests/src/bin/first_views.rs (make first-views).
rm -f dist/*.html
sed -e "s/{{HASH}}/$hash/g" app/index.html > dist/index.html
# The service worker names this deploy's folder: a new deploy is a new worker (app/sw.js).
sed -e "s/{{HASH}}/$hash/g" app/sw.js > dist/sw.js
if [ "$opt" = 1 ]; then
    node_modules/.bin/esbuild dist/sw.js --minify --log-level=warning --outfile=dist/sw.min.js && mv dist/sw.min.js dist/sw.js
fi
for b in "${bundles[@]}"; do
    echo "bundle $b: wasm $(stat -c %s "dist/pkg/$hash/${b}_bg.wasm") bytes"
done
echo "app built into dist/ (pkg/$hash)"
