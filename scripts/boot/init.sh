#!/bin/sh
# /init of the boot-test initramfs (packed by scripts/boot/assets.sh): sets
# up a minimal Xen dom0 (modules, xenfs, xenstored), sources /tests.sh and
# powers off.  Everything it reports goes to the console as @@ markers; the
# protocol is described in docs/boot-test.md.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin:/usr/lib/xen/bin
for d in /lib/*-linux-gnu; do LD_LIBRARY_PATH=$d; done
export LD_LIBRARY_PATH
# The console is a tty, but everything printed ends in a log: no colours.
export HOME=/root TERM=dumb NO_COLOR=1

mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec </dev/console >/dev/console 2>&1
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mkdir -p /run/xen /run/xenstored /root

pass=0
fail=0

# Milliseconds since boot, from /proc/uptime (centisecond resolution).
ms() {
    read -r up _ </proc/uptime
    _c=${up#*.}
    echo $(( ${up%.*} * 1000 + (1$_c - 100) * 10 ))
}

# setup STEP CMD...: a setup step; failures are counted like tests.
setup() {
    _s=$1
    shift
    "$@"
    _rc=$?
    echo "@@SETUP $_s rc=$_rc"
    [ $_rc -eq 0 ] || fail=$((fail + 1))
    return $_rc
}

# run NAME CMD...: run a test command between @@BEGIN and @@END markers.
run() {
    _n=$1
    shift
    echo "@@BEGIN $_n"
    _t0=$(ms)
    "$@"
    _rc=$?
    _t1=$(ms)
    echo "@@END $_n rc=$_rc ms=$((_t1 - _t0))"
    if [ $_rc -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
    return $_rc
}

# dump NAME FILE: print FILE as base64 lines the host can reassemble.
dump() {
    _n=$1
    if [ ! -r "$2" ]; then
        echo "@@DUMP $_n missing"
        fail=$((fail + 1))
        return 1
    fi
    echo "@@DUMP $_n size=$(wc -c <"$2") sha256=$(sha256sum <"$2" | cut -d' ' -f1)"
    base64 "$2" | sed "s/^/@@D $_n /"
    echo "@@DUMPEND $_n"
}

# note TEXT: a free-form line the host can pick up (e.g. measurements).
note() {
    echo "@@NOTE $*"
}

# benchn NAME ROUNDS INNER CMD...: ROUNDS timed blocks, each running CMD
# INNER times (output discarded); the per-call time of each block is its
# wall time / INNER, in microseconds (so resolution 10 ms / INNER).  One
# @@BENCH line with the median and every block's per-call time.
benchn() {
    _n=$1
    _k=$2
    _m=$3
    shift 3
    _i=0
    _all=
    _b0=$(ms)
    while [ $_i -lt $_k ]; do
        _j=0
        _t0=$(ms)
        while [ $_j -lt $_m ]; do
            "$@" >/dev/null 2>&1
            _j=$((_j + 1))
        done
        _t1=$(ms)
        _all="$_all $(((_t1 - _t0) * 1000 / _m))"
        _i=$((_i + 1))
    done
    _med=$(echo $_all | tr ' ' '\n' | sort -n | sed -n "$(((_k + 1) / 2))p")
    echo "@@BENCH $_n runs=$_k inner=$_m median_us=$_med total_ms=$(($(ms) - _b0)) all_us=$(echo $_all | tr ' ' ',')"
}

# quiet CMD...: run CMD, showing its output only when it fails.
quiet() {
    "$@" >/tmp/quiet.out 2>&1
    _q=$?
    [ $_q -eq 0 ] || cat /tmp/quiet.out
    return $_q
}

start_xenstored() {
    for x in xenstored oxenstored; do
        command -v $x >/dev/null || continue
        $x --pid-file /run/xen/xenstored.pid || continue
        for _i in 1 2 3 4 5 6 7 8 9 10; do
            [ -f /run/xen/xenstored.pid ] && { note "xenstored=$x"; return 0; }
            sleep 1
        done
    done
    return 1
}

# xenconsoled, for guests: their consoles are logged to
# /var/log/xen/console/guest-NAME.log (nobody can attach `xl console`).
start_xenconsoled() {
    mkdir -p /var/log/xen/console /var/lock /dev/pts
    # Each guest console gets a pty.
    mount -t devpts devpts /dev/pts || return 1
    xenconsoled --pid-file=/run/xen/xenconsoled.pid --log=guest \
        --log-dir=/var/log/xen/console
}

# guest_run NAME CFG: a guest from its xl configuration (xl create), run
# until it has powered off and is gone from `xl list` (at most
# GUEST_TIMEOUT seconds, 300; then destroyed, status 124), then its
# console log.  The status is xl create's, or 124.
guest_run() {
    _g=$1
    xl create "$2" || return $?
    echo "guest $_g: domid $(xl domid "$_g" 2>/dev/null)"
    _i=0
    while xl domid "$_g" >/dev/null 2>&1; do
        _i=$((_i + 1))
        if [ $_i -gt "${GUEST_TIMEOUT:-300}" ]; then
            echo "guest $_g: still there after $((_i - 1)) s: destroyed"
            xl destroy "$_g"
            return 124
        fi
        sleep 1
    done
    echo "guest $_g: gone after ${_i} s"
    sleep 1
    tr -d '\r' </var/log/xen/console/guest-"$_g".log
}

echo "@@BOOT arch=$(cat /etc/boot-arch) kernel=$(uname -r) uptime_ms=$(ms)"
while read -r m; do
    setup "insmod-$m" insmod "/lib/modules/$m.ko"
done </etc/modules.list
setup xenfs mount -t xenfs xenfs /proc/xen
setup xenstored start_xenstored
setup xen-init-dom0 quiet xen-init-dom0
if command -v xenconsoled >/dev/null; then
    setup xenconsoled start_xenconsoled
fi
[ $fail -eq 0 ] || dmesg | tail -n 40
# Keep kernel messages from cutting into test output from here on.
echo 1 >/proc/sys/kernel/printk

echo "@@TESTS uptime_ms=$(ms)"
[ -r /tests.sh ] && . /tests.sh
echo "@@DONE pass=$pass fail=$fail uptime_ms=$(ms)"
sync
poweroff -f
sleep 10
