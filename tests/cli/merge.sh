#!/bin/sh
# plaint merge and plaint train --update: merging models trained with
# --mergeable on shards of a corpus gives the model trained on the whole
# corpus byte for byte (whatever the order), a merge of one model is that
# model, an update equals training at once; bad inputs are refused clearly.
# The corpus: corpora/heldout (stable; 4 labels, pl, bg and el), split by
# line number into 3 shards.
# Usage: merge.sh PLAINT SOURCE_DIR
plaint=${1:?usage: merge.sh PLAINT SOURCE_DIR}
src=${2:?usage: merge.sh PLAINT SOURCE_DIR}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
# expect WHAT PATTERN FILE: FILE has a line matching the extended regex
expect() { grep -Eq -- "$2" "$3" || { fail "$1: no line matching '$2' in:"; cat "$3" >&2; }; }
# status WHAT WANT GOT
status() { [ "$3" -eq "$2" ] || fail "$1: exit $3, expected $2"; }
same() { cmp -s "$2" "$3" || fail "$1: $2 and $3 differ"; }

cat "$src"/corpora/heldout/*/*.tsv >"$tmp/all.tsv"
[ "$(wc -l <"$tmp/all.tsv")" -gt 300 ] || fail "the heldout corpus is missing or small"
for k in 0 1 2; do
    awk -v k=$k 'NR % 3 == k' "$tmp/all.tsv" >"$tmp/s$k.tsv"
done
cat "$tmp/s1.tsv" "$tmp/s2.tsv" >"$tmp/s12.tsv"

# S=100: the calibration sample is a real subset of each language's texts;
# the default S (5000) takes them all
for S in 100 5000; do
    opt="--calibration-sample $S"
    for x in all s0 s1 s2; do
        "$plaint" train --mergeable $opt -o "$tmp/$x.plm" "$tmp/$x.tsv" 2>"$tmp/err" ||
            { fail "train $x (S=$S) exit $?"; cat "$tmp/err" >&2; }
    done
    "$plaint" merge -o "$tmp/m012.plm" "$tmp/s0.plm" "$tmp/s1.plm" "$tmp/s2.plm" 2>"$tmp/err" ||
        fail "merge (S=$S) exit $?"
    expect merge-stderr "merged 3 models \($(wc -l <"$tmp/all.tsv") texts\)" "$tmp/err"
    same "merge of the shards (S=$S)" "$tmp/m012.plm" "$tmp/all.plm"
    "$plaint" merge -o "$tmp/m201.plm" "$tmp/s2.plm" "$tmp/s0.plm" "$tmp/s1.plm" 2>/dev/null ||
        fail "merge (other order) exit $?"
    same "merge in another order (S=$S)" "$tmp/m201.plm" "$tmp/all.plm"
    "$plaint" merge -o "$tmp/m01.plm" "$tmp/s0.plm" "$tmp/s1.plm" 2>/dev/null &&
        "$plaint" merge -o "$tmp/m01_2.plm" "$tmp/m01.plm" "$tmp/s2.plm" 2>/dev/null ||
        fail "merge in two steps exit $?"
    same "merge in two steps (S=$S)" "$tmp/m01_2.plm" "$tmp/all.plm"
    "$plaint" merge -o "$tmp/one.plm" "$tmp/s1.plm" 2>/dev/null || fail "merge of one exit $?"
    same "merge of one model (S=$S)" "$tmp/one.plm" "$tmp/s1.plm"
    # update: train(s0) + s1 + s2 == train(all), with MODEL's options
    "$plaint" train --update "$tmp/s0.plm" -o "$tmp/u.plm" "$tmp/s1.tsv" "$tmp/s2.tsv" \
        2>"$tmp/err" || { fail "train --update (S=$S) exit $?"; cat "$tmp/err" >&2; }
    same "update (S=$S)" "$tmp/u.plm" "$tmp/all.plm"
done
expect update-stderr "added [0-9]+ texts .* to .*s0.plm" "$tmp/err"

# update with texts of a single label, and options repeated as the model has them
grep '^misuse	' "$tmp/s12.tsv" >"$tmp/misuse.tsv"
cat "$tmp/s0.tsv" "$tmp/misuse.tsv" >"$tmp/s0m.tsv"
"$plaint" train --mergeable -o "$tmp/s0m.plm" "$tmp/s0m.tsv" 2>/dev/null || fail "train s0m"
"$plaint" train --update "$tmp/s0.plm" --alpha 0.5 --calibration-sample 5000 -o "$tmp/u1.plm" \
    "$tmp/misuse.tsv" 2>"$tmp/err" || { fail "update with one label: exit $?"; cat "$tmp/err" >&2; }
same "update with one label" "$tmp/u1.plm" "$tmp/s0m.plm"

# info
"$plaint" info -m "$tmp/all.plm" >"$tmp/info" || fail "info exit $?"
expect info '^mergeable: +yes' "$tmp/info"
expect info 'calibration sample 5000$' "$tmp/info"
"$plaint" info --json -m "$tmp/all.plm" >"$tmp/json" || fail "info --json exit $?"
expect info-json '"calibration_sample":5000\},"mergeable":true,' "$tmp/json"
"$plaint" train -o "$tmp/plain.plm" "$tmp/s1.tsv" 2>/dev/null || fail "train (not mergeable)"
"$plaint" info -m "$tmp/plain.plm" >"$tmp/info" || fail "info exit $?"
expect info-plain '^mergeable: +no' "$tmp/info"
# the merged model labels like the one trained at once
cut -f2 "$tmp/all.tsv" | head -50 | "$plaint" label -m "$tmp/m012.plm" >"$tmp/l1" 2>/dev/null
cut -f2 "$tmp/all.tsv" | head -50 | "$plaint" label -m "$tmp/all.plm" >"$tmp/l2" 2>/dev/null
same "labels of the merged model" "$tmp/l1" "$tmp/l2"

# refusals: each a clear message and a non-zero exit
"$plaint" merge -o "$tmp/x.plm" "$tmp/s0.plm" "$tmp/plain.plm" 2>"$tmp/err"
status "merge of a model without --mergeable" 1 $?
expect merge-nonmergeable 'plain.plm: trained without --mergeable' "$tmp/err"
"$plaint" train --mergeable --alpha 1 -o "$tmp/a1.plm" "$tmp/s1.tsv" 2>/dev/null
"$plaint" merge -o "$tmp/x.plm" "$tmp/s0.plm" "$tmp/a1.plm" 2>"$tmp/err"
status "merge of other options" 1 $?
want='a1.plm: trained with alpha 1, but the first model with alpha 0.5'
expect merge-options "$want \\(the first model is .*s0.plm\\)" "$tmp/err"
"$plaint" train --mergeable --no-bigrams -o "$tmp/nb.plm" "$tmp/s1.tsv" 2>/dev/null
"$plaint" merge -o "$tmp/x.plm" "$tmp/nb.plm" "$tmp/s0.plm" 2>"$tmp/err"
status "merge of other features" 1 $?
want='s0.plm: trained with bigrams on, but the first model with bigrams off'
expect merge-bigrams "$want" "$tmp/err"
"$plaint" merge -o "$tmp/x.plm" "$tmp/s0.plm" "$tmp/no-such.plm" 2>"$tmp/err"
status "merge of a missing file" 1 $?
expect merge-missing 'no-such.plm: cannot open' "$tmp/err"
cp "$tmp/s1.plm" "$tmp/bad.plm"
printf 'X' | dd of="$tmp/bad.plm" bs=1 seek=100 conv=notrunc 2>/dev/null
"$plaint" merge -o "$tmp/x.plm" "$tmp/s0.plm" "$tmp/bad.plm" 2>"$tmp/err"
status "merge of a corrupt file" 1 $?
expect merge-corrupt 'bad.plm: .*(corrupt|checksum)' "$tmp/err"
head -c 200 "$tmp/s1.plm" >"$tmp/cut.plm"
"$plaint" merge -o "$tmp/x.plm" "$tmp/cut.plm" "$tmp/s0.plm" 2>"$tmp/err"
status "merge of a truncated file" 1 $?
expect merge-truncated 'cut.plm: .*truncated' "$tmp/err"
[ -e "$tmp/x.plm" ] && fail "a failed merge wrote its output"
"$plaint" merge "$tmp/s0.plm" 2>"$tmp/err"
status "merge without -o" 2 $?
expect merge-no-o '-o MODEL is required' "$tmp/err"
"$plaint" merge -o "$tmp/x.plm" 2>/dev/null
status "merge without models" 2 $?
"$plaint" train --update "$tmp/plain.plm" -o "$tmp/x.plm" "$tmp/s2.tsv" 2>"$tmp/err"
status "update of a model without --mergeable" 1 $?
expect update-nonmergeable 'plain.plm was trained without --mergeable' "$tmp/err"
"$plaint" train --update "$tmp/s0.plm" --alpha 1 --idf -o "$tmp/x.plm" "$tmp/s2.tsv" 2>"$tmp/err"
status "update with other options" 2 $?
expect update-alpha '--alpha 1 conflicts with .*s0.plm, trained with --alpha 0.5' "$tmp/err"
expect update-idf '--idf conflicts with .*s0.plm, trained with no idf' "$tmp/err"
"$plaint" train --update "$tmp/no-such.plm" -o "$tmp/x.plm" "$tmp/s2.tsv" 2>"$tmp/err"
status "update of a missing model" 1 $?
[ -e "$tmp/x.plm" ] && fail "a failed update wrote its output"

if [ $fails -ne 0 ]; then
    echo "merge: $fails failure(s)" >&2
    exit 1
fi
echo "merge: all checks passed"
