#!/bin/sh
# train / info / cv / eval / label on a small corpus written for the test
# (tests/data/mini_corpus.tsv: 2 labels x 8 texts x pl, bg, el).
# Usage: model_cmds.sh PLAINT DATA_DIR
plaint=${1:?usage: model_cmds.sh PLAINT DATA_DIR}
data=${2:?usage: model_cmds.sh PLAINT DATA_DIR}
corpus=$data/mini_corpus.tsv
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
# expect WHAT PATTERN FILE: FILE has a line matching the extended regex
expect() { grep -Eq -- "$2" "$3" || { fail "$1: no line matching '$2' in:"; cat "$3" >&2; }; }

"$plaint" train -o "$tmp/m" "$corpus" 2>"$tmp/err" || fail "train exit $?"

# info: what the model holds, from the corpus's own counts
"$plaint" info -m "$tmp/m" >"$tmp/info" 2>"$tmp/err" || fail "info exit $?"
expect info '^labels: +2: complaint praise$' "$tmp/info"
expect info '^trained on: +48 texts \(0 refused' "$tmp/info"
expect info 'identities: +the same as this library' "$tmp/info"
for l in pl bg el; do
    expect info "^$l +16 +[1-9][0-9]* +[0-9.e+-]+ +0 +8 +8\$" "$tmp/info"
done
"$plaint" info -m "$tmp/m" --json >"$tmp/json" || fail "info --json exit $?"
expect info-json '^\{"file":.*"format_version":1,"labels":\["complaint","praise"\].*"texts":48,' "$tmp/json"
expect info-json '"languages":\{"pl":\{"documents":16,.*"bg":\{"documents":16,.*"el":\{"documents":16,' "$tmp/json"
[ "$(wc -l <"$tmp/json")" -eq 1 ] || fail "info --json is not one line"

# info on a damaged model: a clear error, exit 1
head -c 100 "$tmp/m" >"$tmp/cut"
"$plaint" info -m "$tmp/cut" 2>"$tmp/err"
[ $? -eq 1 ] || fail "info on a truncated model: exit $?, expected 1"
expect info-cut 'cut: .*truncated' "$tmp/err"
"$plaint" info -m "$tmp/m" extra 2>/dev/null
[ $? -eq 2 ] || fail "info with a stray argument: expected exit 2"

# label the corpus back with the model it was trained on
cut -f2 "$corpus" | "$plaint" label -m "$tmp/m" >"$tmp/labels" || fail "label exit $?"
cut -f1 "$corpus" >"$tmp/gold"
cut -f1 "$tmp/labels" >"$tmp/pred"
cmp -s "$tmp/gold" "$tmp/pred" || fail "labeling the training texts back: labels differ"

# cv: every text is scored once; the split does not depend on line order
"$plaint" cv -k 4 "$corpus" >"$tmp/cv1" 2>"$tmp/err" || fail "cv exit $?"
expect cv '^records +48$' "$tmp/cv1"
expect cv '^macro-F1 +[01]\.[0-9]+$' "$tmp/cv1"
expect cv-stderr '4-fold cross-validation over 48 texts' "$tmp/err"
tac "$corpus" >"$tmp/rev.tsv"
"$plaint" cv -k 4 "$tmp/rev.tsv" >"$tmp/cv2" 2>/dev/null || fail "cv (reversed) exit $?"
cmp -s "$tmp/cv1" "$tmp/cv2" || fail "cv report changes when the corpus lines are reversed"
"$plaint" cv -k 4 --json "$corpus" >"$tmp/cvj" 2>/dev/null || fail "cv --json exit $?"
expect cv-json '^\{.*"accuracy":.*"macro_f1":.*"ece":.*"per_label":.*"confusion":' "$tmp/cvj"
"$plaint" cv -k 1 "$corpus" 2>/dev/null
[ $? -eq 2 ] || fail "cv -k 1: expected exit 2"
grep '^praise' "$corpus" | "$plaint" cv - 2>"$tmp/err"
[ $? -eq 1 ] || fail "cv with one label: expected exit 1"
expect cv-one-label 'needs at least 2' "$tmp/err"
# a bad line is reported with file and line, and skipped (fatal with --strict)
{ head -3 "$corpus"; echo "no tab here"; tail -n +4 "$corpus"; } >"$tmp/bad.tsv"
"$plaint" cv -k 4 "$tmp/bad.tsv" >/dev/null 2>"$tmp/err" || fail "cv with a bad line: exit $?"
expect cv-bad-line 'bad.tsv:4: .*\(skipped\)' "$tmp/err"
"$plaint" cv -k 4 --strict "$tmp/bad.tsv" >/dev/null 2>&1
[ $? -eq 1 ] || fail "cv --strict with a bad line: expected exit 1"

# eval of the model on its training corpus
"$plaint" eval -m "$tmp/m" "$corpus" >"$tmp/eval" || fail "eval exit $?"
expect eval '^accuracy +1\.0+$' "$tmp/eval"

if [ $fails -ne 0 ]; then
    echo "model_cmds: $fails failure(s)" >&2
    exit 1
fi
echo "model_cmds: all checks passed"
