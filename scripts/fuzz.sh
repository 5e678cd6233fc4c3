#!/bin/sh
# Fuzzes every target with libFuzzer (clang, ASan+UBSan) and keeps what it
# finds: new coverage is merged into tests/fuzz/corpus/<target>/ (replayed by
# every CI run), crashes are left in build-fuzz/ as crash-*, and executions
# per target are printed.
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 600, all)
set -eu
cd "$(dirname "$0")/.."
secs=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-model payload label tokenize stem corpus_line records}
sh scripts/install-deps.sh clang
CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLAINT_FUZZ=ON \
    -DPLAINT_SANITIZE=address,undefined >/dev/null
for t in $targets; do
    cmake --build build-fuzz -j "$(nproc)" --target "fuzz_$t" >/dev/null
done
top=$(pwd)
fuzz_one() {
    t=$1
    mkdir -p "build-fuzz/new_$t"
    (cd build-fuzz &&
        ./tests/"fuzz_$t" -max_total_time="$secs" -max_len=65536 -timeout=10 \
            -rss_limit_mb=2048 -print_final_stats=1 "new_$t" "$top/tests/fuzz/corpus/$t" \
            >"fuzz_$t.log" 2>&1 ||
        echo "fuzz.sh: $t stopped with a finding (see build-fuzz/fuzz_$t.log)" >&2)
    # keep only inputs that add coverage to the saved corpus
    (cd build-fuzz && ./tests/"fuzz_$t" -merge=1 "$top/tests/fuzz/corpus/$t" "new_$t" \
        >/dev/null 2>&1 || true)
}
# one target per core at a time
running=0
for t in $targets; do
    fuzz_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$(nproc)" ]; then
        wait
        running=0
    fi
done
wait
for t in $targets; do
    printf '%-12s %s\n' "$t" "$(grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' \
        "build-fuzz/fuzz_$t.log" | tr -s ' ' | tr '\n' ' ')"
done
