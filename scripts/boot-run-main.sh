#!/usr/bin/env bash
# boot-run-main.sh: the main job of `make run`.  Builds Xen with the
# support table, the dom0 tools and the initramfs, boots it under QEMU and
# prints what `xen-support info`, `xen-support list` and `xl info` said
# inside dom0, then the boot test's checks and times (scripts/boot-test.sh).
#
# usage: scripts/boot-run-main.sh [-B]   (-B: host binaries built already)
# Environment: ARCH (x86_64 default | arm64), XEN_ARGS (appended to Xen's
# command line, e.g. sched=rtds), SUPPORT_MD (document compiled into Xen),
# O, XEN_BUILD, BOOT_TIMEOUT, BOOT_OUT.
set -euo pipefail
exec "$(dirname "$0")/boot-test.sh" -r "$@" "${ARCH:-x86_64}"
