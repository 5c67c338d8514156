# tests/boot/build.mk: the boots of the boot harness (scripts/boot/:
# assets.sh, run.sh, log.sh, judge.sh; docs/boot-test.md) behind the live
# queries: scripts/boot/live.sh builds Xen with `make xen`, packs the
# initramfs, boots it under QEMU (TCG) and judges the serial log.
#
#   make test-boot-x86_64 test-boot-arm64      (in ONCE_TEST_TARGETS)
#   make boot-run [ARCH=x86_64|arm64] [XEN_ARGS=...] [SUPPORT_MD=...]
#                 [SUPPORT_MODULE=TABLE]  (TABLE booted as a module)
#   make test-boot-checklog test-boot-judge    (made-up logs, once a check)
#
# arm64 boots the cross-built static xen-support ($(O)/arm64/bin/..., see
# tools-side/build.mk) and an xl cross-built by scripts/boot/build.sh.

# What live.sh takes from this build (make builds it; live.sh -B does
# not call make for these again).
BOOT_TEST_BINS := $(GEN_BIN) $(O)/bin/xen-support $(O)/bin/xen-support-static
BOOT_ARM64_BINS := $(GEN_BIN) $(O)/bin/xen-support \
                   $(O)/arm64/bin/xen-support-static
ARCH ?= x86_64
BOOT_ENV = O=$(O) XEN_BUILD=$(XEN_BUILD) SUPPORT_MD=$(SUPPORT_MD)

.PHONY: test-boot-x86_64
test-boot-x86_64: $(BOOT_TEST_BINS)
	+@scripts/deps.sh boot xen
	+$(BOOT_ENV) XEN_ARGS= SUPPORT_MODULE= scripts/boot/live.sh -B x86_64

.PHONY: test-boot-arm64
test-boot-arm64: $(BOOT_ARM64_BINS)
	+@scripts/deps.sh boot xen cross
	+$(BOOT_ENV) XEN_ARGS= SUPPORT_MODULE= scripts/boot/live.sh -B -g arm64

ONCE_TEST_TARGETS += test-boot-x86_64 test-boot-arm64

# `make run`'s boot: what dom0 said, then the same judging.
.PHONY: boot-run
boot-run: $(if $(filter arm64,$(ARCH)),$(BOOT_ARM64_BINS),$(BOOT_TEST_BINS))
	+@$(BOOT_ENV) XEN_ARGS="$(XEN_ARGS)" SUPPORT_MODULE="$(SUPPORT_MODULE)" \
	    scripts/boot/live.sh -r -B $(ARCH)

# The log reader and every judge rule on made-up logs (no QEMU): each
# rule has a log that must fail it.  Shell over the host commands, so
# once per check: a second run under ASan+UBSan would only repeat it
# (about three minutes of process start-ups).
.PHONY: test-boot-checklog
test-boot-checklog:
	tests/boot/log-test.sh

.PHONY: test-boot-judge
test-boot-judge: $(GEN_BIN) $(O)/bin/xen-support
	O=$(O) tests/boot/judge-test.sh

ONCE_TEST_TARGETS += test-boot-checklog test-boot-judge
