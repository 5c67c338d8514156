# gate.tests.sh: the dom0 tests of boot-test.sh's boot-policy boots (-g):
# which scheduler Xen runs (xl info) and the record of gate events
# (`xen-support status`, exit 1 while a feature outside security support
# is active).  The host reads Xen's own gate lines from the serial log.
# shellcheck shell=sh
run xl-info xl info
run xs-status xen-support status
