#!/usr/bin/env bash
# xen-series-each.sh XEN_SRC ARCH: by hand, the proof that every patch of
# the series builds on its own: applies the series to a copy of XEN_SRC
# (scripts/xen-series.sh --tree) and builds Xen for ARCH (x86_64 or
# arm64) at the base and after each commit, with the configuration of
# scripts/xen-build.sh (defconfig, XSM/FLASK, the gated schedulers) and
# the tree's own SUPPORT.md.  Prints one line per commit with make's
# time; exits 1 at the first commit that does not build (log kept in
# build/series-each/).
set -euo pipefail
src=${1:?usage: xen-series-each.sh XEN_SRC x86_64|arm64} arch=${2:?arch}
# shellcheck source=scripts/xen-tree.sh
. "$(dirname "$0")/xen-tree.sh"
xen_tree_arch "$arch" || {
    echo "xen-series-each.sh: unknown arch '$arch'" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
gen=$top/${XEN_SUPPORT_GEN:-build/default/bin/xen-support-gen}
w=$top/build/series-each/$arch
rm -rf "$w"
mkdir -p "$w"
scripts/xen-series.sh --tree "$w/tree" "$src" "$w/series" >/dev/null
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES O CC CFLAGS SUPPORT_MD
x() { make -C "$w/tree/xen" XEN_TARGET_ARCH=$xarch CROSS_COMPILE=$cross "$@"; }
mapfile -t commits < <(git -C "$w/tree" rev-list --reverse HEAD)
for c in "${commits[@]}"; do
    git -C "$w/tree" -c advice.detachedHead=false checkout -q "$c"
    subj=$(git -C "$w/tree" log -1 --format=%s "$c")
    x -s defconfig >/dev/null
    for kv in XSM=y XSM_FLASK=y EXPERT=y UNSUPPORTED=y SCHED_RTDS=y SCHED_NULL=y; do
        echo "CONFIG_$kv" >>"$w/tree/xen/.config"
    done
    x -s olddefconfig >/dev/null
    start=$(date +%s)
    if ! x -j"${XEN_JOBS:-2}" SUPPORT_MD="$w/tree/SUPPORT.md" \
        XEN_SUPPORT_GEN="$gen" >"$w/build-${c:0:12}.log" 2>&1; then
        echo "FAIL: $subj (log: $w/build-${c:0:12}.log)"
        exit 1
    fi
    echo "builds ($(( $(date +%s) - start )) s): $subj"
done
