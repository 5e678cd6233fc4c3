#!/bin/sh
# The whole test suite, from a fresh Debian machine: install what is missing,
# then build and run ctest: Release with -Werror, Debug with AddressSanitizer
# + UndefinedBehaviorSanitizer, and the threaded tests under ThreadSanitizer.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh python3 parallel  # python3: the corpus checks; parallel: cli_batch
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

# ThreadSanitizer: the tests that share a model between threads (API, label -j)
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DPLAINT_WERROR=ON \
    -DPLAINT_SANITIZE=thread >/dev/null
cmake --build build-tsan -j "$jobs" --target test_api_threads plaint_cli
(cd build-tsan && TSAN_OPTIONS=halt_on_error=1 ctest --output-on-failure -L threads)
echo "test.sh: all tests passed (Release -Werror, ASan+UBSan, TSan)"
