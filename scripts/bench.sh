#!/usr/bin/env bash
# Builds the release dist/ and prints its figures: every file's size raw, gzip and brotli, the
# browser timings (time to first render, filter latency) measured in headless Chromium, and the
# graph layout's speed and quality against d3-force (bench/layout). `--size-only` stops after
# the sizes.
source "$(dirname "$0")/tools.sh"
cd "$ROOT"
PEERSCOPE_DIST="$ROOT/dist" "$ROOT/scripts/build.sh" >&2
say "bundle size (dist/)"
node bench/size.mjs dist
if [ "${1:-}" != "--size-only" ]; then
  ensure_chromium
  say "browser timings (headless Chromium, median of runs)"
  cargo run --quiet --locked -p peerscope-e2e --bin browser-bench -- "$ROOT/dist"
  say "graph layout in wasm vs d3-force (bench/layout)"
  "$ROOT/bench/layout/run.sh" --runs 3
fi
