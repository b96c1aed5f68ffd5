#!/usr/bin/env bash
# Builds the release dist/ and prints Lighthouse's four scores (performance, accessibility, best
# practices, SEO; mobile defaults, Debian's Chromium) for home, Yixing Xu's profile and SQuant's
# work page, then every audit that cost points. Reports go to target/lighthouse/.
#   --no-build   measure the dist/ already built
#   PATHS...     other pages to measure, such as /graph
source "$(dirname "$0")/tools.sh"
ensure_chromium
cd "$ROOT"
if [ "${1:-}" = "--no-build" ]; then
  shift
  ensure_node_tools
else
  PEERSCOPE_DIST="$ROOT/dist" "$ROOT/scripts/build.sh" >&2
fi
say "Lighthouse on the release build (about 20 s a page)"
cargo run --quiet --locked -p peerscope-e2e --bin lighthouse -- "$ROOT/dist" "$@"
