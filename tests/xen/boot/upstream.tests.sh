# upstream.tests.sh: dom0 tests for a by-hand boot of any patched Xen
# (scripts/xen-boot-upstream.sh): Debian 12's tools (sysctl interface
# 0x15) read the hypervisor's table, through the sysctl where the
# hypervisor speaks 0x15 and through hypfs where it does not (4.21 and
# later); the host compares the dump with the table it built.
# shellcheck shell=sh
run xs-info xen-support info
run xs-dump xen-support dump -o /tmp/t.bin
dump t /tmp/t.bin
run hypfs-ls xenhypfs ls /support
run hypfs-policy xenhypfs cat /support/policy
run hypfs-record xenhypfs cat /support/record
