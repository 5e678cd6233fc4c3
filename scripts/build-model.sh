#!/bin/sh
# Trains the default model from plaint's own corpora, deterministically.
# usage: scripts/build-model.sh PLAINT [OUTPUT]
#   PLAINT  the plaint command-line tool (e.g. build/plaint)
#   OUTPUT  where to write the model (default: models/default.plm)
# Trains on corpora/{pl,bg,el}/*.tsv with the default options except
# --min-count 2 (chosen by 10-fold `plaint cv` on these corpora: macro-F1
# el 0.734 -> 0.763, pl 0.771 -> 0.778; see corpora/README.md); the held-out
# split (corpora/heldout/) is not used. The same corpora give a
# byte-identical file (tests/default_model_fresh.sh checks the committed one).
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
"$plaint" train --strict --min-count 2 -o "$out" "$@"
