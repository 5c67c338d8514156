#!/usr/bin/env bash
# run.sh: the boot harness's QEMU run.  Boots a Xen hypervisor with a dom0
# kernel + initramfs (from assets.sh) under QEMU's software emulation (TCG),
# x86_64 or arm64, under a time limit, the serial console going to a log
# file.  It never judges the run: judge.sh does, from the raw log, never
# from QEMU's status.
#
# usage: scripts/boot/run.sh [-a ARCH] [-t SECONDS] [-x XEN_ARGS] \
#            [-m MODULE] XEN KERNEL INITRD LOG
#   ARCH       x86_64 (default, or $ARCH) | arm64
#   SECONDS    hard limit on the QEMU run (default 180, or $BOOT_TIMEOUT)
#   XEN_ARGS   appended to Xen's command line (default $XEN_ARGS)
#   MODULE     a support table as a boot module (docs/support-policy.md):
#              x86_64, one more multiboot module after the initrd; arm64,
#              a "xen,support-table" node added to QEMU's device tree
#   XEN        x86_64: the `xen` ELF (not xen.gz); arm64: xen/xen (Image)
#
# Prints the command line, then "run.sh: ... seconds" (QEMU start to exit)
# and whether the log reached the dom0 poweroff.  Exit status: 0 when QEMU
# ended by itself, 124 when the time limit killed it, 2 on usage errors.
set -euo pipefail

arch=${ARCH:-x86_64}
limit=${BOOT_TIMEOUT:-180}
xen_args=${XEN_ARGS:-}
module=
while getopts a:t:x:m: opt; do
    case $opt in
    a) arch=$OPTARG ;;
    t) limit=$OPTARG ;;
    x) xen_args=$OPTARG ;;
    m) module=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 4 ] || { sed -n '8,16p' "$0" >&2; exit 2; }
xen=$1 kernel=$2 initrd=$3 log=$4
for f in "$xen" "$kernel" "$initrd" ${module:+"$module"}; do
    [ -r "$f" ] || { echo "run.sh: cannot read '$f'" >&2; exit 2; }
done
mkdir -p "$(dirname "$log")"

dom0_args="console=hvc0 rdinit=/init panic=1"
case $arch in
x86_64)
    # Multiboot: the initrd list is "kernel cmdline,initrd".  A comma in a
    # path or argument would break it.
    case "$kernel$initrd$dom0_args$module" in
    *,*) echo "run.sh: ',' not allowed in paths" >&2; exit 2 ;;
    esac
    cmd=(qemu-system-x86_64 -accel tcg -cpu qemu64 -m 1024 -smp 2
         -nographic -no-reboot -monitor none -serial "file:$log"
         -kernel "$xen"
         -append "console=com1 dom0_mem=512M $xen_args"
         -initrd "$kernel $dom0_args,$initrd${module:+,$module}")
    ;;
arm64)
    # shellcheck disable=SC2054 # QEMU's own comma-separated options
    cmd=(qemu-system-aarch64 -machine virt,virtualization=on,gic-version=3
         -cpu cortex-a57 -smp 2 -m 2048
         -nographic -no-reboot -monitor none -serial "file:$log"
         -kernel "$xen"
         -append "console=dtuart dom0_mem=512M $xen_args")
    loaders=(-device "guest-loader,addr=0x49000000,kernel=$kernel,bootargs=$dom0_args"
             -device "guest-loader,addr=0x50000000,initrd=$initrd")
    if [ -n "$module" ]; then
        # guest-loader makes kernel and ramdisk nodes only: take QEMU's
        # device tree with them, add a "xen,support-table" module node
        # (docs/support-policy.md), and load the three files raw where
        # the nodes say.
        command -v fdtput >/dev/null || {
            echo "run.sh: fdtput not installed (scripts/deps.sh boot)" >&2; exit 2; }
        dtb=${log%.log}.dtb node=/chosen/module@0x58000000
        rm -f "$dtb"
        "${cmd[@]}" "${loaders[@]}" -machine "dumpdtb=$dtb" >/dev/null 2>&1 || true
        [ -s "$dtb" ] || { echo "run.sh: QEMU wrote no device tree" >&2; exit 2; }
        fdtput -c "$dtb" "$node"
        fdtput -t s "$dtb" "$node" compatible xen,support-table multiboot,module
        fdtput -t x "$dtb" "$node" reg 0 0x58000000 0 "$(printf %x "$(wc -c <"$module")")"
        loaders=(-dtb "$dtb"
                 -device "loader,file=$kernel,addr=0x49000000,force-raw=on"
                 -device "loader,file=$initrd,addr=0x50000000,force-raw=on"
                 -device "loader,file=$module,addr=0x58000000,force-raw=on")
    fi
    cmd+=("${loaders[@]}")
    ;;
*)
    echo "run.sh: unknown ARCH '$arch' (x86_64|arm64)" >&2
    exit 2
    ;;
esac

command -v "${cmd[0]}" >/dev/null || {
    echo "run.sh: ${cmd[0]} not installed (scripts/deps.sh boot)" >&2
    exit 2
}
# One QEMU at a time on this machine (shared cores; parallel make jobs).
# The time limit starts once the lock is held.
lockdir=$(cd "$(dirname "$0")/../.." && pwd)/build
mkdir -p "$lockdir"
exec 8>"$lockdir/.boot-qemu.lock"
if ! flock -n 8; then
    echo "run.sh: waiting for another QEMU boot to finish"
    flock 8
fi
printf 'run.sh:'
printf ' %q' timeout "$limit" "${cmd[@]}"
echo
: >"$log"
t0=$(date +%s.%N)
rc=0
timeout --kill-after=10 "$limit" "${cmd[@]}" </dev/null || rc=$?
t1=$(date +%s.%N)
secs=$(echo "$t0 $t1" | awk '{ printf "%.1f", $2 - $1 }')
end="no poweroff marker"
grep -q '@@DONE' "$log" && end="dom0 reached @@DONE"
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
    echo "run.sh: TIMEOUT after $secs seconds ($end); log: $log"
    exit 124
fi
echo "run.sh: $secs seconds, QEMU status $rc ($end); log: $log"
exit 0
