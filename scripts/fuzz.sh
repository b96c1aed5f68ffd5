#!/usr/bin/env bash
# Fuzzes every parser of the corpus (peerscope-fuzz, fuzz/): each target mutates the real seeds
# and token dictionaries and checks its properties; a panic, an input taking more than 1 s or a
# broken property writes the input to target/fuzz-crashes/ and fails the run. Targets run in
# parallel, one lane per core; a table of inputs, seconds and the slowest input ends the run.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET | --inputs N] [peerscope-fuzz options]
#   scripts/fuzz.sh                  60 s per target
#   scripts/fuzz.sh 600              10 minutes per target
#   scripts/fuzz.sh --inputs 1000000 a million inputs per target (add --seconds S to cap the time)
#   options: --seed X, --skip TARGET,..., --keep-going, --jobs J; `peerscope-fuzz list` lists targets
source "$(dirname "$0")/tools.sh"
cd "$ROOT"

limit=(--seconds 60)
case "${1:-}" in
  --inputs) [ $# -ge 2 ] || { echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET | --inputs N] [options]" >&2; exit 2; }
            limit=(--inputs "$2"); shift 2 ;;
  ''|-*) ;;
  *[!0-9.]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET | --inputs N] [options]" >&2; exit 2 ;;
  *) limit=(--seconds "$1"); shift ;;
esac

# The `fuzz` profile (Cargo.toml) is the release build with panics that unwind (the release
# profile aborts, and the fuzzer catches each panic to report its input) and overflow checks on.
say "building peerscope-fuzz (profile fuzz)"
cargo build --quiet --profile fuzz --locked -p peerscope-fuzz
fuzz="${CARGO_TARGET_DIR:-$ROOT/target}/fuzz/peerscope-fuzz"

say "fuzzing every target: ${limit[*]} each, $(nproc) lanes"
"$fuzz" all "${limit[@]}" --jobs "$(nproc)" "$@"
