#!/bin/sh
# Large inputs through the CLI: a 10 MB single line, a 100 MB line, many lines, and the
# one-output-line-per-input-line contract. Usage: stress.sh PLAINT
plaint=${1:?usage: stress.sh PLAINT}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # description, condition exit status
    if [ "$2" -ne 0 ]; then echo "FAIL: $1" >&2; fail=1; else echo "ok: $1"; fi
}
# 10 MB single line of Polish words (no newline at the end)
awk 'BEGIN { for (i = 0; i < 700000; i++) printf "Reklamacja%d produktu ", i % 50000 }' \
    >"$tmp/big"
size=$(wc -c <"$tmp/big")
[ "$size" -gt 10000000 ]; check "input is over 10 MB ($size bytes)" $?
"$plaint" tokenize --stems "$tmp/big" >"$tmp/out"; check "tokenize exits 0" $?
[ "$(wc -l <"$tmp/out")" -eq 1 ]; check "one output line" $?
[ "$(tr ' ' '\n' <"$tmp/out" | grep -c '^produkt$')" -eq 700000 ]
check "every token stemmed (700000 x produkt)" $?
# 200,000 lines, some empty, some invalid UTF-8: as many output lines
awk 'BEGIN { for (i = 0; i < 200000; i++) {
    if (i % 7 == 0) print ""; else if (i % 11 == 0) printf "z\377y\n"; else print "Ala ma kota " i } }' \
    >"$tmp/many"
"$plaint" tokenize "$tmp/many" >"$tmp/out2" 2>"$tmp/err2"; check "many lines: exit 0" $?
[ "$(wc -l <"$tmp/out2")" -eq 200000 ]; check "many lines: 200000 output lines" $?
grep -q "lines had invalid UTF-8" "$tmp/err2"; check "many lines: invalid UTF-8 summarized" $?
"$plaint" stem --lang pl "$tmp/many" >"$tmp/out3" 2>/dev/null; check "stem: exit 0" $?
[ "$(wc -l <"$tmp/out3")" -eq 200000 ]; check "stem: 200000 output lines" $?
# a 100 MB line between two short ones, labeled with the default model:
# three output lines, the long one labeled too
{
    echo "Paczka przyszła uszkodzona"
    awk 'BEGIN { for (i = 0; i < 5700000; i++) printf "zepsuty ekran %d ", i % 1000; print "" }'
    echo "Το δέμα ήρθε σπασμένο"
} >"$tmp/huge"
size=$(wc -c <"$tmp/huge")
[ "$size" -gt 100000000 ]; check "input is over 100 MB ($size bytes)" $?
"$plaint" label "$tmp/huge" >"$tmp/out4" 2>"$tmp/err4"; check "100 MB line: label exits 0" $?
[ "$(wc -l <"$tmp/out4")" -eq 3 ]; check "100 MB line: three output lines" $?
[ "$(cut -f1 "$tmp/out4" | grep -c .)" -eq 3 ]; check "100 MB line: all three labeled" $?
exit $fail
