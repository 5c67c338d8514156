# tests/gen/build.mk: unit tests of the SUPPORT.md compiler (cmocka) and
# of the xen-support-gen command (TEST_TARGETS: offline, on the fixtures
# and docs/SUPPORT.md; test_check_arch.sh also runs xen-support on what
# it compiled), and Xen 4.17's statement (ONCE_TEST_TARGETS: it is
# fetched with apt-get source).

GEN_TESTS := test_normalise test_parse test_writer test_cli
GEN_TEST_BINS := $(GEN_TESTS:%=$(O)/tests/gen/%)

$(GEN_TEST_BINS:%=%.o): EXTRA_CFLAGS += -Igen/lib -Itests \
    $(call pc_cflags,$(CMOCKA_PC))
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

TEST_TARGETS += test-gen

# The compiled upstream forms, read by the xen-support command.
.PHONY: test-gen-check-arch
test-gen-check-arch: $(O)/bin/xen-support-gen $(O)/bin/xen-support
	tests/gen/test_check_arch.sh $(O)/bin/xen-support-gen \
	    $(O)/bin/xen-support $(O)/tests/gen/tmp-check-arch

TEST_TARGETS += test-gen-check-arch

# scripts/upstream-statements.sh on a git repository the test makes.
.PHONY: test-gen-upstream-script
test-gen-upstream-script: $(O)/bin/xen-support-gen
	tests/gen/test_upstream_script.sh $(O)/bin/xen-support-gen \
	    $(O)/tests/gen/tmp-upstream-script

TEST_TARGETS += test-gen-upstream-script

.PHONY: test-gen-417
test-gen-417: $(O)/bin/xen-support-gen
	tests/gen/test_417.sh $(O)/bin/xen-support-gen $(O)/tests/gen/tmp-417

ONCE_TEST_TARGETS += test-gen-417
