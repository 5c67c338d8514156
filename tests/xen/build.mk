# tests/xen/build.mk: hypervisor-side tests.
#  - hosted (TEST_TARGETS, plain and under ASan+UBSan, offline): the real
#    xen-side/common/support*.c on Linux against xen-side/hosted/, driven
#    through its sysctl handler, lookups, and the boot policy's gates
#    under every policy (cmocka); and gate-missing.sh: a document without
#    a gated feature fails the build with the gate's message; the
#    lookups again on Xen 4.17's statement (ONCE_TEST_TARGETS, fetched);
#  - image (ONCE_TEST_TARGETS): both `make xen` builds, the table bytes
#    that Xen's build put inside each xen-syms compared with the
#    generator's output, and the build stopping without the generator;
#  - series (ONCE_TEST_TARGETS): the patch series for Debian's tree.

XT_PROGS := support_sysctl support_lookup support_gate support_hypfs \
    support_load support_note
XT_BINS := $(XT_PROGS:%=$(O)/tests/xen/test_%)
XT_UTIL := $(O)/tests/xen/xt_util.o

$(XT_BINS:%=%.o) $(XT_UTIL): private EXTRA_CFLAGS += $(XEN_HOSTED_CFLAGS) \
    $(call pc_cflags,$(CMOCKA_PC))
$(XT_BINS:%=%.o) $(XT_UTIL): $(XEN_HOSTED_HDRS)

$(O)/tests/xen/test_%: $(O)/tests/xen/test_%.o $(XT_UTIL) $(XEN_HOSTED_OBJS) \
    $(XSDOC_A) $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $< $(XT_UTIL) $(XEN_HOSTED_OBJS) \
	    $(XSDOC_LDLIBS) $(call pc_libs,$(CMOCKA_PC))

# The ABI as dom0 tools see it: after libxen-dev's <xen/sysctl.h>, whose
# headers need GNU C.
XT_ABI := $(O)/tests/xen/test_support_abi
$(XT_ABI).o: private EXTRA_CFLAGS += -std=gnu11 -I$(XEN_HOSTED_GEN) \
    $(call pc_cflags,$(CMOCKA_PC))
$(XT_ABI).o: $(XEN_HOSTED_GEN)/sysctl_support_abi.h
$(XT_ABI): $(XT_ABI).o
	$(CC) $(HOST_LDFLAGS) -o $@ $< $(call pc_libs,$(CMOCKA_PC))

.PHONY: test-xen-hosted
test-xen-hosted: $(XT_BINS) $(XT_ABI) $(GEN_BIN)
	$(XT_ABI)
	$(O)/tests/xen/test_support_sysctl $(SUPPORT_MD)
	$(O)/tests/xen/test_support_lookup $(SUPPORT_MD) \
	    $(addprefix tests/gen/fixtures/,clean.md sections.md \
	        subfeatures.md qualifiers.md status.md headings.md release.md)
	$(O)/tests/xen/test_support_gate
	$(O)/tests/xen/test_support_hypfs $(SUPPORT_MD)
	$(O)/tests/xen/test_support_load $(SUPPORT_MD)
	$(O)/tests/xen/test_support_note
	tests/xen/gate-missing.sh $(GEN_BIN) $(XEN_HOSTED_GEN) $(SUPPORT_MD)

TEST_TARGETS += test-xen-hosted

# The lookups on Xen 4.17's own statement too: once, as it is fetched
# (apt-get source) and unit tests stay offline.
.PHONY: test-xen-hosted-417
test-xen-hosted-417: $(O)/tests/xen/test_support_lookup
	$< $(SUPPORT_MD) \
	    "$$(scripts/xen-source.sh build/xen-src | tail -n 1)/SUPPORT.md"

ONCE_TEST_TARGETS += test-xen-hosted-417

