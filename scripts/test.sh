#!/usr/bin/env bash
# Runs every test of peerscope, installing what is missing first:
#   1. native unit tests (corpus compiler, layout, the pre-renderer and bundler, the static server)
#      and a brief run of every fuzz target (scripts/fuzz.sh runs them at volume)
#   2. component tests in headless Chromium (wasm-bindgen-test)
#   3. the release builds (the seeds; under a sub-path; hostile seeds; a synthetic corpus of
#      1,000 works), then end-to-end journeys in headless Chromium against them,
#      served by a plain static file server (with JavaScript off for the pre-rendered pages);
#      screenshots go to target/screenshots/; among them, every kind of pre-rendered page is
#      checked by the W3C Nu HTML checker (tests/e2e/tests/valid_html.rs, vnu-jar on Java) and
#      run under its Content-Security-Policy without a violation (tests/e2e/tests/csp.rs).
# Ends with the time each step took, also when a step fails.
source "$(dirname "$0")/tools.sh"
cd "$ROOT"

timings=()
step_started=$SECONDS
step_name=""
# Starts a step: closes the one before and announces the next.
step() {
  [ -n "$step_name" ] && timings+=("$(printf '%5d s  %s' $((SECONDS - step_started)) "$step_name")")
  step_name="$1"
  step_started=$SECONDS
  say "$1"
}
summary() {
  local status=$?
  [ -n "$step_name" ] && timings+=("$(printf '%5d s  %s' $((SECONDS - step_started)) "$step_name")")
  say "time per step ($( [ $status -eq 0 ] && echo "all tests passed" || echo "FAILED with status $status")):"
  printf '  %s\n' "${timings[@]}" >&2
  printf '%5d s  in all\n' "$SECONDS" | sed 's/^/  /' >&2
}
trap summary EXIT

step "installing what is missing (wasm target, fonts, npm tools, wasm-bindgen-cli, Chromium, Java)"
# All three before stopping, so that PEERSCOPE_NO_INSTALL=1 lists everything missing at once.
need_build_tools
need_chromium
need_java
stop_if_missing
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

step "1/4 native unit tests"
cargo test --locked -p peerscope-model -p peerscope-corpus -p peerscope-layout -p peerscope-serve -p peerscope-fuzz
# The app links the model and no parser: the compiler is not among its dependencies.
if cargo tree --locked -e normal -p peerscope --target wasm32-unknown-unknown --no-default-features --features hydrate \
    | grep -q peerscope-corpus; then
  echo "error: the app depends on peerscope-corpus (the parsers); it should link peerscope-model only" >&2
  exit 1
fi
# The pre-renderer renders every route of the app natively (peerscope with feature `ssr`).
cargo test --locked -p peerscope-site
# The app's own view logic, natively (the pager's pages).
cargo test --locked -p peerscope --lib
# Every fuzz target briefly (20,000 inputs or 5 s each, one lane per core); scripts/fuzz.sh
# runs them for longer. A failing input is written to target/fuzz-crashes/.
cargo build --quiet --profile fuzz --locked -p peerscope-fuzz
"${CARGO_TARGET_DIR:-$ROOT/target}/fuzz/peerscope-fuzz" all --inputs 20000 --seconds 5 --jobs "$(nproc)"

step "2/4 component tests in headless Chromium"
cargo test --locked -p peerscope --target wasm32-unknown-unknown

step "3/4 release build: the site (dist/)"
PEERSCOPE_DIST="$ROOT/dist" "$ROOT/scripts/build.sh"
step "3/4 release build: the site under /peerscope/"
PEERSCOPE_DIST="$ROOT/target/site-subpath/peerscope" PEERSCOPE_BASE=/peerscope/ "$ROOT/scripts/build.sh"
step "3/4 release build: the hostile test seeds"
PEERSCOPE_DIST="$ROOT/target/dist-xss" PEERSCOPE_SEEDS="$ROOT/tests/fixtures/xss-seeds" "$ROOT/scripts/build.sh"

step "3/4 release build: the seeds with a lab's bibliographies (.bib in a subfolder, OpenAlex, arXiv) and its peerscope.overrides"
rm -rf "$ROOT/target/lab-seeds" && mkdir -p "$ROOT/target/lab-seeds/papers"
cp "$ROOT"/seeds/* "$ROOT/target/lab-seeds/"
cp "$ROOT/tests/fixtures/bib/lab.bib" "$ROOT/target/lab-seeds/papers/"
cp "$ROOT/tests/fixtures/openalex/works.json" "$ROOT/tests/fixtures/arxiv/feed.atom" "$ROOT/target/lab-seeds/"
cp "$ROOT/tests/fixtures/overrides/lab.overrides" "$ROOT/target/lab-seeds/peerscope.overrides"
PEERSCOPE_DIST="$ROOT/target/dist-lab" PEERSCOPE_SEEDS="$ROOT/target/lab-seeds" "$ROOT/scripts/build.sh"

step "3/4 release build: a synthetic corpus of 1,000 works"
rm -rf "$ROOT/target/synth-seeds"
cargo run --quiet --locked -p peerscope-corpus -- synth "$ROOT/target/synth-seeds" \
  --works 1000 --profiles 50 --people 500 --big 250
PEERSCOPE_DIST="$ROOT/target/dist-synth" PEERSCOPE_SEEDS="$ROOT/target/synth-seeds" "$ROOT/scripts/build.sh"

step "4/4 end-to-end tests in headless Chromium, the CSP check and the W3C Nu HTML checker"
cargo test --locked -p peerscope-e2e -- --test-threads=2

say "all tests passed; screenshots in target/screenshots/"
