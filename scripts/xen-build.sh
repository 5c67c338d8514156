#!/usr/bin/env bash
# xen-build.sh ARCH: build Xen 4.17 (Debian's source) with the support
# table for ARCH (x86_64 or arm64) and leave xen, xen-syms and the table
# blob in $XEN_BUILD/ARCH/out/.
#
#   XEN_BUILD      output folder (default build/xen)
#   SUPPORT_MD     document compiled in (default docs/SUPPORT.md)
#   XEN_SUPPORT_GEN  the generator (default build/default/bin/xen-support-gen)
#   XEN_JOBS       parallel jobs (default 2)
#
# Idempotent: the pristine tree is copied and patched once (again only if
# xen-side/patches/ changes), xen-side/ sources are symlinked in, the
# table is regenerated only when the document or the generator changed,
# and Xen's own make rebuilds only what changed.  Nothing here is ever
# committed.
set -euo pipefail

arch=${1:?usage: xen-build.sh x86_64|arm64}
case "$arch" in
x86_64) xarch=x86_64 cross= ;;
arm64) xarch=arm64 cross=aarch64-linux-gnu- ;;
*) echo "xen-build.sh: unknown arch '$arch' (x86_64 or arm64)" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
xbuild=${XEN_BUILD:-build/xen}
md=${SUPPORT_MD:-docs/SUPPORT.md}
gen=${XEN_SUPPORT_GEN:-build/default/bin/xen-support-gen}
jobs=${XEN_JOBS:-2}

# Our make's variables (O=, CC=, SUPPORT_MD=...) must not reach Xen's.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES O CC CFLAGS LDFLAGS \
    CPPFLAGS EXTRA_CFLAGS SANITIZE

[ -f "$md" ] || { echo "xen-build.sh: $md: no such document" >&2; exit 1; }
[ -x "$gen" ] || {
    echo "xen-build.sh: $gen not built (run make first)" >&2; exit 1; }
if [ -n "$cross" ] && ! command -v "${cross}gcc" >/dev/null; then
    echo "xen-build.sh: ${cross}gcc missing (scripts/deps.sh xen)" >&2
    exit 1
fi

pristine=$(scripts/xen-source.sh build/xen-src | tail -n 1)
base=$xbuild/$arch
tree=$base/tree
out=$base/out
mkdir -p "$base" "$out"
base=$(cd "$base" && pwd)
tree=$base/tree
out=$base/out

# One build per architecture at a time (parallel make jobs, other users).
exec 9>"$base/.lock"
if ! flock -n 9; then
    echo "xen-build.sh: waiting for another build of $arch to finish"
    flock 9
fi

# 1. The patched tree, made once per set of patches.
patches=("$top"/xen-side/patches/*.patch)
pstamp=$(cat "${patches[@]}" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$tree/.xen-support-patches" 2>/dev/null)" != "$pstamp" ]; then
    echo "xen-build.sh: copying and patching $pristine -> $tree"
    rm -rf "$tree" "$tree.new"
    cp -a "$pristine" "$tree.new"
    for p in "${patches[@]}"; do
        if ! patch -d "$tree.new" -p1 -f -s --dry-run <"$p" >/dev/null; then
            echo "xen-build.sh: $p does not apply to $pristine" >&2
            patch -d "$tree.new" -p1 -f --dry-run <"$p" >&2 || true
            rm -rf "$tree.new"
            exit 1
        fi
        patch -d "$tree.new" -p1 -f -s <"$p"
    done
    echo "$pstamp" >"$tree.new/.xen-support-patches"
    mv "$tree.new" "$tree"
    rm -f "$out/xen-syms"
fi

# 2. xen-side/ and the table core (core/), linked in (make follows the
# links' mtimes).
link() {
    local dst=$tree/xen/$2
    if [ "$(readlink "$dst" 2>/dev/null)" != "$top/$1" ]; then
        rm -f "$dst"
        ln -s "$top/$1" "$dst"
    fi
}
for f in support.c support_param.c support_policy.c support_sysctl.c \
    support_private.h; do
    link xen-side/common/$f common/$f
done
for f in suptab.c suptab_check.c suptab_crc32.c suptab_str.c; do
    link core/$f common/$f
done
link xen-side/include/xen/support.h include/xen/support.h
link xen-side/include/xen/support_gates.h include/xen/support_gates.h
link core/include/xen/suptab.h include/xen/suptab.h
link core/include/public/support_table.h include/public/support_table.h

# 3. The table, regenerated when the document or the generator changes;
# files in the tree are replaced only when their content changes.
gstamp=$( (sha256sum <"$md"; sha256sum <"$gen") | sha256sum | cut -d' ' -f1)
gdir=$base/gen
if [ "$(cat "$gdir/stamp" 2>/dev/null)" != "$gstamp" ] ||
    [ ! -f "$out/support_table.bin" ]; then
    echo "xen-build.sh: compiling $md"
    rm -rf "$gdir"
    mkdir -p "$gdir"
    "$gen" --c-source "$gdir/support_table_gen.c" \
        --header "$gdir/support_features.h" \
        -o "$gdir/support_table.bin" "$md" 2>"$base/gen.log" || {
        cat "$base/gen.log" >&2
        echo "xen-build.sh: $gen failed on $md" >&2; rm -rf "$gdir"; exit 1; }
    echo "xen-build.sh: $(grep -c ': warning:' "$base/gen.log" || true)" \
        "generator warnings (log: $base/gen.log)"
    echo "$gstamp" >"$gdir/stamp"
fi
changed=0
update() {
    cmp -s "$1" "$2" && return 0
    cp "$1" "$2"
    changed=1
}
update "$gdir/support_table_gen.c" "$tree/xen/common/support_table_gen.c"
update "$gdir/support_features.h" "$tree/xen/include/xen/support_features.h"
update "$gdir/support_table.bin" "$out/support_table.bin"

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

# 5. Build and publish.  Xen's make always rebuilds compile.h (build
# time) and relinks, so it is skipped when no input changed.
if [ "$changed" -eq 0 ] && [ -f "$out/xen-syms" ] && [ -z "${XEN_FORCE:-}" ] &&
    [ -z "$(find "$top/xen-side/common" "$top/xen-side/include" "$top/core" \
        "$tree/xen/.config" -newer "$out/xen-syms" -print -quit)" ]; then
    echo "xen-build.sh: $arch: up to date ($out)"
    exit 0
fi
start=$(date +%s.%N)
xmake -j"$jobs" >"$base/build.log" 2>&1 || {
    tail -n 40 "$base/build.log" >&2
    echo "xen-build.sh: Xen build failed for $arch (log: $base/build.log)" >&2
    exit 1; }
end=$(date +%s.%N)
cp "$tree/xen/xen" "$out/xen"
cp "$tree/xen/xen-syms" "$out/xen-syms"
secs=$(echo "$end - $start" | bc)
echo "$secs" >"$out/build-seconds"
echo "xen-build.sh: $arch: $out/xen, $out/xen-syms (make: ${secs}s)"
