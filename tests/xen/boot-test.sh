#!/usr/bin/env bash
# boot-test.sh XEN_BUILD PROBE: boot the x86_64 hypervisor built by
# `make xen` (XEN_BUILD/x86_64/out/xen) with a Debian dom0 under QEMU, run
# PROBE (tests/xen/boot/sysctl-probe.c) there, and check from the serial
# log: the table read through the sysctl equals the generator's output,
# every probe check passed, Xen printed its support line, and xl works.
# Twice: the default XSM policy (dummy), and xsm=flask flask=enforcing
# with the built-in policy (dom0_t is granted xen2:support_table).
set -euo pipefail
xbuild=$1 probe=$2
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
out=$xbuild/x86_64/out
[ -f "$out/xen" ] || { echo "boot-test: no $out/xen (make xen)" >&2; exit 1; }

scripts/deps.sh boot
assets=$(scripts/boot-assets.sh -n xen-sysctl -t tests/xen/boot/sysctl.tests.sh \
    -f "$probe=/usr/bin/xen-sysctl-probe" x86_64 build/boot)
kernel=$(sed -n 1p <<<"$assets")
initrd=$(sed -n 2p <<<"$assets")
logs=build/boot/logs
mkdir -p "$logs"
fail=0
for mode in dummy flask; do
    args="loglvl=all"
    [ $mode = flask ] && args="$args xsm=flask flask=enforcing"
    log=$logs/xen-sysctl-$mode.log
    scripts/boot-run.sh -a x86_64 -x "$args" "$out/xen" "$kernel" "$initrd" \
        "$log" || true
    if ! tests/boot/check-log.sh -e probe -e xl-info \
        -d "table=$logs/xen-sysctl-$mode.table" "$log"; then
        fail=1; continue
    fi
    tests/boot/check-log.sh -q -o probe "$log"
    if ! cmp "$logs/xen-sysctl-$mode.table" "$out/support_table.bin"; then
        echo "boot-test: $mode: FAIL: table read in dom0 differs" >&2
        fail=1
    fi
    if ! grep -a -q 'support: statement for Xen .* features' "$log"; then
        echo "boot-test: $mode: FAIL: no support line in Xen's log" >&2
        fail=1
    fi
    if [ $mode = flask ] && ! grep -a -q 'Flask:.*enforcing' "$log"; then
        echo "boot-test: flask: FAIL: FLASK not enforcing" >&2
        fail=1
    fi
    [ $fail -eq 0 ] && echo "boot-test: $mode: PASS: table read by" \
        "XEN_SYSCTL_support_table in dom0 equals $out/support_table.bin"
done
exit $fail
