#!/usr/bin/env bash
# Builds the release app into dist/ (or $PEERSCOPE_DIST): a folder any static host can serve.
#   PEERSCOPE_BASE=/peerscope/  serve under a sub-path (default: the site root)
#   PEERSCOPE_SEEDS=dir         compile another folder of seeds (default: seeds/)
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

say "release build into $dist (base $base, seeds ${PEERSCOPE_SEEDS:-seeds/})"
trunk build --release --offline --public-url "$base" --dist "$dist"
cargo run --quiet --locked -p peerscope-site -- "$dist" --seeds "${PEERSCOPE_SEEDS:-$ROOT/seeds}"
say "built $dist"
