#!/usr/bin/env bash
# boot-test.sh XEN_BUILD PROBE XS HOSTILE LOAD HYPFS: the sysctl boots
# (`make test-xen-boot`).  Boots the x86_64 hypervisor built by `make xen`
# (XEN_BUILD/x86_64/out/xen) with a Debian dom0 under QEMU through the boot
# harness (scripts/boot/: assets.sh, run.sh), runs PROBE
# (tests/xen/boot/sysctl-probe.c), XS (a static xen-support), HOSTILE
# (sysctl-hostile.c), LOAD (sysctl-load.c) and HYPFS (Xen's xenhypfs) there
# (tests/xen/boot/sysctl.tests.sh), and has `judge.sh sysctl` judge each
# serial log: the table read through the sysctl, each call's return code,
# each hostile case's errno, the load's counts, Xen's lines, the outputs
# of `xen-support status`, and the hypfs view: `xenhypfs ls /support`,
# the table read through hypfs only (`xen-support --hypfs dump`) byte for
# byte, and `xenhypfs cat` of the policy and the record's counts.  Two boots:
#  - dummy: the default XSM policy, sched=null under the default
#    support=warn: null runs, Xen warns (a line and the end-of-boot
#    banner), a cpupool with RTDS is created with a warning, and
#    `xen-support status` lists both events and exits 1; the load runs;
#  - flask: xsm=flask flask=enforcing (dom0_t is granted
#    xen2:support_table) with support=refuse,exempt:xsm-flask and
#    sched=rtds: FLASK runs (exempted), RTDS is refused and credit2 runs,
#    the RTDS cpupool fails with EPERM and Xen's refusal line, and
#    `xen-support status` lists FLASK (active) and both refusals.
# dom0 never runs under RTDS: under TCG on a loaded host RTDS prints
# hundreds of "burn_budget" lines (time going backwards) into dom0's
# marker lines.  So the warn boot takes null (also Experimental, the same
# gate) and RTDS is asked for by the cpupool (a pool without CPUs).
set -euo pipefail
[ $# -eq 6 ] || { sed -n 2p "$0" >&2; exit 2; }
xbuild=$1 probe=$2 xs=$3 hostile=$4 load=$5 hypfs=$6
cd "$(dirname "$0")/../.."
out=$xbuild/x86_64/out
[ -f "$out/xen" ] || { echo "boot-test.sh: no $out/xen (make xen)" >&2; exit 2; }
logs=build/boot/logs
mkdir -p "$logs"
# The pair booted, copied at once (another build cannot change it).
flock "$xbuild/x86_64/.lock" cp "$out/xen" "$out/support_table.bin" "$logs/"
xen=$logs/xen table=$logs/support_table.bin

scripts/deps.sh boot
mapfile -t assets < <(scripts/boot/assets.sh -n xen-sysctl \
    -t tests/xen/boot/sysctl.tests.sh \
    -f "$probe=/usr/bin/xen-sysctl-probe" -f "$xs=/usr/bin/xen-support" \
    -f "$hostile=/usr/bin/xen-sysctl-hostile" -f "$load=/usr/bin/xen-sysctl-load" \
    -f "$hypfs=/usr/bin/xenhypfs" \
    -f "$table=/usr/share/xen-support/support_table.bin" x86_64 build/boot)
[ ${#assets[@]} -eq 2 ] || exit 2

rc=0
for mode in dummy flask; do
    # A larger transmit buffer: no dom0 output lost in bursts (dumps).
    args="loglvl=all serial_tx_buffer=256k"
    if [ $mode = dummy ]; then
        args="$args sched=null"
    else
        args="$args sched=rtds xsm=flask flask=enforcing support=refuse,exempt:xsm-flask"
    fi
    log=$logs/xen-sysctl-$mode.log
    scripts/boot/run.sh -a x86_64 -x "$args" "$xen" "${assets[@]}" "$log" |
        tee "$logs/xen-sysctl-$mode.run" || true
    echo "== sysctl boot: $mode ($args)"
    scripts/boot/judge.sh sysctl "$mode" "$log" "$table" || rc=1
    echo "boot ($mode): $(sed -n 's/^run.sh: \([0-9.]*\) seconds.*/\1/p' \
        "$logs/xen-sysctl-$mode.run") s wall (QEMU start to exit, TCG)"
done
[ $rc -eq 0 ] && echo "boot-test.sh: PASS (both sysctl boots)" ||
    echo "boot-test.sh: FAIL"
exit $rc
