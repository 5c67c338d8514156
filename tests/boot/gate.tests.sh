# gate.tests.sh: the dom0 tests of the live-query boot's boot-policy boots
# (scripts/boot/live.sh -g): xl info (which scheduler Xen runs, the
# support lines) and the record of gate events (`xen-support status`, exit
# 1 while a feature outside security support is active).  The host's
# judge.sh reads these outputs and Xen's own gate lines from the log.
# shellcheck shell=sh
run xl-info xl info
run xs-status xen-support status
