#!/bin/sh
# Trains the default model from plaint's own corpora, deterministically.
# usage: scripts/build-model.sh PLAINT [OUTPUT]
#   PLAINT  the plaint command-line tool (e.g. build/plaint)
#   OUTPUT  where to write the model (default: models/default.plm)
# Trains on corpora/{pl,bg,el}/*.tsv with options chosen by 10-fold
# `plaint cv` on the training split of these corpora (corpora/README.md):
# multinomial NB, alpha 1, min-count 2 (macro-F1 pl/bg/el 0.824/0.810/0.773,
# against 0.777/0.789/0.747 for the library's general defaults with
# min-count 2). The held-out split (corpora/heldout/) is not used.
set -eu
plaint=${1:?usage: build-model.sh PLAINT [OUTPUT]}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/models/default.plm}
set --
for lang in pl bg el; do
    for f in "$root"/corpora/$lang/*.tsv; do
        [ -f "$f" ] && set -- "$@" "$f"
    done
done
[ $# -gt 0 ] || { echo "build-model: no corpora in $root/corpora" >&2; exit 1; }
"$plaint" train --strict --algo mnb --alpha 1 --min-count 2 -o "$out" "$@"
