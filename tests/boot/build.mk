# tests/boot/build.mk: the dom0 live-query boot test (scripts/boot-test.sh)
# and the boot behind `make run` (scripts/boot-run-main.sh).  Both build Xen
# with `make xen`, pack the initramfs and boot it under QEMU (TCG).
#
#   make test-boot-x86_64 test-boot-arm64      (in ONCE_TEST_TARGETS)
#   make boot-run [ARCH=x86_64|arm64] [XEN_ARGS=...] [SUPPORT_MD=...]
#
# arm64 boots the cross-built static xen-support ($(O)/arm64/bin/..., see
# tools-side/build.mk) and an xl cross-built by scripts/boot-test.sh.

# What the scripts take from this build (make builds it; the scripts
# then run with -B and do not call make for these again).  The static
# xen-support and the patched xl come in when their rules exist.
BOOT_TEST_BINS := $(GEN_BIN) $(O)/bin/xen-support \
                  $(filter $(O)/bin/xen-support-static,$(BINS))
ARCH ?= x86_64
BOOT_ENV = O=$(O) XEN_BUILD=$(XEN_BUILD) SUPPORT_MD=$(SUPPORT_MD)

.PHONY: test-boot-x86_64
test-boot-x86_64: $(BOOT_TEST_BINS)
	+@scripts/deps.sh boot xen
	+$(BOOT_ENV) XEN_ARGS= scripts/boot-test.sh -B x86_64

ONCE_TEST_TARGETS += test-boot-x86_64

BOOT_ARM64_BINS := $(GEN_BIN) $(O)/bin/xen-support \
                   $(O)/arm64/bin/xen-support-static

.PHONY: test-boot-arm64
test-boot-arm64: $(BOOT_ARM64_BINS)
	+@scripts/deps.sh boot xen cross
	+$(BOOT_ENV) XEN_ARGS= scripts/boot-test.sh -B -g arm64

ONCE_TEST_TARGETS += test-boot-arm64

.PHONY: boot-run
boot-run: $(if $(filter arm64,$(ARCH)),$(BOOT_ARM64_BINS),$(BOOT_TEST_BINS))
	+@$(BOOT_ENV) XEN_ARGS="$(XEN_ARGS)" ARCH=$(ARCH) scripts/boot-run-main.sh -B

# The judging of boot-test.sh on made-up logs (no QEMU): runs with `make test`.
.PHONY: test-boot-judge
test-boot-judge: $(GEN_BIN) $(O)/bin/xen-support
	O=$(O) tests/boot/boot-test-judge-test.sh

TEST_TARGETS += test-boot-judge
