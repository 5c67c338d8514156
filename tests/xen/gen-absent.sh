#!/usr/bin/env bash
# gen-absent.sh TREE DOC: in a Xen tree built with the series, a build
# host without xen-support-gen stops the build with the message that
# names it (CONFIG_SUPPORT_TABLE, XEN_SUPPORT_GEN=), and leaves the
# table and the images as they were: never a silently empty table.
set -euo pipefail
tree=$1 doc=$2
x=$tree/xen
for f in common/support_table.bin include/xen/support_features.h xen-syms; do
    [ -f "$x/$f" ] || { echo "gen-absent: FAIL: $x/$f missing (build first)" >&2; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$x/common/support_table.bin" "$x/xen-syms" "$tmp/"
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES O CC CFLAGS SUPPORT_MD
# A statement newer than the table, so the rule must run.
cp "$doc" "$tmp/SUPPORT.md"
if make -C "$x" XEN_TARGET_ARCH=x86_64 XEN_SUPPORT_GEN=xen-support-gen-absent \
    SUPPORT_MD="$tmp/SUPPORT.md" >"$tmp/log" 2>&1; then
    echo "gen-absent: FAIL: Xen built without xen-support-gen" >&2; exit 1
fi
want="CONFIG_SUPPORT_TABLE: xen-support-gen-absent not found: the build host needs xen-support-gen"
grep -qF "$want" "$tmp/log" || {
    tail -n 20 "$tmp/log" >&2
    echo "gen-absent: FAIL: the build failed without naming the generator" >&2
    exit 1; }
cmp -s "$tmp/support_table.bin" "$x/common/support_table.bin" &&
    cmp -s "$tmp/xen-syms" "$x/xen-syms" || {
    echo "gen-absent: FAIL: the table or xen-syms changed" >&2; exit 1; }
grep -m1 -F "$want" "$tmp/log"
echo "gen-absent: PASS: no generator, no build; the table and xen-syms unchanged"
