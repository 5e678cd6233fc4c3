#!/bin/sh
# The main job, from a fresh Debian machine: install what is missing, build,
# and label a sample of mixed-language complaints with the built-in default
# model, with the three features that weighed most for each label.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
cmake -S . -B build-demo -DCMAKE_BUILD_TYPE=Release -DPLAINT_BUILD_TESTS=OFF >/dev/null
cmake --build build-demo -j "$(nproc)" >/dev/null
sample=tests/data/sample_complaints.txt
echo "== plaint label --explain 3 $sample  (label, confidence, features | text)"
./build-demo/plaint label --explain 3 "$sample" | paste -d '|' - "$sample" | sed 's/|/  |  /'
