#!/bin/sh
# Batch labeling throughput: plaint label against fastText's predict on the
# same texts, in one run. Prints MB/s for both and their ratio, plaint with
# 1 thread and with every core, and peak memory (max RSS). Not a test.
#
# Usage: scripts/bench_label.sh [MB] [MEM_MB]
#   MB       size of the text to label (default 100)
#   MEM_MB   also label an input of this size (e.g. 1000) for peak memory;
#            0 (default) skips it
# Texts: the review texts of ../shared/data (pl-polemo-medicine, bg-cinexio,
# el-skroutz; train and test), repeated to MB. fastText is trained on the same
# corpus plaint's default model is (corpora/{pl,bg,el}), with its defaults;
# its input is pre-tokenized as its users do (lower-cased, punctuation split
# off), before timing. plaint reads the raw text and does its whole pipeline
# (NFC, ICU word break, case folding, stemming, features). Environment:
# PLAINT=path/to/plaint (default: builds build-bench/plaint), PLAINT_SHARED.
set -eu
cd "$(dirname "$0")/.."
mb=${1:-100}
mem_mb=${2:-0}
shared=${PLAINT_SHARED:-../shared}
command -v fasttext >/dev/null || { echo "bench_label: needs fasttext (apt-get install fasttext)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench_label: needs GNU time (apt-get install time)" >&2; exit 2; }
for d in pl-polemo-medicine bg-cinexio el-skroutz; do
    [ -f "$shared/data/$d/train.tsv" ] || { echo "bench_label: $shared/data/$d missing" >&2; exit 2; }
done
if [ -z "${PLAINT:-}" ]; then
    cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build-bench -j "$(nproc)" --target plaint_cli >/dev/null
    PLAINT=./build-bench/plaint
fi
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

for d in pl-polemo-medicine bg-cinexio el-skroutz; do
    cut -f2- "$shared/data/$d/train.tsv" "$shared/data/$d/test.tsv"
done >"$tmp/base"
repeat() { # repeat FILE to at least $2 MB into $3
    : >"$3"
    while [ "$(wc -c <"$3")" -lt $(($2 * 1000000)) ]; do cat "$1" >>"$3"; done
}
repeat "$tmp/base" "$mb" "$tmp/in.txt"
# fastText's usual preparation: lower case, punctuation split off
tok() { sed 's/\([.,!?;:()"]\)/ \1 /g' "$1" | awk '{ print tolower($0) }'; }
tok "$tmp/in.txt" >"$tmp/in.ft"
cat corpora/pl/*.tsv corpora/bg/*.tsv corpora/el/*.tsv |
    awk -F'\t' '{ print "__label__" $1 " " $2 }' >"$tmp/train.raw"
cut -d' ' -f1 "$tmp/train.raw" >"$tmp/train.labels"
cut -d' ' -f2- "$tmp/train.raw" >"$tmp/train.text"
tok "$tmp/train.text" | paste -d' ' "$tmp/train.labels" - >"$tmp/train.ft"
fasttext supervised -input "$tmp/train.ft" -output "$tmp/ft" -verbose 0 -thread 1 -seed 1

bytes=$(wc -c <"$tmp/in.txt")
lines=$(wc -l <"$tmp/in.txt")
# run NAME CMD...: prints "NAME seconds maxrss_kb"
run() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || true
    set -- $(tail -n 1 "$tmp/time")
    echo "$name $1 $2"
}
threads=$(nproc)
{
    run fasttext fasttext predict "$tmp/ft.bin" "$tmp/in.ft"
    run plaint-1 "$PLAINT" label -q -j 1 "$tmp/in.txt"
    run "plaint-$threads" "$PLAINT" label -q -j "$threads" "$tmp/in.txt"
} >"$tmp/results"
echo "bench_label: $lines texts, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB" \
     "(fastText's tokenized copy: $(awk -v b="$(wc -c <"$tmp/in.ft")" 'BEGIN { printf "%.1f", b / 1e6 }') MB)," \
     "$(nproc) cores"
awk -v bytes="$bytes" -v t="$threads" '
    { secs[$1] = $2; rss[$1] = $3; order[NR] = $1 }
    END {
        printf "%-12s %8s %8s %10s\n", "tool", "seconds", "MB/s", "max RSS MB"
        for (i = 1; i <= NR; i++) {
            n = order[i]
            printf "%-12s %8.2f %8.1f %10.1f\n", n, secs[n], bytes / 1e6 / secs[n], rss[n] / 1024
        }
        p1 = "plaint-1"; pn = "plaint-" t
        printf "ratio plaint 1 thread / fastText predict (MB/s): %.2f\n", secs["fasttext"] / secs[p1]
        printf "ratio plaint %d threads / fastText predict: %.2f\n", t, secs["fasttext"] / secs[pn]
        printf "scaling plaint %d threads / 1 thread: %.2fx\n", t, secs[p1] / secs[pn]
    }' "$tmp/results"

if [ "$mem_mb" -gt 0 ]; then
    repeat "$tmp/in.txt" "$mem_mb" "$tmp/big.txt"
    rm -f "$tmp/in.ft"
    set -- $(run big "$PLAINT" label -q -j "$threads" "$tmp/big.txt")
    echo "peak memory labeling $(awk -v b="$(wc -c <"$tmp/big.txt")" 'BEGIN { printf "%.0f", b / 1e6 }') MB with $threads threads: $(awk -v k="$3" 'BEGIN { printf "%.1f", k / 1024 }') MB max RSS ($2 s)"
fi
