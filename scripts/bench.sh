#!/usr/bin/env bash
# Builds the release dist/ and prints its figures: every file's size raw, gzip and brotli, then
# the browser timings (time to first render, filter latency) measured in headless Chromium.
source "$(dirname "$0")/tools.sh"
cd "$ROOT"
PEERSCOPE_DIST="$ROOT/dist" "$ROOT/scripts/build.sh" >&2
say "bundle size (dist/)"
node bench/size.mjs dist
if [ "${1:-}" != "--size-only" ]; then
  ensure_chromium
  say "browser timings (headless Chromium, median of runs)"
  cargo run --quiet --locked -p peerscope-e2e --bin browser-bench -- "$ROOT/dist"
fi
