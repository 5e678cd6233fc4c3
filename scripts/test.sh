#!/bin/sh
# The whole test suite, from a fresh Debian machine: install what is missing,
# then build and run ctest: Release with -Werror, Debug with AddressSanitizer
# + UndefinedBehaviorSanitizer, and the threaded tests under ThreadSanitizer.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh python3 parallel valgrind  # corpus checks; cli_batch; memcheck
jobs=$(nproc)

cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPLAINT_WERROR=ON >/dev/null
cmake --build build-release -j "$jobs"
(cd build-release && ctest --output-on-failure -j "$jobs")
# valgrind memcheck over the command-line tests, once: any error fails the case
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
sh tests/cli/run.sh --exec-prefix "$vg" build-release/plaint tests/cli/cases
sh tests/cli/run.sh --exec-prefix "$vg" build-release/plaint tests/data/bad

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
echo "test.sh: all tests passed (Release -Werror, valgrind memcheck on the CLI tests, ASan+UBSan, TSan)"
