# stock.tests.sh: dom0 tests for the harness's own proof on a stock Xen
# (scripts/boot/stock.sh): xl works, xenstore works, a binary file comes
# back byte for byte through the serial log, and xl info's wall time.
# shellcheck shell=sh
run xl-info xl info
run xenstore-ls xenstore-ls /local/domain/0
dump xl /usr/lib/xen/bin/xl
benchn xl-info 9 1 xl info
