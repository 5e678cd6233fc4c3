#!/bin/sh
# Installs the Debian packages plaint needs to build and test, only those
# that are missing. Extra package names may be given as arguments.
set -eu
pkgs="gcc libc6-dev make cmake pkg-config libicu-dev libstemmer-dev zlib1g-dev libjansson-dev $*"
missing=
for p in $pkgs; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "install-deps: installing$missing" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
