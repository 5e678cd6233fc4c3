#!/bin/sh
# Checks our Polish stemmer (src/stem_pl.c, via `plaint stem --lang pl`)
# against the real Snowball 3.1.1 polish stemmer, compiled to WebAssembly in
# the npm package multilingual-stemmer@2.1.1. Not part of the test suite: it
# needs node, npm and the npm registry.
#
# Usage: scripts/verify_stem_pl.sh [--install-wordlist] [FILE...]
#
# Word lists, each compared on its own:
#   - the distinct words of the text column of ${PLAINT_SHARED:-../shared}/data/pl-*/*.tsv
#   - /usr/share/dict/polish (4.3M words) when the Debian package wpolish is
#     installed; --install-wordlist installs it (apt-get install wpolish)
#   - each FILE given, one word per line
# Every list is lowercased, and only words that our normalization leaves
# unchanged (NFKC_Casefold, typographic apostrophes to ') are compared: see
# verify_stem_pl.mjs. Per list it prints "N words, N agree (P%)" and the
# first 20 disagreements as word<TAB>ours<TAB>snowball.
# Exit status: 0 all agree, 1 some list disagrees, 2 setup problem.
set -eu

die() { printf 'verify_stem_pl: %s\n' "$*" >&2; exit 2; }

install_wordlist=no
while [ $# -gt 0 ]; do
    case $1 in
    --install-wordlist) install_wordlist=yes; shift ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    --) shift; break ;;
    -?*) die "unknown option $1 (see --help)" ;;
    *) break ;;
    esac
done

# Make the FILE arguments absolute (we are about to cd) and check them.
n=$#
while [ "$n" -gt 0 ]; do
    f=$1; shift; n=$((n - 1))
    [ -f "$f" ] && [ -r "$f" ] || die "cannot read $f"
    case $f in /*) ;; *) f=$PWD/$f ;; esac
    set -- "$@" "$f"
done

cd "$(dirname "$0")/.."
build="build-verify"
npm_prefix=$build/npm
work=$build/verify-pl
mjs=scripts/verify_stem_pl.mjs
mkdir -p "$work"

# Setup: node/npm, plaint, the npm package, optionally wpolish.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
    die "node and npm are required (Debian: apt-get install nodejs npm)"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' ||
    die "node >= 18 is required, found $(node --version)"

echo "building plaint in $build/ (log: $work/build.log)" >&2
{ cmake -S . -B "$build" -DPLAINT_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release &&
    cmake --build "$build" --target plaint_cli -j "$(nproc)"; } >"$work/build.log" 2>&1 ||
    { tail -n 20 "$work/build.log" >&2; die "build failed, see $work/build.log"; }

pkg=$npm_prefix/node_modules/multilingual-stemmer
if [ "$(node -p "require('./$pkg/package.json').version" 2>/dev/null)" != 2.1.1 ]; then
    echo "installing multilingual-stemmer@2.1.1 into $npm_prefix/" >&2
    npm install --prefix "$npm_prefix" --no-audit --no-fund --loglevel=error \
        multilingual-stemmer@2.1.1 >&2 ||
        die "npm install multilingual-stemmer@2.1.1 failed (is the npm registry reachable?)"
fi

if [ "$install_wordlist" = yes ] && [ ! -r /usr/share/dict/polish ]; then
    sh scripts/install-deps.sh wpolish || die "could not install wpolish"
fi

# compare NAME WORDS: stem WORDS (one per line) with both stemmers and report.
status=0
compare() {
    ./"$build"/plaint stem --lang pl "$2" >"$work/ours" || die "plaint stem failed on $1"
    node "$mjs" stem "$2" >"$work/snowball" || die "Snowball (node) failed on $1"
    [ "$(wc -l <"$work/ours")" -eq "$(wc -l <"$2")" ] &&
        [ "$(wc -l <"$work/snowball")" -eq "$(wc -l <"$2")" ] ||
        die "$1: the stemmers did not print one line per word"
    # Fields are compared as strings ("" forces it: awk compares numbers
    # numerically). The percentage never rounds up to 100 unless all agree.
    paste "$2" "$work/ours" "$work/snowball" |
        LC_ALL=C awk -F '\t' -v name="$1" -v skipped="$(cat "$work/skipped")" '
        { n++; if ($2 "" == $3 "") a++; else if (++d <= 20) bad[d] = $0 }
        END {
            p = n ? 100 * a / n : 100
            if (a < n && p > 99.999) p = 99.999
            printf "%s: %d words, %d agree (%s%%)\n", name, n, a,
                a == n ? "100" : sprintf("%.3f", p)
            if (skipped > 0)
                printf "  (%d input lines not compared: our normalization" \
                    " changes them even after lowercasing)\n", skipped
            if (d > 0)
                printf "first %d of %d disagreements (word, ours, snowball):\n",
                    d < 20 ? d : 20, d
            for (i = 1; i <= d && i <= 20; i++) print bad[i]
            exit a == n ? 0 : 1
        }' || status=1
}

# prepare FILE: lowercase FILE, keep the words our normalization leaves as
# they are, dedupe.
prepare() {
    PLAINT_SKIPPED_FILE=$work/skipped node "$mjs" lower "$1" >"$work/lower" ||
        die "reading $1 failed"
    LC_ALL=C sort -u "$work/lower" >"$work/words" || die "sort failed"
}

lists=0
# (a) The Polish data sets.
data=${PLAINT_SHARED:-../shared}/data
ntsv=0
for f in "$data"/pl-*/*.tsv; do
    if [ -f "$f" ]; then ntsv=$((ntsv + 1)); fi
done
if [ "$ntsv" -gt 0 ]; then
    node "$mjs" tsv "$data"/pl-*/*.tsv >"$work/tsv" || die "reading $data/pl-*/*.tsv failed"
    prepare "$work/tsv"
    compare "$data/pl-*/*.tsv ($ntsv files)" "$work/words"
    lists=$((lists + 1))
else
    echo "note: no $data/pl-*/*.tsv, skipping the data-set words" >&2
fi

# (b) The wpolish dictionary.
if [ -r /usr/share/dict/polish ]; then
    prepare /usr/share/dict/polish
    compare /usr/share/dict/polish "$work/words"
    lists=$((lists + 1))
else
    echo "note: no /usr/share/dict/polish; for the full 4.3M-word check" \
        "apt-get install wpolish (or rerun with --install-wordlist)" >&2
fi

# (c) Files from the command line.
for f in "$@"; do
    prepare "$f"
    compare "$f" "$work/words"
    lists=$((lists + 1))
done

[ "$lists" -gt 0 ] || die "no word lists to check"
rm -f "$work/tsv" "$work/lower" "$work/skipped" "$work/words" "$work/ours" "$work/snowball"
exit "$status"
