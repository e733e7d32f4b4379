#!/usr/bin/env bash
# Draws the app's PNG icons (public/icon-192.png, icon-512.png, icon-maskable-512.png) from
# public/favicon.svg with Debian's Chromium. Run by hand when the logo changes; the PNGs are kept in
# the repository (the web app manifest names them).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
svg=$(cat public/favicon.svg)
draw() { # size, padding (% of the side: the maskable icon keeps its logo in the safe zone), output
    cat > "$tmp/icon.html" <<HTML
<!doctype html><html><body style="margin:0;background:${4:-transparent}">
<div style="width:$1px;height:$1px;box-sizing:border-box;padding:$2%">${svg/<svg /<svg width=\"100%\" height=\"100%\" }</div>
</body></html>
HTML
    /usr/bin/chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --disable-background-networking --default-background-color=00000000 \
        --window-size="$1,$1" --screenshot="$3" "file://$tmp/icon.html" 2> /dev/null
}
draw 192 0 public/icon-192.png
draw 512 0 public/icon-512.png
# Maskable: the teal fills the square, the logo inside the central 80 % circle.
draw 512 14 public/icon-maskable-512.png '#0b4f5c'
rm -rf "$tmp"
