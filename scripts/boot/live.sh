#!/usr/bin/env bash
# live.sh: the live-query boot, behind `make test-boot-ARCH` and `make run`.
# Builds (build.sh), packs the initramfs (assets.sh) with dom0's
# xen-support and the patched xl, boots Xen under QEMU (run.sh) with the
# tests of tests/boot/live.tests.sh, and has judge.sh judge the serial log
# against the host's tools (docs/boot-test.md, "The live-query boot").
#
# usage: scripts/boot/live.sh [-r] [-B] [-g] [-j LOG] [ARCH]
#   ARCH     x86_64 (default, or $ARCH) | arm64
#   -r       `make run`: first print what `xen-support info`, `xen-support
#            list` and `xl info` said inside dom0
#   -B       make built the host binaries already (build.sh -B)
#   -g       three more boots for the boot policy (tests/boot/gate.tests.sh):
#            XEN_ARGS sched=null, then also support=refuse; and with
#            SUPPORT_MD's statement, Credit2 made Experimental
#            (next-table.sh), as a boot module: the default scheduler's
#            gate reads it
#   -j LOG   judge a saved log again (no build, no boot; the table is
#            BOOT_OUT/test-ARCH/support_table.bin, with -g the gate logs
#            are there too)
# Environment: O, XEN_BUILD, SUPPORT_MD, XEN_ARGS (appended to Xen's
# command line), SUPPORT_MODULE (a table booted as a module, which
# replaces the built-in one; the judge reads it as the table booted),
# BOOT_TIMEOUT, BOOT_OUT (build/boot), XS_BIN / XL_BIN (build.sh).
# Exit: 0 PASS, 1 FAIL, 2 usage or build/setup error.
set -euo pipefail

runmode=0 prebuilt=() judge_only='' gates=()
while getopts rBgj: opt; do
    case $opt in
    r) runmode=1 ;;
    B) prebuilt=(-B) ;;
    g) gates=(-g) ;;
    j) judge_only=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || { sed -n '8,17p' "$0" >&2; exit 2; }
arch=${1:-${ARCH:-x86_64}}
case $arch in
x86_64) xs_arch=x86 supported='x86-64' ;;
arm64) xs_arch=arm supported='ARM v8' ;;
*) echo "live.sh: unknown ARCH '$arch' (x86_64|arm64)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/../.."
here=scripts/boot
O=${O:-build/default}
bout=${BOOT_OUT:-build/boot}
work=$bout/test-$arch
log=$work/dom0.log
mkdir -p "$work"
secs() { sed -n 's/^run.sh: \([0-9.]*\) seconds.*/\1/p' "$1" 2>/dev/null; }

