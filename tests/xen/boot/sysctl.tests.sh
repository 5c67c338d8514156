# sysctl.tests.sh: dom0 tests of XEN_SYSCTL_support_table and the boot
# policy on the built hypervisor (tests/xen/boot-test.sh): the probe's
# checks, the table it read (dumped for the host to compare), xl still
# working (and which scheduler runs), a cpupool with the RTDS scheduler
# (a gate after boot), and `xen-support status` in both formats.
# shellcheck shell=sh
run probe xen-sysctl-probe /tmp/table.bin
dump table /tmp/table.bin
run xl-info xl info
run cpupool xen-sysctl-probe cpupool
run xs-status xen-support status
run xs-prom xen-support status --prometheus
