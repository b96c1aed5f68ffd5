#!/usr/bin/env bash
# Runs every test of peerscope, installing what is missing first:
#   1. native unit tests (corpus compiler, layout, app logic, the pre-renderer)
#   2. component tests in headless Chromium (wasm-bindgen-test)
#   3. the release build, then end-to-end journeys in headless Chromium against it,
#      served by a plain static file server (with JavaScript off for the pre-rendered pages);
#      screenshots go to target/screenshots/.
source "$(dirname "$0")/tools.sh"
ensure_build_tools
ensure_chromium
cd "$ROOT"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

say "1/4 native unit tests"
cargo test --locked -p peerscope-corpus -p peerscope-layout
# The pre-renderer renders every route of the app natively (peerscope with feature `ssr`).
cargo test --locked -p peerscope-site

say "2/4 component tests in headless Chromium"
cargo test --locked -p peerscope --target wasm32-unknown-unknown

say "3/4 release builds: the site, the site under /peerscope/, the hostile test seeds"
PEERSCOPE_DIST="$ROOT/dist" "$ROOT/scripts/build.sh"
PEERSCOPE_DIST="$ROOT/target/site-subpath/peerscope" PEERSCOPE_BASE=/peerscope/ "$ROOT/scripts/build.sh"
PEERSCOPE_DIST="$ROOT/target/dist-xss" PEERSCOPE_SEEDS="$ROOT/tests/fixtures/xss-seeds" "$ROOT/scripts/build.sh"

say "4/4 end-to-end tests in headless Chromium"
cargo test --locked -p peerscope-e2e -- --test-threads=2

say "all tests passed; screenshots in target/screenshots/"