if [ -z "$judge_only" ]; then
    t0=$(date +%s)
    built=$("$here/build.sh" ${prebuilt[@]+"${prebuilt[@]}"} "$arch" "$work")
    xs=$(sed -n 's/^xs=//p' <<<"$built")
    xl=$(sed -n 's/^xl=//p' <<<"$built")
    [ -n "$xl" ] || echo "NOTE  XL_BIN=debian: dom0 runs Debian's unpatched xl"
    t1=$(date +%s)

    # The dom0 test list: this architecture's values, then the shared list.
    tests=$work/dom0.tests.sh
    printf 'XS_ARCH=%s\nXS_SUPPORTED=%s\n' "$xs_arch" "'$supported'" >"$tests"
    cat tests/boot/live.tests.sh >>"$tests"
    files=(-f "$xs=/usr/bin/xen-support")
    [ -z "$xl" ] || files+=(-f "$xl=/usr/lib/xen/bin/xl")
    mapfile -t assets < <("$here/assets.sh" -n test -t "$tests" -L "$O/lib" \
        "${files[@]}" "$arch" "$bout")
    [ ${#assets[@]} -eq 2 ] || exit 2
    t2=$(date +%s)
    echo "live.sh: builds $((t1 - t0)) s, initramfs $((t2 - t1)) s"

    # Never judge a log left by an earlier run.
    rm -f "$log" "$work"/gate-*.log "$work"/gate-*.bin
    modarg=()
    if [ -n "${SUPPORT_MODULE:-}" ]; then
        cp "$SUPPORT_MODULE" "$work/support_module.bin"
        modarg=(-m "$work/support_module.bin")
    else
        rm -f "$work/support_module.bin"
    fi
    "$here/run.sh" -a "$arch" ${modarg[@]+"${modarg[@]}"} "$work/xen" "${assets[@]}" "$log" |
        tee "$work/run.out" || true
    if [ ${#gates[@]} -eq 1 ]; then
        # The boot-policy boots: the same Xen, a small test list.
        mapfile -t gassets < <("$here/assets.sh" -n gate -t tests/boot/gate.tests.sh \
            -L "$O/lib" "${files[@]}" "$arch" "$bout")
        [ ${#gassets[@]} -eq 2 ] || exit 2
        for mode in warn refuse; do
            gargs="${XEN_ARGS:-} sched=null"
            [ $mode = warn ] || gargs="$gargs support=refuse"
            XEN_ARGS=$gargs "$here/run.sh" -a "$arch" "$work/xen" "${gassets[@]}" \
                "$work/gate-$mode.log" | tee "$work/gate-$mode.out" || true
        done
        "$here/next-table.sh" "${SUPPORT_MD:-docs/SUPPORT.md}" \
            "$O/bin/xen-support-gen" "$work/gate-module.bin"
        XEN_ARGS=${XEN_ARGS:-} "$here/run.sh" -a "$arch" -m "$work/gate-module.bin" \
            "$work/xen" "${gassets[@]}" "$work/gate-module.log" |
            tee "$work/gate-module.out" || true
    fi
elif [ "$judge_only" != "$log" ]; then
    cp "$judge_only" "$log"
fi

if [ $runmode -eq 1 ]; then
    for t in "xs-info:xen-support info" "xs-list:xen-support list" "xl-info:xl info"; do
        printf '\n== dom0: %s\n' "${t#*:}"
        "$here/log.sh" -q -o "${t%%:*}" "$log" 2>/dev/null || true
    done
    echo
fi

echo "== live-query boot ($arch, ${SUPPORT_MD:-docs/SUPPORT.md}${XEN_ARGS:+, XEN_ARGS=\"$XEN_ARGS\"}${SUPPORT_MODULE:+, module $SUPPORT_MODULE})"
rc=0
O=$O "$here/judge.sh" live ${gates[@]+"${gates[@]}"} "$arch" "$work" || rc=$?
[ $rc -le 1 ] || exit $rc

# Times: the wall clock of each boot, dom0's uptime, and the per-call
# times of the interleaved @@BENCH blocks (medians, and the median of the
# per-round ratios).
if [ -z "$judge_only" ]; then
    echo "boot-to-poweroff: $(secs "$work/run.out") s wall (QEMU start to exit, TCG)"
    for mode in ${gates[@]+warn refuse module}; do
        echo "gate boot ($mode): $(secs "$work/gate-$mode.out") s wall"
    done
fi
marks=$("$here/log.sh" -q -m TESTS -m DONE -m BENCH "$log" 2>/dev/null || true)
up() { sed -n "s/^@@$1 .*uptime_ms=\([0-9]*\).*/\1/p" <<<"$marks" | sed -n 1p; }
echo "dom0 uptime: tests start $(up TESTS) ms, @@DONE $(up DONE) ms"
grep '^@@BENCH ' <<<"$marks" | awk '
    function med(a, n,   i, j, t) {
        for (i = 2; i <= n; i++)
            for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { for (i = 3; i <= NF; i++) if ($i ~ /^median_us=/) v = substr($i, 11) }
    $2 == "xs-info" { xs[++nx] = v }
    $2 == "xl-info" { xl[++nl] = v }
    END {
        n = nx < nl ? nx : nl
        for (i = 1; i <= n; i++) if (xs[i] > 0) r[++nr] = xl[i] / xs[i]
        if (!nr) exit
        printf "dom0 wall time per call (median of %d blocks each): xen-support info %.1f ms, xl info %.1f ms; ratio xl/xen-support %.1f (median of %d paired rounds)\n", n, med(xs, nx) / 1000, med(xl, nl) / 1000, med(r, nr), nr
    }'
echo "live.sh: $([ $rc -eq 0 ] && echo PASS || echo FAIL) ($arch; log $log)"
exit $rc
