#!/usr/bin/env bash
# build.sh: what the live-query boot puts into the machine, built for ARCH:
# Xen with the support table (`make xen`), dom0's static xen-support and
# the patched xl (cross-built against scripts/cross-sysroot.sh's sysroot
# when ARCH is not the host's).  Xen and its table are copied at once to
# WORK, so that another build of the tree cannot change them under the boot.
#
# usage: scripts/boot/build.sh [-B] ARCH WORK
#   -B   make built the host binaries already: only Xen and xl are made
# Environment: O (build/default), XEN_BUILD (build/xen), SUPPORT_MD,
# XS_BIN / XL_BIN (put into dom0 instead of the built ones; XL_BIN=debian:
# Debian's unpatched xl).
# Prints "xs=PATH" and "xl=PATH" (empty: Debian's xl); WORK/xen and
# WORK/support_table.bin are the pair booted.  Build logs: WORK/build-*.log.
# Exit: 0, or 2 when a build fails (the log's tail on stderr).
set -euo pipefail

prebuilt=0
[ "${1:-}" != -B ] || { prebuilt=1; shift; }
[ $# -eq 2 ] || { sed -n '8,9p' "$0" >&2; exit 2; }
arch=$1 work=$2
cd "$(dirname "$0")/../.."
O=${O:-build/default}
xbuild=${XEN_BUILD:-build/xen}
doc=${SUPPORT_MD:-docs/SUPPORT.md}
mkdir -p "$work"

# step WHAT CMD...: run a build step quietly into a log; its tail on failure.
step() {
    local what=$1 blog=$work/build-$1.log
    shift
    echo "build.sh: $what: $*" >&2
    "$@" >"$blog" 2>&1 || {
        tail -n 25 "$blog" >&2
        echo "build.sh: $what failed (log: $blog)" >&2
        exit 2
    }
}

# cross_xl ARCH OUTDIR: scripts/xl-build.sh with the cross compiler, the
# sysroot's headers and libraries (shared ones for the link only: dom0 gets
# them from assets.sh's unpacked tree) and $O/ARCH/lib/libxensupport.a.
# shellcheck disable=SC2317 # called through step
cross_xl() {
    local root lib
    scripts/deps.sh cross
    root=$(scripts/cross-sysroot.sh "$1")
    lib=$root/usr/lib/aarch64-linux-gnu
    PKG_CONFIG_LIBDIR=$lib/pkgconfig:$root/usr/share/pkgconfig \
        PKG_CONFIG_SYSROOT_DIR=$root XEN_INCLUDE=$root/usr/include \
        CC=aarch64-linux-gnu-gcc XL_CFLAGS="-isystem $root/usr/include" \
        XL_LDFLAGS="-L$lib -Wl,-rpath-link=$lib:$root/lib/aarch64-linux-gnu" \
        XENSUPPORT_A=$O/$1/lib/libxensupport.a XS_INCLUDE=tools-side/include \
        scripts/xl-build.sh "$2"
}

scripts/deps.sh host xen boot >&2
[ $prebuilt -eq 1 ] || step host make -j2 O="$O" all

# dom0's xen-support: static, so that it needs nothing from the image.
host_arch=$(uname -m | sed 's/aarch64/arm64/')
xs=${XS_BIN:-}
if [ -z "$xs" ]; then
    xs=$O/bin/xen-support-static
    [ "$arch" = "$host_arch" ] || xs=$O/$arch/bin/xen-support-static
    if [ ! -x "$xs" ] || [ $prebuilt -eq 0 ]; then
        step xen-support-static make O="$O" "$xs"
    fi
fi
# The patched xl (tools-side/xl), against Debian's libxen-dev, or for
# another architecture against the sysroot's.
xl=${XL_BIN:-}
if [ "$xl" = debian ]; then
    xl=
elif [ -z "$xl" ] && [ "$arch" = "$host_arch" ]; then
    step xl make O="$O" xl
    xl=build/xl/xl
elif [ -z "$xl" ]; then
    [ -f "$O/$arch/lib/libxensupport.a" ] ||
        step xen-support-static make O="$O" "$O/$arch/bin/xen-support-static"
    step xl cross_xl "$arch" "build/xl-$arch"
    xl=build/xl-$arch/xl
fi
# The hypervisor with the table.  With -B the generator is built already:
# -o keeps make from relinking it.
keep=()
[ $prebuilt -eq 0 ] || keep=(-o "$O/bin/xen-support-gen")
step xen make --no-print-directory ${keep[@]+"${keep[@]}"} O="$O" \
    XEN_ARCH="$arch" SUPPORT_MD="$doc" xen
# Under xen-build.sh's own lock, so that the pair is from one build.
flock "$xbuild/$arch/.lock" sh -c 'cp "$1" "$3.tmp" && cp "$2" "$4.tmp"' _ \
    "$xbuild/$arch/out/xen" "$xbuild/$arch/out/support_table.bin" \
    "$work/xen" "$work/support_table.bin"
mv "$work/xen.tmp" "$work/xen"
mv "$work/support_table.bin.tmp" "$work/support_table.bin"
echo "xs=$xs"
echo "xl=$xl"
