#!/bin/sh
# Tokenize+stem throughput per language on real text from ../shared/data,
# against bare ICU word-break iteration on the same documents (the cost floor
# of the dependency). Prints MB/s for both and the ratio. Not a test.
# Usage: scripts/bench_pipeline.sh [SECONDS]   (default 2 per measurement)
set -eu
cd "$(dirname "$0")/.."
data=${PLAINT_SHARED:-../shared}/data
[ -d "$data" ] || { echo "bench_pipeline: no $data" >&2; exit 1; }
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPLAINT_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench --target bench_pipeline -j "$(nproc)" >/dev/null
for f in pl-polemo-medicine/train.tsv bg-cinexio/train.tsv el-skroutz/train.tsv; do
    ./build-bench/bench_pipeline "$data/$f" "${1:-2}"
done
