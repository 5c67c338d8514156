# tests/leaks/build.mk: xen-support and xen-support-gen under valgrind
# (ONCE_TEST_TARGETS: valgrind cannot run the ASan build, and one run over
# every command takes a minute or two).

.PHONY: test-leaks
test-leaks: $(O)/bin/xen-support $(GEN_BIN)
	@scripts/deps.sh leaks
	tests/leaks/leaks.sh $(O)/bin $(O)/tests/leaks
ONCE_TEST_TARGETS += test-leaks
