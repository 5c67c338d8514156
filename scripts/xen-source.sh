#!/usr/bin/env bash
# xen-source.sh DIR: make sure DIR/pristine holds Debian's Xen 4.17 source
# tree (apt-get source xen; a deb-src entry is added if apt has none) and
# print its path.  The tree is cached: a second call only prints the path.
# Nothing fetched here is ever committed.
set -euo pipefail
dir=${1:-build/xen-src}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
if [ -f "$dir/pristine/xen/Makefile" ]; then
    echo "$dir/pristine"
    exit 0
fi

have_src() {
    apt-get source --print-uris -qq xen 2>/dev/null | grep -q '\.dsc'
}
if ! have_src; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "xen-source.sh: no deb-src entry for xen and not root" >&2
        exit 1
    fi
    cat >/etc/apt/sources.list.d/xen-support-src.sources <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt-get update -qq
fi
command -v dpkg-source >/dev/null || scripts/deps.sh xen

tmp=$(mktemp -d "$dir/fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get source -qq xen >/dev/null 2>&1) || {
    echo "xen-source.sh: apt-get source xen failed" >&2; exit 1; }
src=$(find "$tmp" -maxdepth 1 -mindepth 1 -type d -name 'xen-*' | head -n 1)
[ -n "$src" ] && [ -f "$src/xen/Makefile" ] || {
    echo "xen-source.sh: no Xen tree in what apt-get source fetched" >&2
    exit 1; }
rm -rf "$dir/pristine"
mv "$src" "$dir/pristine"
echo "$dir/pristine"
