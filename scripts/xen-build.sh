#!/usr/bin/env bash
# xen-build.sh ARCH: build a Xen tree with the support series applied
# (scripts/xen-series.sh) for ARCH (x86_64 or arm64), and leave xen,
# xen-syms, the table blob and the series in $XEN_BUILD/ARCH/out/.
#
#   XEN_SRC        the Xen tree, 4.17 or later (default: Debian 12's 4.17,
#                  fetched by scripts/xen-source.sh)
#   XEN_BUILD      output folder (default build/xen, or build/xen-X.Y
#                  with XEN_SRC)
#   SUPPORT_MD     statement compiled in (default docs/SUPPORT.md; "tree"
#                  for the tree's own SUPPORT.md, Xen's default)
#   XEN_SUPPORT_GEN  the generator (default build/default/bin/xen-support-gen)
#   XEN_JOBS       parallel jobs (default 2)
#   XEN_KCONFIG    more SYMBOL=y|n settings, e.g. "SYSCTL=n" (master)
#
# Idempotent: the tree is copied and patched again only when the series
# (xen-side/series, xen-side/ports and the files it adds) changes, and
# then only changed files are replaced; Xen's own build makes the table
# from SUPPORT_MD and rebuilds only what changed.  Nothing here is ever
# committed.
set -euo pipefail

arch=${1:?usage: xen-build.sh x86_64|arm64}
# shellcheck source=scripts/xen-tree.sh
. "$(dirname "$0")/xen-tree.sh"
xen_tree_arch "$arch" || {
    echo "xen-build.sh: unknown arch '$arch' (x86_64 or arm64)" >&2; exit 2; }

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
md=${SUPPORT_MD:-docs/SUPPORT.md}
gen=${XEN_SUPPORT_GEN:-build/default/bin/xen-support-gen}
jobs=${XEN_JOBS:-2}
src=${XEN_SRC:-}

# Our make's variables (O=, CC=, SUPPORT_MD=...) must not reach Xen's.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES O CC CFLAGS LDFLAGS \
    CPPFLAGS EXTRA_CFLAGS SANITIZE SUPPORT_MD XEN_SUPPORT_GEN

[ -x "$gen" ] || {
    echo "xen-build.sh: $gen not built (run make first)" >&2; exit 1; }
if [ -n "$cross" ] && ! command -v "${cross}gcc" >/dev/null; then
    echo "xen-build.sh: ${cross}gcc missing (scripts/deps.sh xen)" >&2
    exit 1
fi
if [ -z "$src" ]; then
    src=$(scripts/xen-source.sh build/xen-src | tail -n 1)
    xbuild=${XEN_BUILD:-build/xen}
else
    [ -f "$src/xen/Makefile" ] || {
        echo "xen-build.sh: XEN_SRC=$src: not a Xen tree" >&2; exit 2; }
    v=$(xen_tree_version "$src")
    xbuild=${XEN_BUILD:-build/xen-$v}
fi
src=$(cd "$src" && pwd)
if [ "$md" = tree ]; then
    md=$src/SUPPORT.md
fi
[ -f "$md" ] || { echo "xen-build.sh: $md: no such document" >&2; exit 1; }
md=$(cd "$(dirname "$md")" && pwd)/$(basename "$md")
gen=$(cd "$(dirname "$gen")" && pwd)/$(basename "$gen")

base=$xbuild/$arch
mkdir -p "$base/out"
base=$(cd "$base" && pwd)
tree=$base/tree
out=$base/out

# One build per architecture at a time (parallel make jobs, other users).
exec 9>"$base/.lock"
if ! flock -n 9; then
    echo "xen-build.sh: waiting for another build of $arch to finish"
    flock 9
fi

# 1. The patched tree: the series for this tree, applied.  Made again
# when anything it is made of changes; then only files whose content
# changed are replaced, so Xen's make rebuilds only what they touch.
sstamp=$( (echo "$src"; cd "$top" &&
    find scripts/xen-series.sh xen-side/series xen-side/ports core \
        xen-side/common xen-side/include -type f 2>/dev/null | LC_ALL=C sort |
    xargs sha256sum) | sha256sum | cut -d' ' -f1)
