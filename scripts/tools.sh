# shellcheck shell=bash
# Sourced by the other scripts: puts peerscope's tools on PATH and installs each one that is
# missing or of the wrong version. Versions are pinned here and in TOOLCHAIN notes; see README.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINARYEN_VERSION="132"
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[peerscope]\033[0m %s\n' "$*" >&2; }

# The wasm-bindgen version the app is locked to; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (about 3 minutes, once)"
    # Not --locked: its lock file names a crate version the registry no longer serves.
    CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo install wasm-bindgen-cli --version "$want"
  fi
}

# wasm-opt from npm's binaryen 132 (Debian's 108 builds a page that stays blank), axe-core for the
# accessibility checks of the end-to-end tests, and Lighthouse for scripts/lighthouse.sh.
ensure_node_tools() {
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" \
    || [ ! -f "$ROOT/tools/node_modules/axe-core/axe.min.js" ] || [ ! -x "$ROOT/tools/node_modules/.bin/lighthouse" ]; then
    say "installing the pinned npm tools (binaryen $BINARYEN_VERSION, axe-core, lighthouse) into tools/"
    (cd "$ROOT/tools" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# apt-get install for Debian packages that are missing.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# DejaVu Sans draws the text of the share images (peerscope-site reads it from this folder).
ensure_fonts() {
  if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
    say "installing Debian's fonts-dejavu-core (the share images' font)"
    apt_install fonts-dejavu-core
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
}

# Everything needed to build the app.
ensure_build_tools() {
  ensure_wasm_target
  ensure_fonts
  ensure_node_tools
  ensure_wasm_bindgen
}
