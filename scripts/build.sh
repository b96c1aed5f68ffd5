#!/usr/bin/env bash
# Builds the release app into dist/ (or $PEERSCOPE_DIST): a folder any static host can serve,
# with every route pre-rendered, share images, sitemap.xml, robots.txt and a web app manifest.
#   PEERSCOPE_BASE=/peerscope/  serve under a sub-path (default: the site root; letters, digits
#                               and ._~/- only)
#   PEERSCOPE_SEEDS=dir         compile another folder of seeds (default, also when empty: seeds/)
#   PEERSCOPE_SITE_URL=https://example.org/peerscope
#                               the absolute address the site is served at, for canonical links,
#                               share cards and the sitemap (default: http://127.0.0.1:8080 plus
#                               the base path, right only for a local preview)
source "$(dirname "$0")/tools.sh"
ensure_build_tools
cd "$ROOT"

dist="${PEERSCOPE_DIST:-$ROOT/dist}"
base="/${PEERSCOPE_BASE:-}"
base="${base%/}/"
base="$(echo "$base" | sed 's#//*#/#g')"
export PEERSCOPE_BASE="$base"
# A relative seeds folder is taken from the directory the command was started in.
if [ -n "${PEERSCOPE_SEEDS:-}" ]; then
  export PEERSCOPE_SEEDS="$(cd "$OLDPWD" 2>/dev/null; realpath "$PEERSCOPE_SEEDS")"
fi

say "release build into $dist (base $base, seeds ${PEERSCOPE_SEEDS:-seeds/}, address ${PEERSCOPE_SITE_URL:-http://127.0.0.1:8080${base%/}})"
started=$SECONDS
# 1. The app, compiled to wasm (opt-level z, LTO: see Cargo.toml), with hydration.
cargo build --quiet --locked --release --target wasm32-unknown-unknown -p peerscope --bin peerscope \
  --no-default-features --features hydrate
# 2. Its JS bindings, then the wasm shrunk by wasm-opt 132 (Debian's 108 breaks the app). The
#    features are the ones rustc's wasm32 target enables by default. Skipped when the compiled
#    wasm is the one already processed: the wasm holds code only, so a new corpus, base path or
#    address never changes it. `--converge` runs the passes until the wasm stops shrinking: 30 s
#    more when the code changed, 2.9 KB less brotli (2026-12-02).
opt=(-Oz --converge --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
app="$ROOT/target/app"
wasm="$ROOT/target/wasm32-unknown-unknown/release/peerscope.wasm"
stamp="$(sha256sum "$wasm" | cut -d' ' -f1) $(wasm-bindgen --version) $(wasm-opt --version) ${opt[*]}"
if [ "$(cat "$app/.input" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$app"
  wasm-bindgen --target web --no-typescript --out-dir "$app" "$wasm"
  wasm-opt "${opt[@]}" "$app/peerscope_bg.wasm" -o "$app/peerscope_bg.wasm"
  echo "$stamp" > "$app/.input"
fi
say "app compiled in $((SECONDS - started)) s"
# 3. The site: the app under hashed names, every route pre-rendered natively with the same
#    corpus, base and address as the wasm, share images, sitemap, manifest.
cargo run --quiet --locked -p peerscope-site -- --app "$app" "$dist"
say "built $dist in $((SECONDS - started)) s"
