#!/bin/sh
# Installs the build into a scratch prefix, then builds README's example
# program (its first ```c block) against the installed library three ways:
# with pkg-config (shared), and with CMake's find_package(plaint) against
# plaint::plaint (shared) and plaint::plaint_static; runs each and checks
# it prints one of the default model's labels and a confidence.
# usage: install_check.sh BUILD_DIR SOURCE_DIR
build=${1:?usage: install_check.sh BUILD_DIR SOURCE_DIR}
src=${2:?usage: install_check.sh BUILD_DIR SOURCE_DIR}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; fail "cmake --install"; }
awk '/^```c$/ { on = 1; next } /^```$/ { if (on) exit } on' "$src/README.md" >"$tmp/example.c"
[ -s "$tmp/example.c" ] || fail "README.md has no \`\`\`c block"
pc=$(find "$tmp/prefix" -name plaint.pc | head -1)
[ -n "$pc" ] || fail "no plaint.pc installed"
libdir=$(dirname "$(dirname "$pc")")
want='^(dishonesty|genuine_fault|misuse|unrealistic_expectation) (0\.[0-9]{3}|1\.000)$'
check() { # NAME PROGRAM
    out=$(LD_LIBRARY_PATH="$libdir" "$2") || fail "$1: the example exited with $?"
    echo "$out" | grep -Eq "$want" || fail "$1: unexpected output '$out'"
    echo "$1: $out"
}
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/ex-pc" "$tmp/example.c" \
    $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs plaint) ||
    fail "compiling README's example with pkg-config"
check pkg-config "$tmp/ex-pc"
mkdir -p "$tmp/consumer"
cp "$tmp/example.c" "$tmp/consumer/"
cat >"$tmp/consumer/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.20)
project(consumer C)
find_package(plaint REQUIRED)
add_executable(ex_shared example.c)
target_link_libraries(ex_shared PRIVATE plaint::plaint)
add_executable(ex_static example.c)
target_link_libraries(ex_static PRIVATE plaint::plaint_static)
CM
cmake -S "$tmp/consumer" -B "$tmp/consumer/b" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
    >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; fail "find_package(plaint)"; }
cmake --build "$tmp/consumer/b" >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; fail "building against plaint::plaint"; }
check cmake-shared "$tmp/consumer/b/ex_shared"
check cmake-static "$tmp/consumer/b/ex_static"
# only the public API is exported from the shared library
extra=$(nm -D --defined-only "$libdir"/libplaint.so | awk '{print $3}' | grep -v '^plaint_' | grep -v '^_' || true)
[ -z "$extra" ] || fail "libplaint.so exports symbols outside plaint.h: $extra"
echo "install check passed"
