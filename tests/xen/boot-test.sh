#!/usr/bin/env bash
# boot-test.sh XEN_BUILD PROBE XS HOSTILE LOAD HYPFS SWAP DOMU XL: the sysctl boots
# (`make test-xen-boot`).  Boots the x86_64 hypervisor built by `make xen`
# (XEN_BUILD/x86_64/out/xen) with a Debian dom0 under QEMU through the boot
# harness (scripts/boot/: assets.sh, run.sh), runs PROBE
# (tests/xen/boot/sysctl-probe.c), XS (a static xen-support), HOSTILE
# (sysctl-hostile.c), LOAD (sysctl-load.c), HYPFS (Xen's xenhypfs) and
# SWAP (sysctl-swap.c: hostile XEN_SYSCTL_support_load calls) there, with
# XL (the patched xl, `make xl`) as dom0's xl and DOMU (sysctl-domu.c) in
# the guests' initramfs
# (tests/xen/boot/sysctl.tests.sh), and has `judge.sh sysctl` judge each
# serial log: the table read through the sysctl, each call's return code,
# each hostile case's errno, the load's counts, Xen's lines, the outputs
# of `xen-support status`, and the hypfs view: `xenhypfs ls /support`,
# the table read through hypfs only (`xen-support --hypfs dump`) byte for
# byte, `xenhypfs cat` of the policy and the record's counts, and the
# statement replaced at run time: hostile loads, and `xen-support load` of
# SUPPORT_MD with Credit2 made Experimental (next.bin, compiled here with
# XEN_SUPPORT_GEN); and real guests (docs/xl-create.md): a PV domU within
# support (tests/xen/boot/guest-ok.cfg) boots and issues the support ops
# itself, denied; one with a PV Calls backend (guest-pvcalls.cfg,
# Experimental) is warned and recorded against its domid, then destroyed
# (its entries stay, gone), or refused with no domain built.  Three boots:
#  - dummy: the default XSM policy, sched=null under the default
#    support=warn: null runs, Xen warns (a line and the end-of-boot
#    banner), a cpupool with RTDS is created with a warning, and
#    `xen-support status` lists both events and exits 1; the load runs;
#    every hostile load is refused with its errno and the active table
#    stays; the CLI refuses a table with Arm rows only (exit 3); next.bin
#    loads and is what hypfs then gives; the domU gets EPERM; the PV Calls
#    guest is created with a warning and recorded;
#  - flask: xsm=flask flask=enforcing (dom0_t is granted
#    xen2:support_table) with support=refuse,exempt:xsm-flask and
#    sched=rtds: FLASK runs (exempted), RTDS is refused and credit2 runs,
#    the RTDS cpupool fails with EPERM and Xen's refusal line, and
#    `xen-support status` lists FLASK (active) and both refusals; then a
#    Credit2 pool is created, next.bin loaded (dom0_t has
#    xen2:support_load), status reports the pool's Credit2 as enabled
#    before and now outside support, and a new Credit2 pool gets EPERM;
#    the domU (domU_t) gets EACCES; the PV Calls guest is refused;
#  - module: next.bin as a multiboot module, the default scheduler
#    (credit2): the module is the active table from boot on, so the boot
#    gate warns about Credit2 (Experimental in it), and dom0 reads it.
# The null scheduler gives each vCPU a pCPU of its own: the warn boot's
# dom0 has one vCPU, so the guest gets the other pCPU.  The FLASK boot
# logs guest messages (guest_loglvl=all): the domU's AVC denials.
# Debian's domU kernel restricts privcmd in an unprivileged domU unless
# unrestricted=1 (scripts/boot/domu-init.sh sets it), so the guest's
# calls reach Xen.
# dom0 never runs under RTDS: under TCG on a loaded host RTDS prints
# hundreds of "burn_budget" lines (time going backwards) into dom0's
# marker lines.  So the warn boot takes null (also Experimental, the same
# gate) and RTDS is asked for by the cpupool (a pool without CPUs).
set -euo pipefail
[ $# -eq 9 ] || { sed -n 2p "$0" >&2; exit 2; }
xbuild=$1 probe=$2 xs=$3 hostile=$4 load=$5 hypfs=$6 swap=$7 domu=$8 xl=$9
gen=${XEN_SUPPORT_GEN:?boot-test.sh: XEN_SUPPORT_GEN names the generator}
doc=${SUPPORT_MD:?boot-test.sh: SUPPORT_MD names the built statement}
cd "$(dirname "$0")/../.."
out=$xbuild/x86_64/out
[ -f "$out/xen" ] || { echo "boot-test.sh: no $out/xen (make xen)" >&2; exit 2; }
logs=build/boot/logs
mkdir -p "$logs"
# The pair booted, copied at once (another build cannot change it).
flock "$xbuild/x86_64/.lock" cp "$out/xen" "$out/support_table.bin" "$logs/"
xen=$logs/xen table=$logs/support_table.bin

# The statement to load: the built one with Credit2 Experimental
# (next-table.sh); and a table whose only row is for Arm, which this x86
# Xen must refuse.
next=$logs/next.bin arm=$logs/arm-only.bin
scripts/boot/next-table.sh "$doc" "$gen" "$next"
printf '%s\n' '# Support statement' '' '    Xen-Version: 4.17' '' \
    '# Feature Support' '' '## Features' '' '### Foo' '' \
    '    Status, Arm: Supported' >"$logs/arm-only.md"
"$gen" --quiet -o "$arm" "$logs/arm-only.md"

scripts/deps.sh boot
mapfile -t assets < <(scripts/boot/assets.sh -n xen-sysctl \
    -t tests/xen/boot/sysctl.tests.sh \
    -f "$probe=/usr/bin/xen-sysctl-probe" -f "$xs=/usr/bin/xen-support" \
    -f "$hostile=/usr/bin/xen-sysctl-hostile" -f "$load=/usr/bin/xen-sysctl-load" \
    -f "$hypfs=/usr/bin/xenhypfs" -f "$swap=/usr/bin/xen-sysctl-swap" \
    -f "$xl=/usr/lib/xen/bin/xl" -g "$domu" \
    -f tests/xen/boot/guest-ok.cfg=/etc/xen/guest-ok.cfg \
    -f tests/xen/boot/guest-pvcalls.cfg=/etc/xen/guest-pvcalls.cfg \
    -f "$table=/usr/share/xen-support/support_table.bin" \
    -f "$next=/usr/share/xen-support/next.bin" \
    -f "$arm=/usr/share/xen-support/arm-only.bin" x86_64 build/boot)
[ ${#assets[@]} -eq 2 ] || exit 2

rc=0
for mode in dummy flask module; do
    # A larger transmit buffer: no dom0 output lost in bursts (dumps).
    args="loglvl=all serial_tx_buffer=256k" modarg=()
    case $mode in
    dummy) args="$args sched=null dom0_max_vcpus=1" ;;
    flask) args="$args guest_loglvl=all sched=rtds xsm=flask flask=enforcing support=refuse,exempt:xsm-flask" ;;
    module) modarg=(-m "$next") ;;
    esac
    log=$logs/xen-sysctl-$mode.log
    scripts/boot/run.sh -a x86_64 -t 300 -x "$args" ${modarg[@]+"${modarg[@]}"} \
        "$xen" "${assets[@]}" "$log" | tee "$logs/xen-sysctl-$mode.run" || true
    echo "== sysctl boot: $mode ($args)"
    scripts/boot/judge.sh sysctl "$mode" "$log" "$table" "$next" || rc=1
    echo "boot ($mode): $(sed -n 's/^run.sh: \([0-9.]*\) seconds.*/\1/p' \
        "$logs/xen-sysctl-$mode.run") s wall (QEMU start to exit, TCG)"
done
[ $rc -eq 0 ] && echo "boot-test.sh: PASS (the three sysctl boots)" ||
    echo "boot-test.sh: FAIL"
exit $rc
