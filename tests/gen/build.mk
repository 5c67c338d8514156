# tests/gen/build.mk: unit tests of the SUPPORT.md compiler (cmocka) and
# of the xen-support-gen command, plus Xen 4.17's statement.

GEN_TESTS := test_normalise test_parse test_writer test_cli
GEN_TEST_BINS := $(GEN_TESTS:%=$(O)/tests/gen/%)

$(GEN_TEST_BINS:%=%.o): EXTRA_CFLAGS += -Igen/lib $(call pc_cflags,$(CMOCKA_PC))
$(GEN_TEST_BINS): $(O)/tests/gen/%: $(O)/tests/gen/%.o $(XSGEN_A) \
    $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $< $(XSGEN_LDLIBS) $(XENSUPPORT_LDLIBS) \
	    $(call pc_libs,$(CMOCKA_PC))

.PHONY: test-gen
test-gen: $(GEN_TEST_BINS) $(O)/bin/xen-support-gen
	@set -e; for t in $(GEN_TEST_BINS); do \
	    XSG_BIN=$(O)/bin/xen-support-gen XSG_TMP=$(O)/tests/gen/tmp $$t; \
	done
	tests/gen/test_417.sh $(O)/bin/xen-support-gen $(O)/tests/gen/tmp

TEST_TARGETS += test-gen
