#!/bin/sh
# Per-call overhead of the library: labels per second for ~100-character
# texts (our held-out complaints cut at the first word boundary after 100
# bytes), single thread and all cores. usage: scripts/bench_api.sh
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-bench -j "$(nproc)" --target bench_api >/dev/null
tmp=$(mktemp) && trap 'rm -f "$tmp"' EXIT
cat corpora/heldout/*/*.tsv | cut -f2 | awk '{ s = $0; if (length(s) > 100) { s = substr(s, 1, 100); sub(/ [^ ]*$/, "", s) } print s }' >"$tmp"
./build-bench/bench_api "$tmp" "$(nproc)" 20
