#!/bin/sh
# /init of the guest initramfs (scripts/boot/assets.sh -g): an
# unprivileged PV domU of the boot test.  Loads the Xen modules, runs
# /usr/bin/domu-test (the program given to -g) between @@GUEST-BEGIN and
# @@GUEST-END lines on its console (hvc0, which dom0's xenconsoled logs),
# and powers off: the domain then goes away (on_poweroff="destroy").
export PATH=/bin:/usr/bin
mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec </dev/console >/dev/console 2>&1
mount -t proc proc /proc
mount -t sysfs sysfs /sys
echo 1 >/proc/sys/kernel/printk
# Linux restricts privcmd in an unprivileged domU (hypercalls only at a
# device model's target domain: EPERM from the kernel itself) unless
# unrestricted=1: the test wants the hypervisor's answer.
while read -r m; do
    p=
    [ "$m" != xen-privcmd ] || p=unrestricted=1
    insmod "/lib/modules/$m.ko" $p || echo "@@GUEST-SETUP insmod $m failed"
done </etc/modules.list
echo "@@GUEST-BEGIN hypervisor=$(cat /sys/hypervisor/type 2>/dev/null) uuid=$(cat /sys/hypervisor/uuid 2>/dev/null) kernel=$(uname -r)"
/usr/bin/domu-test
echo "@@GUEST-END rc=$?"
sync
poweroff -f
sleep 10