if [ "$(cat "$base/series.stamp" 2>/dev/null)" != "$sstamp" ] ||
    [ ! -d "$tree" ]; then
    echo "xen-build.sh: applying the series to $src"
    rm -rf "$base/tree.new"
    scripts/xen-series.sh --tree "$base/tree.new" "$src" "$out/series.new" >/dev/null
    rm -rf "$out/series"
    mv "$out/series.new" "$out/series"
    if [ ! -d "$tree" ]; then
        mv "$base/tree.new" "$tree"
    else
        new=$base/tree.new
        { diff -rq -x .git -x .config "$new" "$tree" || [ $? -eq 1 ]; } |
        sed -n -e "s|^Files $new/\(.*\) and .* differ\$|\1|p" \
            -e "s|^Only in $new/*\(.*\): \(.*\)\$|\1/\2|p" |
        while IFS= read -r f; do
            f=${f#/}
            mkdir -p "$(dirname "$tree/$f")"
            rm -rf "${tree:?}/$f"
            cp -a "$new/$f" "$tree/$f"
            find "$tree/$f" -exec touch {} +
        done
        rm -rf "$base/tree.new"
    fi
    echo "$sstamp" >"$base/series.stamp"
fi

# 4. Configure: defconfig plus XSM/FLASK (and its built-in policy, which
# compiles tools/flask/policy) so flask=enforcing can be tested, while the
# default XSM module stays the architecture's usual one (x86: dummy, use
# xsm=flask to pick FLASK; Arm: silo); and what the boot policy gates
# that Kconfig hides behind EXPERT and UNSUPPORTED: the RTDS, ARINC653
# and null schedulers, so sched=rtds can be tested; on x86 memory paging
# (not memory sharing: with it, FLASK faults creating dom_cow at boot in
# 4.17); on Arm ACPI and the GICv3 ITS, so their gates are compiled.
# Redone only if this list changes.
xmake() {
    make -C "$tree/xen" XEN_TARGET_ARCH=$xarch CROSS_COMPILE=$cross "$@"
}
config="XSM=y XSM_FLASK=y EXPERT=y UNSUPPORTED=y SCHED_RTDS=y SCHED_ARINC653=y SCHED_NULL=y"
[ "$arch" = x86_64 ] && config="$config XSM_DUMMY_DEFAULT=y XSM_FLASK_DEFAULT=n MEM_PAGING=y"
[ "$arch" = arm64 ] && config="$config ACPI=y HAS_ITS=y"
config="$config${XEN_KCONFIG:+ $XEN_KCONFIG}"
if [ ! -f "$tree/xen/.config" ] ||
    [ "$(cat "$tree/.xen-support-config" 2>/dev/null)" != "$config" ]; then
    xmake -s defconfig
    for kv in $config; do
        sym=${kv%=*}
        sed -i -e "/^CONFIG_$sym=/d" -e "/^# CONFIG_$sym is not set/d" \
            "$tree/xen/.config"
        case "$kv" in
        *=n) echo "# CONFIG_$sym is not set" ;;
        *) echo "CONFIG_$kv" ;;
        esac >>"$tree/xen/.config"
    done
    xmake -s olddefconfig
    echo "$config" >"$tree/.xen-support-config"
fi
for kv in $config; do
    case "$kv" in
    *=n) ! grep -q "^CONFIG_${kv%=*}=y" "$tree/xen/.config" ;;
    *) grep -q "^CONFIG_$kv" "$tree/xen/.config" ;;
    esac || { echo "xen-build.sh: CONFIG_$kv did not stick" >&2; exit 1; }
done
grep -q '^CONFIG_SUPPORT_TABLE=y' "$tree/xen/.config" || {
    echo "xen-build.sh: CONFIG_SUPPORT_TABLE is not set in $tree/xen/.config" >&2
    exit 1; }

# 5. Build and publish; Xen's build makes the table from SUPPORT_MD.
# Xen's make always rebuilds compile.h (build time) and relinks, so it is
# skipped when no input changed.
bstamp=$( (echo "$sstamp"; sha256sum <"$md"; sha256sum <"$gen";
    cat "$tree/xen/.config") | sha256sum | cut -d' ' -f1)
if [ "$(cat "$out/build.stamp" 2>/dev/null)" = "$bstamp" ] &&
    [ -f "$out/xen-syms" ] && [ -z "${XEN_FORCE:-}" ]; then
    echo "xen-build.sh: $arch: up to date ($out)"
    exit 0
fi
rm -f "$out/build.stamp"
start=$(date +%s.%N)
xmake -j"$jobs" SUPPORT_MD="$md" XEN_SUPPORT_GEN="$gen" >"$base/build.log" 2>&1 || {
    tail -n 40 "$base/build.log" >&2
    echo "xen-build.sh: Xen build failed for $arch (log: $base/build.log)" >&2
    exit 1; }
end=$(date +%s.%N)
cp "$tree/xen/xen" "$out/xen"
cp "$tree/xen/xen-syms" "$out/xen-syms"
cp "$tree/xen/common/support_table.bin" "$out/support_table.bin"
secs=$(echo "$end - $start" | bc)
echo "$secs" >"$out/build-seconds"
echo "$bstamp" >"$out/build.stamp"
echo "xen-build.sh: $arch: $out/xen, $out/xen-syms (make: ${secs}s)"
