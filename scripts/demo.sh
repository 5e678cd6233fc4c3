#!/bin/sh
# The main job, from a fresh Debian machine: install what is missing, build,
# and run plaint over a sample of complaints (until the classifier exists:
# tokenize and stem them).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
cmake -S . -B build-demo -DCMAKE_BUILD_TYPE=Release -DPLAINT_BUILD_TESTS=OFF >/dev/null
cmake --build build-demo -j "$(nproc)" >/dev/null
echo "== plaint tokenize --stems tests/data/sample_complaints.txt"
./build-demo/plaint tokenize --stems tests/data/sample_complaints.txt
