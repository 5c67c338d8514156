# live.tests.sh: the dom0 tests of the live-query boot on every
# architecture (scripts/boot/live.sh), sourced by the initramfs's /init.
# live.sh puts XS_ARCH (x86|arm) and XS_SUPPORTED (a feature supported
# there) in front of this list.  xen-support reads the running hypervisor
# (no source option).  Nothing here judges anything: the host's judge.sh
# compares each raw output, exit status and the dumped table with what
# its own tools say of the booted table.
# shellcheck shell=sh
run xs-info xen-support info
run xs-list-json xen-support list --json --arch all
run xs-list xen-support list
run xs-list-arch xen-support list --arch "$XS_ARCH"
run xs-show xen-support show 'Credit2 Scheduler'
run xs-check-unsupported xen-support check 'RTDS based Scheduler'
run xs-check-supported xen-support check --arch "$XS_ARCH" "$XS_SUPPORTED"
run xs-dump xen-support dump -o /tmp/t.bin
dump table /tmp/t.bin
run xl-info xl info
run xl-info-statement xl info support_statement

# Wall time of one call: 9 rounds, each a block of 3 `xen-support info`
# then a block of 3 `xl info` (interleaved, so that a slow spell of the
# emulated machine hits both); one @@BENCH line per block.
_r=0
while [ $_r -lt 9 ]; do
    benchn xs-info 1 3 xen-support info
    benchn xl-info 1 3 xl info
    _r=$((_r + 1))
done
