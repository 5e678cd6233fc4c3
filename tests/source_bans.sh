#!/bin/sh
# Bans unsafe or misplaced calls in src/ (curl's ban list): the string
# functions that overflow, and printing or exiting outside the CLI.
src=${1:?usage: source_bans.sh SRC_DIR}
status=0
if grep -nE '\b(strcpy|strcat|sprintf|vsprintf|strtok|atoi|atol|gets)[[:space:]]*\(' \
    "$src"/*.c "$src"/*.h; then
    echo "source_bans: banned function used above" >&2
    status=1
fi
for f in "$src"/*.c; do
    case "$(basename "$f")" in cli_*) continue ;; esac
    if grep -nE '\b(printf|fprintf|puts|fputs|exit|abort|getenv)[[:space:]]*\(' "$f"; then
        echo "source_bans: $f: the library must not print, exit or read the environment" >&2
        status=1
    fi
done
[ "$status" -eq 0 ] && echo "source_bans: ok"
exit "$status"
