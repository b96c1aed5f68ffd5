#!/usr/bin/env bash
# The layout benchmark: builds peerscope's layout to wasm, installs the pinned d3-force, and
# prints the figures of both on the same synthetic co-authorship graphs. See README.md.
# Usage: bench/layout/run.sh [--runs N] [--iterations N] [--sizes 100,1000,5000] [--seed N]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WANT_BINDGEN="0.2.130"

fail() { printf 'bench/layout: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || fail "cargo is missing: install Rust from rustup (rust-version in Cargo.toml)."
command -v node >/dev/null || fail "node is missing: install Node.js 18 or later (with npm)."
command -v npm >/dev/null || fail "npm is missing: install it with Node.js."
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  fail "the wasm32 target is missing: run 'rustup target add wasm32-unknown-unknown'."
fi
if ! command -v wasm-bindgen >/dev/null; then
  fail "wasm-bindgen is missing: run 'cargo install wasm-bindgen-cli --version $WANT_BINDGEN' (it must match the wasm-bindgen crate)."
fi
if [ "$(wasm-bindgen --version)" != "wasm-bindgen $WANT_BINDGEN" ]; then
  fail "found $(wasm-bindgen --version), need wasm-bindgen $WANT_BINDGEN: run 'cargo install wasm-bindgen-cli --version $WANT_BINDGEN'."
fi

cd "$ROOT"
# The workspace's release profile optimises the app for size (opt-level "z"); the layout is
# hot code, so it is built for speed, as the app should build it too (see README.md).
# PEERSCOPE_LAYOUT_OPT_LEVEL=z measures the layout as the workspace profile alone would build it.
export PEERSCOPE_LAYOUT_OPT_LEVEL="${PEERSCOPE_LAYOUT_OPT_LEVEL:-3}"
case "$PEERSCOPE_LAYOUT_OPT_LEVEL" in
  0|1|2|3) OPT_LEVEL="$PEERSCOPE_LAYOUT_OPT_LEVEL" ;;
  s|z) OPT_LEVEL="\"$PEERSCOPE_LAYOUT_OPT_LEVEL\"" ;;
  *) fail "PEERSCOPE_LAYOUT_OPT_LEVEL must be 0, 1, 2, 3, s or z" ;;
esac
echo "bench/layout: building peerscope-layout for wasm32 (release, opt-level $OPT_LEVEL)" >&2
# `cargo rustc --crate-type cdylib` makes the .wasm without making the app's dependency a cdylib.
cargo rustc -p peerscope-layout --lib --crate-type cdylib --target wasm32-unknown-unknown --release --features wasm \
  --config "profile.release.package.peerscope-layout.opt-level=$OPT_LEVEL"
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
wasm-bindgen --target nodejs --out-dir "$HERE/pkg" "$TARGET_DIR/wasm32-unknown-unknown/release/layout.wasm"

cd "$HERE"
echo "bench/layout: installing the pinned d3-force" >&2
npm ci --no-audit --no-fund --loglevel=error
node bench.mjs "$@"
