#!/usr/bin/env bash
# stock.sh: the boot harness's own proof on a stock Xen 4.17.  Builds the
# pristine hypervisor (no table) in OUTDIR/xen-stock[-arm64], packs the
# initramfs with tests/boot/stock.tests.sh (assets.sh), boots it (run.sh)
# and reads the serial log (log.sh): xl info, xenstore, a dumped file
# recovered byte for byte.
#
# usage: scripts/boot/stock.sh [ARCH [OUTDIR]]   (default x86_64 build/boot)
# Environment: XEN_ARGS (appended to Xen's command line), BOOT_TIMEOUT.
set -euo pipefail

arch=${1:-${ARCH:-x86_64}}
outdir=${2:-build/boot}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"

case $arch in
x86_64) src=$outdir/xen-stock xen=$src/xen/xen xenmake=() ;;
arm64)
    src=$outdir/xen-stock-arm64 xen=$src/xen/xen
    xenmake=(XEN_TARGET_ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
    ;;
*) echo "stock.sh: unknown ARCH '$arch'" >&2; exit 2 ;;
esac

scripts/deps.sh xen boot
pristine=$(scripts/xen-source.sh build/xen-src)
if [ ! -f "$xen" ]; then
    echo "stock.sh: building stock Xen ($arch) in $src" >&2
    rm -rf "$src"
    cp -a "$pristine" "$src"
    make -C "$src/xen" "${xenmake[@]}" defconfig >"$src.build.log" 2>&1
    make -C "$src/xen" "${xenmake[@]}" -j2 >>"$src.build.log" 2>&1 || {
        tail -n 30 "$src.build.log" >&2
        echo "stock.sh: Xen build failed, log: $src.build.log" >&2
        exit 1
    }
fi

mapfile -t assets < <(scripts/boot/assets.sh -n stock -t tests/boot/stock.tests.sh "$arch" "$outdir")
[ ${#assets[@]} -eq 2 ] || exit 2
log=$outdir/logs/stock-$arch.log
scripts/boot/run.sh -a "$arch" "$xen" "${assets[@]}" "$log" || true

rec=$outdir/logs/stock-$arch.xl
scripts/boot/log.sh -e xl-info -e xenstore-ls -d "xl=$rec" "$log"
scripts/boot/log.sh -q -m BENCH "$log"
cmp "$rec" "$outdir/$arch/root/usr/lib/xen-4.17/bin/xl"
echo "stock.sh: dumped xl recovered byte for byte"
scripts/boot/log.sh -q -o xl-info "$log" | tee "$outdir/logs/stock-$arch.xl-info"
grep -q '^xen_version *: 4\.17' "$outdir/logs/stock-$arch.xl-info" || {
    echo "stock.sh: FAIL: xl info shows no xen_version 4.17" >&2
    exit 1
}
echo "stock.sh: PASS ($arch)"
