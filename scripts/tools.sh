# shellcheck shell=bash
# Sourced by the other scripts: puts peerscope's tools on PATH and installs each one that is
# missing or of the wrong version (saying so first, and before any sudo); with
# PEERSCOPE_NO_INSTALL=1 it installs nothing and fails with the list of what is missing and the
# commands that install it. Versions are pinned here and in TOOLCHAIN notes; see README.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BINARYEN_VERSION="132"
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[peerscope]\033[0m %s\n' "$*" >&2; }

# What is missing when PEERSCOPE_NO_INSTALL=1 forbids installing it: each entry is what it is and
# the command that would install it, listed by stop_if_missing.
MISSING=()

# Installs something missing by running the command after `$1` (what it is and why), or, with
# PEERSCOPE_NO_INSTALL=1, only notes it for stop_if_missing.
install_missing() {
  local what="$1"
  shift
  if [ "${PEERSCOPE_NO_INSTALL:-}" = 1 ]; then
    MISSING+=("$what"$'\n'"      $*")
  else
    say "installing $what"
    "$@"
  fi
}

# With PEERSCOPE_NO_INSTALL=1, fails listing everything missing and how to install it.
stop_if_missing() {
  if [ "${#MISSING[@]}" -gt 0 ]; then
    say "missing, and PEERSCOPE_NO_INSTALL=1 forbids installing it; install it yourself with:"
    printf '  - %s\n' "${MISSING[@]}" >&2
    exit 1
  fi
}

# The wasm-bindgen version the app is locked to; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    install_missing "the wasm32-unknown-unknown target" rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    # Not --locked: its lock file names a crate version the registry no longer serves.
    install_missing "wasm-bindgen-cli $want (about 3 minutes, once)" \
      env CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo install wasm-bindgen-cli --version "$want"
  fi
}

# wasm-opt from npm's binaryen 132 (Debian's 108 builds a page that stays blank), axe-core for the
# accessibility checks of the end-to-end tests, vnu-jar (the W3C Nu HTML checker) for the
# validity of the pre-rendered pages, and Lighthouse for scripts/lighthouse.sh.
need_node_tools() {
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION" \
    || [ ! -f "$ROOT/tools/node_modules/axe-core/axe.min.js" ] || [ ! -x "$ROOT/tools/node_modules/.bin/lighthouse" ] \
    || [ ! -f "$ROOT/tools/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    # --ignore-scripts: vnu-jar's install script would download a Java runtime; Debian's is used.
    install_missing "the pinned npm tools (binaryen $BINARYEN_VERSION, axe-core, vnu-jar, lighthouse) into tools/" \
      npm ci --prefix "$ROOT/tools" --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
}
ensure_node_tools() {
  need_node_tools
  stop_if_missing
}

# apt-get install for Debian packages that are missing: `$1` says why they are needed. Says
# before it runs sudo (a password prompt out of the blue is rude).
apt_install() {
  local why="$1"
  shift
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "${PEERSCOPE_NO_INSTALL:-}" = 1 ]; then
    MISSING+=("Debian's $* ($why)"$'\n'"      ${sudo:+sudo }apt-get install $*")
    return
  fi
  if [ -n "$sudo" ]; then
    say "installing Debian's $* ($why) with sudo apt-get, as you are not root: sudo may ask for your password"
  else
    say "installing Debian's $* ($why) with apt-get"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# DejaVu Sans draws the text of the share images (peerscope-site reads it from this folder).
ensure_fonts() {
  if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
    apt_install "the share images' font" fonts-dejavu-core
  fi
}

need_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install "the browser of the end-to-end tests" chromium chromium-driver
  fi
}
ensure_chromium() {
  need_chromium
  stop_if_missing
}

# Java runs the W3C Nu HTML checker (vnu.jar) in the test run.
need_java() {
  if ! command -v java >/dev/null; then
    apt_install "Java, to run the W3C Nu HTML checker" default-jre-headless
  fi
}
ensure_java() {
  need_java
  stop_if_missing
}

# Everything needed to build the app (need_…: install or note what is missing; ensure_…: then
# stop if PEERSCOPE_NO_INSTALL=1 left anything missing).
need_build_tools() {
  ensure_wasm_target
  ensure_fonts
  need_node_tools
  ensure_wasm_bindgen
}
ensure_build_tools() {
  need_build_tools
  stop_if_missing
}