# The gates again with Xen 4.17's own statement linked in, as a 4.17
# hypervisor has it (its "Status, x86/shim: Supported" row for the PV
# shim's null scheduler, among others): the hypervisor code and the gate
# test compiled against the header and table generated from it.  Once,
# as the statement is fetched.
XT417 := $(O)/tests/xen/s417
XT417_SRCS := $(XEN_SUPPORT_NAMES:%=xen-side/common/%.c) xen-side/hosted/shim.c \
    xen-side/hosted/hypfs.c tests/xen/test_support_gate.c tests/xen/xt_util.c
$(XT417)/gen/support_table_gen.c: $(GEN_BIN)
	@mkdir -p $(@D)/xen
	doc="$$(scripts/xen-source.sh build/xen-src | tail -n 1)/SUPPORT.md" && \
	$(GEN_BIN) --quiet --c-source $@ \
	    --header $(@D)/xen/support_features.h "$$doc"
$(XT417)/test_support_gate: $(XT417)/gen/support_table_gen.c $(XT417_SRCS) \
    $(XEN_HOSTED_GEN)/sysctl_support_abi.h $(CORE_OBJS) $(XSDOC_A) \
    $(XENSUPPORT_A)
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) -I$(XT417)/gen $(XEN_HOSTED_CFLAGS) \
	    $(call pc_cflags,$(CMOCKA_PC)) -o $@ \
	    $(XT417_SRCS) $(XT417)/gen/support_table_gen.c $(CORE_OBJS) \
	    $(XSDOC_LDLIBS) $(call pc_libs,$(CMOCKA_PC))

.PHONY: test-xen-gates-417
test-xen-gates-417: $(XT417)/test_support_gate
	$< "$$(scripts/xen-source.sh build/xen-src | tail -n 1)/SUPPORT.md"

ONCE_TEST_TARGETS += test-xen-gates-417

# Xen 4.17's own statement compiled in (arm64: the quick relink), then
# both architectures with $(SUPPORT_MD), each time the byte comparison;
# the last run also reports the image growth.
.PHONY: test-xen-image
test-xen-image: $(GEN_BIN)
	doc="$$(scripts/xen-source.sh build/xen-src | tail -n 1)/SUPPORT.md" && \
	$(MAKE) --no-print-directory xen XEN_ARCH=arm64 SUPPORT_MD="$$doc" && \
	tests/xen/image-bytes.sh $(XEN_BUILD) $(GEN_BIN) "$$doc" arm64
	$(MAKE) --no-print-directory xen XEN_ARCH=x86_64
	$(MAKE) --no-print-directory xen XEN_ARCH=arm64
	tests/xen/image-bytes.sh $(XEN_BUILD) $(GEN_BIN) $(SUPPORT_MD) x86_64 arm64
	tests/xen/gen-absent.sh $(XEN_BUILD)/x86_64/tree $(SUPPORT_MD)

ONCE_TEST_TARGETS += test-xen-image

# The series for Debian's tree: git am applies it, Xen's conventions, one
# source per new file, one op number, the port named when a fragment
# stops applying (the other trees are built by hand: scripts/xen-ports.sh).
.PHONY: test-xen-series
test-xen-series:
	tests/xen/series-test.sh "$$(scripts/xen-source.sh build/xen-src | tail -n 1)"

ONCE_TEST_TARGETS += test-xen-series

# Two boots: the x86_64 hypervisor in QEMU, the sysctl issued from dom0 by
# a probe linked against Debian's libxenctrl, and xen-support status
# (scripts/boot/ harness), under support=warn and support=refuse.
XT_PROBE := $(O)/tests/xen/xen-sysctl-probe

# The probe, the hostile caller and the load (issue 7 section 2), in the
# same boots: sysctls through libxenctrl as tools issue them, and raw ones
# through libxencall (both in sysctl-raw.c).
XT_BOOT_CFLAGS := -std=gnu11 -O2 -Wall -Wextra -Werror -Wshadow \
    -Wstrict-prototypes -Wmissing-prototypes -Wvla -Wformat=2 -I$(XEN_HOSTED_GEN) \
    $(call pc_cflags,$(XENCTRL_PC) xencall)
