# sysctl.tests.sh: dom0 tests of XEN_SYSCTL_support_table and the boot
# policy on the built hypervisor (tests/xen/boot-test.sh): the probe's
# checks, the table it read (dumped for the host to compare), the hostile
# caller (every boot: under FLASK too; the table it reads after its cases
# dumped too), the load (only in the boot without
# xsm=flask, told apart by xl info's xen_commandline), xl still working
# (and which scheduler runs), a cpupool with the RTDS scheduler (a gate
# after boot), `xen-support status` in both formats, and the hypfs view
# (docs/hypfs.md) read with Xen's xenhypfs.
# shellcheck shell=sh
ref=/usr/share/xen-support/support_table.bin
run probe xen-sysctl-probe /tmp/table.bin
dump table /tmp/table.bin
run hostile xen-sysctl-hostile $ref /tmp/final.bin
dump final /tmp/final.bin
# shellcheck disable=SC2016 # expanded by the inner sh
run xl-info sh -c 'xl info >/tmp/xl-info 2>&1; r=$?; cat /tmp/xl-info; exit $r'
if grep -q '^xen_commandline .*xsm=flask' /tmp/xl-info; then
    note "load: not in the FLASK boot"
else
    run load xen-sysctl-load 100000 $ref
fi
run cpupool xen-sysctl-probe cpupool
run hypfs-ls xenhypfs ls /support
# xenhypfs cat cannot print a blob (libxenhypfs's xenhypfs_read() answers
# EDOM for one): xen-support reads it raw (xenhypfs_read_raw()).
run hypfs-table xen-support --hypfs dump -o /tmp/hypfs.bin
dump hypfs /tmp/hypfs.bin
run hypfs-policy xenhypfs cat /support/policy
run hypfs-record xenhypfs cat /support/record
run xs-status xen-support status
run xs-prom xen-support status --prometheus
