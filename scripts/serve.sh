#!/usr/bin/env bash
# Builds the release site (scripts/build.sh, installing what is missing) and serves it on
# http://127.0.0.1:8080/ (or $PORT) as a plain static host would. Run it again after a change.
source "$(dirname "$0")/tools.sh"
cd "$ROOT"
# Served at the root: a sub-path build (PEERSCOPE_BASE) is for a host that serves one.
unset PEERSCOPE_BASE
"$ROOT/scripts/build.sh"
dist="${PEERSCOPE_DIST:-$ROOT/dist}"
cargo build --quiet --locked -p peerscope-serve
say "serving peerscope at http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec "$ROOT/target/debug/peerscope-serve" "$dist" "${PORT:-8080}"