XT_BOOT_LIBS = $(call pc_libs,$(XENCTRL_PC) xencall)
XT_HOSTILE := $(O)/tests/xen/xen-sysctl-hostile
XT_LOAD := $(O)/tests/xen/xen-sysctl-load
$(O)/tests/xen/xen-sysctl-%: tests/xen/boot/sysctl-%.c \
    tests/xen/boot/sysctl-raw.c tests/xen/boot/sysctl-raw.h \
    $(XEN_HOSTED_GEN)/sysctl_support_abi.h
	@mkdir -p $(@D)
	$(CC) $(XT_BOOT_CFLAGS) $< tests/xen/boot/sysctl-raw.c -o $@ \
	    $(XT_BOOT_LIBS)

# The unprivileged caller (issue 15 item 4): runs in a PV domU whose
# initramfs has no shared libraries, so it is static (XS_STATIC_LIBS).
XT_DOMU := $(O)/tests/xen/xen-sysctl-domu
$(XT_DOMU): tests/xen/boot/sysctl-domu.c tests/xen/boot/sysctl-raw.c \
    tests/xen/boot/sysctl-raw.h $(XEN_HOSTED_GEN)/sysctl_support_abi.h
	@mkdir -p $(@D)
	$(CC) $(XT_BOOT_CFLAGS) -static -s $< tests/xen/boot/sysctl-raw.c -o $@ \
	    $(XS_STATIC_LIBS)

# The hostile loads (issue 14 item 4) craft tables with the core's
# readers and CRC-32.
XT_SWAP := $(O)/tests/xen/xen-sysctl-swap
$(XT_SWAP): tests/xen/boot/sysctl-swap.c tests/xen/boot/sysctl-raw.c \
    tests/xen/boot/sysctl-raw.h $(XEN_HOSTED_GEN)/sysctl_support_abi.h \
    $(CORE_SRCS)
	@mkdir -p $(@D)
	$(CC) $(XT_BOOT_CFLAGS) -Icore/include $< tests/xen/boot/sysctl-raw.c \
	    $(CORE_SRCS) -o $@ $(XT_BOOT_LIBS)

# Xen's own xenhypfs tool (tools/misc/xenhypfs.c), which Debian does not
# package: built from the fetched Xen source against libxen-dev's
# libxenhypfs (the initramfs has libxenhypfs.so.1), to read /support/ in
# dom0 as an administrator would.  Never committed.
XT_XENHYPFS := $(O)/tests/xen/xenhypfs
$(XT_XENHYPFS):
	@mkdir -p $(@D)
	src="$$(scripts/xen-source.sh build/xen-src | tail -n 1)" && \
	$(CC) -O2 -Wall -o $@ "$$src/tools/misc/xenhypfs.c" \
	    $(call pc_cflags,$(XENHYPFS_PC)) $(call pc_libs,$(XENHYPFS_PC))

.PHONY: test-xen-boot
test-xen-boot: $(XT_PROBE) $(XT_HOSTILE) $(XT_LOAD) $(XT_SWAP) $(XT_DOMU) \
    $(GEN_BIN) $(O)/bin/xen-support $(O)/bin/xen-support-static $(XT_XENHYPFS)
	$(MAKE) --no-print-directory xen XEN_ARCH=x86_64
	$(MAKE) --no-print-directory xl
	XEN_SUPPORT_GEN=$(GEN_BIN) SUPPORT_MD=$(SUPPORT_MD) \
	tests/xen/boot-test.sh $(XEN_BUILD) $(abspath $(XT_PROBE)) \
	    $(abspath $(O)/bin/xen-support-static) $(abspath $(XT_HOSTILE)) \
	    $(abspath $(XT_LOAD)) $(abspath $(XT_XENHYPFS)) $(abspath $(XT_SWAP)) \
	    $(abspath $(XT_DOMU)) $(abspath build/xl/xl)

ONCE_TEST_TARGETS += test-xen-boot
