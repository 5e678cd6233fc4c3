#!/bin/sh
# The committed default model (models/default.plm) is exactly what
# scripts/build-model.sh trains from corpora/, and the Latin-script language
# table (src/latin_lid_table.h) is exactly what scripts/gen_latin_lid.py
# makes from them: neither may drift from the corpora.
# usage: default_model_fresh.sh PLAINT SOURCE_DIR
plaint=${1:?usage: default_model_fresh.sh PLAINT SOURCE_DIR}
src=${2:?usage: default_model_fresh.sh PLAINT SOURCE_DIR}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
if [ ! -f "$src/models/default.plm" ]; then
    echo "FAIL: $src/models/default.plm does not exist (run scripts/build-model.sh)" >&2
    exit 1
fi
sh "$src/scripts/build-model.sh" "$plaint" "$tmp/default.plm" 2>"$tmp/err" || {
    cat "$tmp/err" >&2
    echo "FAIL: scripts/build-model.sh failed" >&2
    exit 1
}
if ! cmp "$src/models/default.plm" "$tmp/default.plm" >&2; then
    echo "FAIL: models/default.plm differs from a retrain of corpora/ (run scripts/build-model.sh)" >&2
    fail=1
fi
python3 "$src/scripts/gen_latin_lid.py" "$src/corpora" >"$tmp/lid.h" 2>/dev/null || {
    echo "FAIL: scripts/gen_latin_lid.py failed" >&2
    exit 1
}
if ! cmp "$src/src/latin_lid_table.h" "$tmp/lid.h" >&2; then
    echo "FAIL: src/latin_lid_table.h differs from a regeneration (run scripts/gen_latin_lid.py)" >&2
    fail=1
fi
[ $fail -eq 0 ] && echo "default model and language table match corpora/"
exit $fail
