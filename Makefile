# Top-level Makefile: builds the host tools, runs every test, installs.
#
#   make                 build gen/ and tools-side/ (host code)
#   make check           install missing packages, build, run all tests
#                        (plain and under ASan+UBSan), format-check
#   make run             install missing packages, build, run the main job
#   make install         DESTDIR=... PREFIX=...
#   make format-check    clang-format --dry-run over every C file
#
# Each component keeps its rules in <dir>/build.mk, included below.  A
# fragment appends to BINS, LIBS, TEST_TARGETS (run plain and under
# ASan+UBSan), ONCE_TEST_TARGETS (run once) and INSTALL_TARGETS.

include Config.mk

.DEFAULT_GOAL := all
SHELL := /bin/bash

ifeq ($(SANITIZE),1)
HOST_CFLAGS += $(SAN_FLAGS)
HOST_LDFLAGS += $(SAN_FLAGS)
endif

pc_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pc_libs = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)

HOST_CPPFLAGS += -Icore/include -Ixen-side/include -Igen/include \
    -Itools-side/include

BINS :=
LIBS :=
TEST_TARGETS :=
ONCE_TEST_TARGETS :=
INSTALL_TARGETS :=
CLEAN_DIRS := $(O)

include core/build.mk
include gen/build.mk
include tools-side/build.mk
include xen-side/build.mk
include tests/build.mk

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(HOST_CPPFLAGS) $(HOST_CFLAGS) $(EXTRA_CFLAGS) -MMD -MP -c $< -o $@

.PHONY: all
all: $(LIBS) $(BINS)

.PHONY: deps
deps:
	@scripts/deps.sh host

# The README's test command: everything, from a fresh Debian 12 machine.
.PHONY: check
check: deps
	$(MAKE) format-check
	$(MAKE) test O=build/default SANITIZE=0
	$(MAKE) test O=build/asan SANITIZE=1
	$(MAKE) test-once O=build/default SANITIZE=0
	@echo "check: all tests passed"

.PHONY: test
test: all $(TEST_TARGETS)

# Slow tests that run once per check, not again under the sanitizers
# (hypervisor builds, boots).
.PHONY: test-once
test-once: all $(ONCE_TEST_TARGETS)

# The README's main job: build Xen with the table, boot it under QEMU and
# show what xen-support and xl info say inside dom0 (ARCH, XEN_ARGS,
# SUPPORT_MD and SUPPORT_MODULE are honoured; see
# tests/boot/build.mk).
.PHONY: run
run: deps
	$(MAKE) all
	$(MAKE) boot-run

# The same questions without Xen: the table compiled from SUPPORT_MD.
.PHONY: run-offline
run-offline: deps all
	@scripts/run.sh $(O)

.PHONY: install
install: all $(INSTALL_TARGETS)

FORMAT_DIRS := core gen tools-side xen-side tests
FORMAT_FILES = $(shell find $(FORMAT_DIRS) -name "*.[ch]" -not -path "*/generated/*" \
                 2>/dev/null | LC_ALL=C sort)

.PHONY: format-check
format-check:
	@scripts/format.sh check $(FORMAT_FILES)

.PHONY: format
format:
	@scripts/format.sh fix $(FORMAT_FILES)

.PHONY: clean
clean:
	rm -rf build

-include $(shell find $(O) -name '*.d' 2>/dev/null)
