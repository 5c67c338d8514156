# tests/tools/build.mk: libxensupport and xen-support tests (cmocka).
# Each test runs from the top folder (it reads docs/SUPPORT.md).

TT_PROGS := crc32 decoder corrupt hostile cli
TT_BINS := $(TT_PROGS:%=$(O)/tests/tools/test_%)
TT_UTIL := $(O)/tests/tools/tt_util.o

$(TT_BINS:%=%.o) $(TT_UTIL): EXTRA_CFLAGS += $(call pc_cflags,$(CMOCKA_PC)) \
    $(call pc_cflags,$(YAJL_PC))

$(O)/tests/tools/test_%: $(O)/tests/tools/test_%.o $(TT_UTIL) $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $< $(TT_UTIL) $(XENSUPPORT_LDLIBS) \
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
test-tools-cli: $(O)/tests/tools/test_cli $(O)/bin/xen-support
	XS_BIN=$(O)/bin/xen-support $<

TEST_TARGETS += $(TT_PROGS:%=test-tools-%)
