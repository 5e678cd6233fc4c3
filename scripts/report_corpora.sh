#!/bin/sh
# The corpora's numbers, per language: 10-fold cross-validation on the
# training split with the default model's options, and the built-in default
# model evaluated on the held-out split. usage: scripts/report_corpora.sh PLAINT
set -eu
plaint=${1:?usage: report_corpora.sh PLAINT}
root=$(cd "$(dirname "$0")/.." && pwd)
opts=$(sed -n 's/^"$plaint" train --strict \(.*\) -o "$out" "$@"$/\1/p' "$root/scripts/build-model.sh")
python3 "$root/scripts/check_corpora.py" "$root/corpora" | sed "s#$root/##"
for lang in pl bg el; do
    echo
    echo "### $lang: 10-fold cv on corpora/$lang (options: $opts)"
    echo '```'
    # shellcheck disable=SC2086
    "$plaint" cv -k 10 $opts "$root"/corpora/$lang/*.tsv 2>/dev/null
    echo '```'
    echo "### $lang: default model on corpora/heldout/$lang"
    echo '```'
    "$plaint" eval "$root"/corpora/heldout/$lang/*.tsv
    echo '```'
done
