# tests/tools/build.mk: libxensupport and xen-support tests (cmocka).
# Each test runs from the top folder (it reads docs/SUPPORT.md).

TT_PROGS := crc32 decoder corrupt hostile cli lifecycle conventions find \
    diff audit
TT_BINS := $(TT_PROGS:%=$(O)/tests/tools/test_%)
TT_UTIL := $(O)/tests/tools/tt_util.o $(O)/tests/tools/tt_cli.o

$(TT_BINS:%=%.o) $(TT_UTIL): EXTRA_CFLAGS += -Itests \
    $(call pc_cflags,$(CMOCKA_PC)) $(call pc_cflags,$(YAJL_PC))

$(O)/tests/tools/test_%: $(O)/tests/tools/test_%.o $(TT_UTIL) $(XSDOC_A) \
    $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $< $(TT_UTIL) $(XSDOC_LDLIBS) \
	    $(call pc_libs,$(CMOCKA_PC)) $(call pc_libs,$(YAJL_PC))

.PHONY: $(TT_PROGS:%=test-tools-%)
test-tools-crc32: $(O)/tests/tools/test_crc32
	$<
test-tools-decoder: $(O)/tests/tools/test_decoder
	$<
test-tools-corrupt: $(O)/tests/tools/test_corrupt
	$<
test-tools-hostile: $(O)/tests/tools/test_hostile
	$<
test-tools-lifecycle: $(O)/tests/tools/test_lifecycle
	$<
test-tools-find: $(O)/tests/tools/test_find
	$<
test-tools-cli: $(O)/tests/tools/test_cli $(O)/bin/xen-support
	XS_BIN=$(O)/bin/xen-support $<
test-tools-conventions: $(O)/tests/tools/test_conventions \
    $(O)/bin/xen-support
	XS_BIN=$(O)/bin/xen-support $<
test-tools-diff: $(O)/tests/tools/test_diff $(O)/bin/xen-support
	XS_BIN=$(O)/bin/xen-support $<
test-tools-audit: $(O)/tests/tools/test_audit $(O)/bin/xen-support
	XS_BIN=$(O)/bin/xen-support $<

TEST_TARGETS += $(TT_PROGS:%=test-tools-%)

# The golden outputs (tests/tools/golden) rewritten from this build: run
# after a change that alters them on purpose (the table encoder changes
# table_size and table_checksum), then review the diff.  Never edit them
# by hand.
.PHONY: golden
golden: $(O)/tests/tools/test_cli $(O)/bin/xen-support
	XS_UPDATE_GOLDEN=1 XS_BIN=$(O)/bin/xen-support $<
	git diff --stat -- tests/tools/golden

# The hypervisor source over the hypervisor's own handler, compiled hosted
# (xen-side/build.mk), through the in-process transport tt_hosted.c.
TT_HV := $(O)/tests/tools/test_hypervisor
TT_HV_OBJS := $(TT_HV).o $(O)/tests/tools/tt_hosted.o
$(TT_HV_OBJS): private EXTRA_CFLAGS += $(XEN_HOSTED_CFLAGS) -Itools-side/lib \
    -Itests $(call pc_cflags,$(CMOCKA_PC))
$(TT_HV_OBJS): $(XEN_HOSTED_HDRS)
$(TT_HV): $(TT_HV_OBJS) $(TT_UTIL) $(XEN_HOSTED_OBJS) $(XSDOC_A) \
    $(XENSUPPORT_A)
	$(CC) $(HOST_LDFLAGS) -o $@ $(TT_HV_OBJS) $(TT_UTIL) $(XEN_HOSTED_OBJS) \
	    $(XSDOC_LDLIBS) $(call pc_libs,$(CMOCKA_PC))

.PHONY: test-tools-hypervisor
test-tools-hypervisor: $(TT_HV)
	$<
TEST_TARGETS += test-tools-hypervisor

# xen-support status over the same transport, after gate events: the
# command's objects without its main() (the dom0 build's sources).
TT_ST := $(O)/tests/tools/test_status
TT_ST_CLI := $(filter-out $(O)/tools-side/xen-support.o,$(XS_CLI_OBJS)) \
    $(XS_CLI_NODOC)
$(TT_ST).o: private EXTRA_CFLAGS += $(XEN_HOSTED_CFLAGS) -Itools-side \
    $(call pc_cflags,$(CMOCKA_PC)) $(call pc_cflags,$(YAJL_PC))
$(TT_ST).o: $(XEN_HOSTED_HDRS)
$(TT_ST): $(TT_ST).o $(O)/tests/tools/tt_hosted.o $(TT_ST_CLI) \
    $(XEN_HOSTED_OBJS) $(XENSUPPORT_A)
	$(CC) $(HOST_LDFLAGS) -o $@ $(TT_ST).o $(O)/tests/tools/tt_hosted.o \
	    $(TT_ST_CLI) $(XEN_HOSTED_OBJS) $(XENSUPPORT_LDLIBS) \
	    $(call pc_libs,$(CMOCKA_PC)) $(call pc_libs,$(YAJL_PC))

.PHONY: test-tools-status
# The seed with Xen 4.17's dates: the same features, so the record's
# events still name them once status reads this table instead.
TT_ST_DATED := $(O)/tests/tools/seed-dated.bin
$(TT_ST_DATED): $(SUPPORT_MD) $(GEN_BIN)
	@mkdir -p $(@D)
	sed -e 's/^\( *Supported-Until:\).*/\1 2024-06-12/' \
	    -e 's/^\( *Security-Support-Until:\).*/\1 2025-12-12/' $< >$@.md
	$(GEN_BIN) --quiet -o $@ $@.md
