#!/bin/sh
# Classifier benchmark: plaint (default options, through its CLI) against
# scikit-learn naive Bayes / linear SVM and fastText on every dataset in
# ../shared/data, in one run. Prints a table per dataset (macro-F1, accuracy,
# train and label seconds) and a summary. Not a test.
#
# Usage: scripts/bench_classify.sh [--datasets a,b] [--quick] [--json-out FILE]
#   --datasets a,b   only these datasets (names of folders in ../shared/data)
#   --quick          skip fastText's -wordNgrams 2 -epoch 25 -lr 1.0 config
#   --json-out FILE  also write all figures as JSON to FILE
# Environment: PLAINT=path/to/plaint to use that binary instead of building
#   build-bench/plaint; PLAINT_SHARED (default ../shared) holds data/.
# Needs Debian's python3-sklearn (run with /usr/bin/python3) and fasttext.
set -eu
caller=$(pwd)
cd "$(dirname "$0")/.."

usage() { sed -n '7,13p' "$0" | sed 's/^# \{0,1\}//'; }
abspath() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$caller" "$1" ;; esac; }

datasets=pl-polemo-medicine,bg-cinexio,el-skroutz,pl-sib200,bg-sib200,el-sib200
quick=
json_out=
while [ $# -gt 0 ]; do
    case $1 in
        --datasets) [ $# -ge 2 ] || { usage >&2; exit 2; }; datasets=$2; shift 2 ;;
        --datasets=*) datasets=${1#--datasets=}; shift ;;
        --quick) quick=--quick; shift ;;
        --json-out) [ $# -ge 2 ] || { usage >&2; exit 2; }; json_out=$(abspath "$2"); shift 2 ;;
        --json-out=*) json_out=$(abspath "${1#--json-out=}"); shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench_classify: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

py="/usr/bin/python3 -E -s"
if ! [ -x /usr/bin/python3 ] || ! $py -c 'import sklearn, numpy' 2>/dev/null; then
    echo "bench_classify: /usr/bin/python3 cannot import sklearn;" \
         "install the Debian package python3-sklearn (apt-get install python3-sklearn)" >&2
    exit 2
fi
if [ -x /usr/bin/fasttext ]; then fasttext=/usr/bin/fasttext
else fasttext=$(command -v fasttext 2>/dev/null || true); fi
if [ -z "$fasttext" ]; then
    echo "bench_classify: no fasttext command;" \
         "install the Debian package fasttext (apt-get install fasttext)" >&2
    exit 2
fi

data=${PLAINT_SHARED:-../shared}/data
[ -d "$data" ] || { echo "bench_classify: no $data" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench_classify.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# plaint: the given binary, or a Release build of the CLI. A failed build
# does not stop the benchmark: plaint's rows then print n/a with the reason.
unavailable=
if [ -n "${PLAINT:-}" ]; then
    plaint=$(abspath "$PLAINT")
    [ -x "$plaint" ] || unavailable="PLAINT=$PLAINT is not an executable file"
else
    plaint=$(pwd)/build-bench/plaint
    echo "bench_classify: building plaint (build-bench, Release)..." >&2
    if ! { cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DPLAINT_BUILD_TESTS=OFF &&
           cmake --build build-bench -j2 --target plaint_cli; } >"$work/build.log" 2>&1; then
        echo "bench_classify: plaint build failed; last lines of the log:" >&2
        tail -n 15 "$work/build.log" >&2
        err=$(grep -m1 -E 'error|Error' "$work/build.log" | cut -c1-120 || true)
        unavailable="plaint build failed${err:+: $err}"
    fi
fi

set -- --data "$data" --datasets "$datasets" --fasttext "$fasttext" --work "$work"
[ -n "$quick" ] && set -- "$@" "$quick"
[ -n "$json_out" ] && set -- "$@" --json-out "$json_out"
if [ -n "$unavailable" ]; then
    set -- "$@" --plaint-unavailable "$unavailable"
else
    set -- "$@" --plaint "$plaint"
fi
$py scripts/bench_classify.py "$@"
