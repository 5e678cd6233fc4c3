#!/bin/sh
# CLI test runner. Usage: run.sh [--exec-prefix 'valgrind -q'] PLAINT CASES_DIR
# Each case is a directory holding (it runs in a scratch copy of itself):
#   args     the arguments, as shell words (evaluated in the case directory)
#   stdin    optional: fed to standard input (else /dev/null)
#   stdout   optional: the exact expected standard output
#   stderr   optional: the exact expected standard error
#   exit     optional: the expected exit status (default 0)
#   redirect optional: a path standard output goes to instead (e.g. /dev/full)
prefix=
if [ "$1" = "--exec-prefix" ]; then prefix=$2; shift 2; fi
plaint=${1:?usage: run.sh [--exec-prefix P] PLAINT CASES_DIR}
cases=${2:?usage: run.sh [--exec-prefix P] PLAINT CASES_DIR}
case $plaint in /*) ;; *) plaint=$(pwd)/$plaint ;; esac
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for dir in "$cases"/*/; do
    name=$(basename "$dir")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/stdin"
    want_exit=0
    [ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
    output="$tmp/out"
    [ -f "$dir/redirect" ] && output=$(cat "$dir/redirect")
    # run in a scratch copy of the case, so what a command writes stays there
    rm -rf "$tmp/case" && cp -R "$dir" "$tmp/case"
    (cd "$tmp/case" && eval "set -- $(cat args)" && exec $prefix "$plaint" "$@") \
        <"$input" >"$output" 2>"$tmp/err"
    got_exit=$?
    ok=1
    if [ "$got_exit" != "$want_exit" ]; then
        echo "FAIL $name: exit $got_exit, expected $want_exit" >&2
        ok=0
    fi
    for stream in stdout stderr; do
        [ -f "$dir/$stream" ] || continue
        got="$tmp/out"
        [ "$stream" = stderr ] && got="$tmp/err"
        if ! cmp -s "$dir/$stream" "$got"; then
            echo "FAIL $name: $stream differs (expected, then got):" >&2
            diff "$dir/$stream" "$got" | head -20 >&2
            ok=0
        fi
    done
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