test-tools-status: $(TT_ST) $(TT_ST_DATED)
	TT_DATED=$(TT_ST_DATED) $<
TEST_TARGETS += test-tools-status

# Awkward outputs and inputs (devices made with mknod, FIFOs, symlinks,
# /dev/zero-like inputs), as root and as nobody.
.PHONY: test-tools-io
test-tools-io: $(O)/bin/xen-support $(GEN_BIN)
	O=$(O) SANITIZE=$(SANITIZE) tests/tools/io-test.sh
TEST_TARGETS += test-tools-io

# The man pages against every --help, and the version in their .TH lines.
.PHONY: test-tools-man
test-tools-man: $(O)/bin/xen-support $(GEN_BIN)
	O=$(O) tests/tools/man-test.sh
TEST_TARGETS += test-tools-man

# Install into a temporary root, then build a small program against it
# with pkg-config (shared and static) and check the exported names.
.PHONY: test-tools-install
test-tools-install: all
	O=$(O) MAKE="$(MAKE)" SAN_FLAGS="$(if $(filter 1,$(SANITIZE)),$(SAN_FLAGS))" \
	    tests/tools/install-test.sh
TEST_TARGETS += test-tools-install

# Threads (xensupport.h: distinct handles in distinct threads): two
# documents compiled and read at once through the public API, with
# ThreadSanitizer.  The library, gen's objects and the test are built
# instrumented into $(O)/tsan; cmark comes uninstrumented.  Plain builds
# only (SANITIZE=1 is ASan, which TSan cannot share a process with).
# Any race fails the test; there are no suppressions (TSAN_SUPP=FILE
# would name some).
TSAN_O := $(O)/tsan
TSAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
TSAN_SUPP ?=
TT_THREADS := $(TSAN_O)/tests/tools/test_threads
TT_THREADS_SRCS := tests/tools/test_threads.c $(XSDOC_SRCS) $(GEN_LIB_SRCS) \
    $(CORE_SRCS) $(TOOLS_LIB_SRCS)
TT_THREADS_OBJS := $(TT_THREADS_SRCS:%.c=$(TSAN_O)/%.o)
$(GEN_LIB_SRCS:%.c=$(TSAN_O)/%.o): private EXTRA_CFLAGS += \
    $(call pc_cflags,$(CMARK_PC)) $(call pc_cflags,$(YAJL_PC))
$(XS_HV_SRCS:%.c=$(TSAN_O)/%.o): private EXTRA_CFLAGS += $(XS_HV_CFLAGS)
$(XS_HV_SRCS:%.c=$(TSAN_O)/%.o): $(XS_ABI_H)

$(TSAN_O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(HOST_CPPFLAGS) $(filter-out $(SAN_FLAGS),$(HOST_CFLAGS)) \
	    $(TSAN_FLAGS) $(EXTRA_CFLAGS) -MMD -MP -c $< -o $@

$(TT_THREADS): $(TT_THREADS_OBJS)
	$(CC) $(TSAN_FLAGS) -pthread -o $@ $^ $(XSDOC_DEP_LIBS) \
	    $(call pc_libs,$(YAJL_PC)) $(XENSUPPORT_DEP_LIBS)

.PHONY: test-tools-threads
test-tools-threads: $(TT_THREADS)
	TSAN_OPTIONS="halt_on_error=1 exitcode=66 print_suppressions=1 \
	    $(if $(TSAN_SUPP),suppressions=$(abspath $(TSAN_SUPP)))" \
	    $< $(SUPPORT_MD) tests/gen/fixtures/status.md

ifneq ($(SANITIZE),1)
TEST_TARGETS += test-tools-threads
endif

# What the libraries and commands link (tests/tools/deps-test.sh).
.PHONY: test-tools-deps
test-tools-deps: $(XENSUPPORT_SO) $(GEN_BIN) $(O)/bin/xen-support \
    $(filter $(O)/bin/xen-support-static,$(BINS))
	tests/tools/deps-test.sh $(O)
TEST_TARGETS += test-tools-deps

# The support_outside list of the xl patch, compiled from the patch.
TT_XL := $(O)/tests/tools/test_xl_outside
TT_XL_INC := $(O)/tests/tools/xl_outside.inc
XL_PATCH := tools-side/xl/0001-xl-info-support-lines.patch
$(TT_XL_INC): $(XL_PATCH)
	@mkdir -p $(@D)
	awk '/^\+static int support_outside\(/ { on = 1 } \
	     on { sub(/^\+/, ""); print } on && /^}$$/ { exit }' $< >$@.tmp
	grep -q '^static int support_outside(' $@.tmp || \
	    { echo "no support_outside() in $<" >&2; exit 1; }
	mv $@.tmp $@
$(TT_XL).o: private EXTRA_CFLAGS += $(XEN_HOSTED_CFLAGS) -I$(O)/tests/tools
$(TT_XL).o: $(XEN_HOSTED_HDRS) $(TT_XL_INC)
$(TT_XL): $(TT_XL).o $(O)/tests/tools/tt_hosted.o $(XEN_HOSTED_OBJS) \
    $(XENSUPPORT_A)
	$(CC) $(HOST_LDFLAGS) -o $@ $(TT_XL).o $(O)/tests/tools/tt_hosted.o \
	    $(XEN_HOSTED_OBJS) $(XENSUPPORT_LDLIBS)

.PHONY: test-tools-xl-outside
test-tools-xl-outside: $(TT_XL)
	$<
TEST_TARGETS += test-tools-xl-outside
