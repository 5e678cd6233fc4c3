#!/bin/sh
# The whole test suite, from a fresh Debian machine: install what is missing,
# then build and run ctest twice: Release with -Werror, and Debug with
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh python3  # python3: the corpus checks
jobs=$(nproc)

cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPLAINT_WERROR=ON >/dev/null
cmake --build build-release -j "$jobs"
(cd build-release && ctest --output-on-failure -j "$jobs")

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPLAINT_WERROR=ON \
    -DPLAINT_SANITIZE=address,undefined >/dev/null
cmake --build build-asan -j "$jobs"
(cd build-asan &&
    ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    ctest --output-on-failure -j "$jobs")
echo "test.sh: all tests passed (Release -Werror, and ASan+UBSan)"
