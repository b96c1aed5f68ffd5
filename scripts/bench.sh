#!/usr/bin/env bash
# Prints peerscope's figures for a folder of seeds (default: seeds/), never as assertions:
#   - the time to read and merge the documents (`check`, release), the import figure for a .bib;
#   - build time with the Rust already compiled: cold (empty site folder and image cache) and
#     again after one seed file changed, each with the peak memory of the build;
#   - the site's files and bytes;
#   - sizes raw, gzip and brotli: every file, the app's code, what a first visit to each kind of
#     page loads (bench/size.mjs);
#   - in headless Chromium: app ready, category click → list updated (p95), search latency and
#     bytes fetched, JS heap (browser-bench);
#   - with the default seeds, the graph layout against d3-force (bench/layout).
# Usage: scripts/bench.sh [--seeds DIR] [--size-only]
#   e.g. cargo run -p peerscope-corpus -- synth target/workload && scripts/bench.sh --seeds target/workload
source "$(dirname "$0")/tools.sh"
seeds="$ROOT/seeds"
size_only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --seeds) seeds="$(realpath "$2")"; shift 2 ;;
    --size-only) size_only=1; shift ;;
    *) echo "usage: scripts/bench.sh [--seeds DIR] [--size-only]" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
[ -d "$seeds" ] || { echo "error: no seeds folder at $seeds" >&2; exit 2; }

work="$ROOT/target/bench"
dist="$work/dist"
rm -rf "$work" && mkdir -p "$work"
# A copy, so that one file can be changed for the second build.
cp -r "$seeds" "$work/seeds"
export PEERSCOPE_CACHE="$work/share-cache"

say "compiling the app and the site builder (not timed)"
PEERSCOPE_DIST="$work/warm-up" "$ROOT/scripts/build.sh" >/dev/null 2>&1 || PEERSCOPE_DIST="$work/warm-up" "$ROOT/scripts/build.sh"
rm -rf "$work/warm-up" "$PEERSCOPE_CACHE"

# Runs a build and prints its wall time and the peak memory of its largest process.
timed_build() {
  python3 - "$@" <<'EOF'
import resource, subprocess, sys, time
start = time.monotonic()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
took = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
if done.returncode != 0:
    sys.stderr.write(done.stdout)
    sys.exit(done.returncode)
import re
summary = [l for l in done.stdout.splitlines() if re.match(r"^\s+[0-9.]+ s  ", l)]
print(f"{took:.1f} s, peak memory {peak:.0f} MB")
for line in summary: print("   " + line.strip())
EOF
}

# Reading and merging the documents alone, as `peerscope-corpus check` does in a release build:
# the import figure for a folder holding a lab's .bib or a Zotero export (`synth --bib`).
cargo build --quiet --locked --release -p peerscope-corpus
say "reading the documents (peerscope-corpus check, release build)"
/usr/bin/time -f "%e s, peak memory %M KB" "$ROOT/target/release/peerscope-corpus" check "$work/seeds" 2>&1 \
  | grep -E '^ok:|^failed:| s, peak memory '

say "build, cold (empty site folder and image cache), seeds $seeds"
PEERSCOPE_SEEDS="$work/seeds" PEERSCOPE_DIST="$dist" timed_build "$ROOT/scripts/build.sh"
# The first seed file (not `ls | head`: with pipefail, a long listing cut short by `head` is an
# error that ended the benchmark silently on the 500-file workload).
for file in "$work/seeds"/*; do
  [ "$(basename "$file")" = peerscope.overrides ] && continue
  changed="$(basename "$file")"
  break
done
printf '\n' >> "$work/seeds/$changed"
say "build again after one seed file changed ($changed)"
PEERSCOPE_SEEDS="$work/seeds" PEERSCOPE_DIST="$dist" timed_build "$ROOT/scripts/build.sh"
say "the site folder"
# The bytes of its files, as a host counts them (`du` would add the folders' own blocks: 58 MB
# on the reference workload's 13,000 folders).
find "$dist" -type f -printf '%s\n' | awk '{ n++; s += $1 } END { printf "%d files, %d bytes (%.1f MB)\n", n, s, s / 1e6 }'


say "sizes"
node bench/size.mjs "$dist"
[ -n "$size_only" ] && exit 0

ensure_chromium
say "in the browser (headless Chromium, local static server)"
cargo run --quiet --locked -p peerscope-e2e --bin browser-bench -- "$dist"
if [ "$seeds" = "$ROOT/seeds" ]; then
  say "graph layout in wasm vs d3-force (bench/layout)"
  "$ROOT/bench/layout/run.sh" --runs 3
fi
