# sysctl.tests.sh: dom0 tests of XEN_SYSCTL_support_table on the built
# hypervisor (tests/xen/boot-test.sh): the probe's checks, the table it
# read (dumped for the host to compare), and xl still working.
# shellcheck shell=sh
run probe xen-sysctl-probe /tmp/table.bin
dump table /tmp/table.bin
run xl-info xl info
