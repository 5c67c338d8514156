# tests/fuzz/build.mk: fuzzing the document compiler and the table decoder.
#
#   make fuzz              each libFuzzer target for FUZZ_RUNS executions
#                          (10 million by default; tens of minutes), one
#                          after the other, one process each
#   make test-fuzz-short   each target for FUZZ_SHORT_SECS seconds
#                          (ONCE_TEST_TARGETS)
#   make test-fuzz-regress every saved input in tests/fuzz/regress/ through
#                          the same targets built with $(CC) and a plain
#                          main() (TEST_TARGETS: plain and ASan+UBSan)
#
# The libFuzzer builds (clang, ASan+UBSan, coverage) live in $(O)/fuzz,
# apart from the normal objects; seeds come from the real statements
# (tests/fuzz/seeds.sh).

FUZZ_CC ?= clang
FUZZ_RUNS ?= 10000000
FUZZ_SHORT_SECS ?= 60
FUZZ_TARGETS := document table
FUZZ_O := $(O)/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer
# clang's -Wformat-nonliteral also flags vprintf-style wrappers (gcc's
# does not); everything else stays an error as in the normal build.
FUZZ_CFLAGS = $(filter-out $(SAN_FLAGS),$(HOST_CFLAGS)) $(FUZZ_SAN) \
    -fsanitize=fuzzer-no-link -Wno-format-nonliteral

# The library, instrumented: the core, gen/ and tools-side/lib.
FUZZ_LIB_OBJS := $(CORE_SRCS:%.c=$(FUZZ_O)/%.o) \
    $(GEN_LIB_SRCS:%.c=$(FUZZ_O)/%.o) $(TOOLS_LIB_SRCS:%.c=$(FUZZ_O)/%.o)
$(GEN_LIB_SRCS:%.c=$(FUZZ_O)/%.o): private EXTRA_CFLAGS += \
    $(call pc_cflags,$(CMARK_PC)) $(call pc_cflags,$(YAJL_PC))
$(XS_HV_SRCS:%.c=$(FUZZ_O)/%.o): private EXTRA_CFLAGS += $(XS_HV_CFLAGS)
# The string pool's pair compression is a tight loop of compares over
# the whole pool: tracing each compare made the document target ~30x
# slower (perf); it keeps edge coverage.
$(FUZZ_O)/gen/lib/strpool.o: private EXTRA_CFLAGS += \
    -fno-sanitize-coverage=trace-cmp
$(XS_HV_SRCS:%.c=$(FUZZ_O)/%.o): $(XS_ABI_H)
FUZZ_COMMON := tests/fuzz/fuzz_walk.c
$(FUZZ_O)/tests/fuzz/%.o $(O)/tests/fuzz/%.o: private EXTRA_CFLAGS += \
    -Igen/lib -Itests/fuzz

$(FUZZ_O)/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(HOST_CPPFLAGS) $(FUZZ_CFLAGS) $(EXTRA_CFLAGS) -MMD -MP \
	    -c $< -o $@

$(FUZZ_TARGETS:%=$(FUZZ_O)/fuzz_%): $(FUZZ_O)/fuzz_%: \
    $(FUZZ_O)/tests/fuzz/fuzz_%.o $(FUZZ_COMMON:%.c=$(FUZZ_O)/%.o) \
    $(FUZZ_LIB_OBJS)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(XSDOC_DEP_LIBS) \
	    $(call pc_libs,$(YAJL_PC)) $(XENSUPPORT_DEP_LIBS)

# The same targets with a plain main() (replay.c), built like the tests.
FUZZ_REPLAY := $(FUZZ_TARGETS:%=$(O)/tests/fuzz/replay_%)
$(FUZZ_REPLAY): $(O)/tests/fuzz/replay_%: $(O)/tests/fuzz/fuzz_%.o \
    $(O)/tests/fuzz/replay.o $(FUZZ_COMMON:%.c=$(O)/%.o) $(XSDOC_A) \
    $(XENSUPPORT_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $(filter %.o,$^) $(XSDOC_LDLIBS)

.PHONY: test-fuzz-regress
test-fuzz-regress: $(FUZZ_REPLAY)
	@set -e; for t in $(FUZZ_TARGETS); do \
	    $(O)/tests/fuzz/replay_$$t tests/fuzz/regress/$$t; \
	done
	@out=$$($(O)/tests/fuzz/replay_table $(O)/no-such-input 2>&1); rc=$$?; \
	case "$$rc:$$out" in \
	    "2:replay: $(O)/no-such-input: No such file or directory") ;; \
	    *) echo "replay, missing input: exit $$rc, '$$out'" >&2; exit 1 ;; \
	esac
TEST_TARGETS += test-fuzz-regress

# Seed corpora, rebuilt when the generator changes.
FUZZ_SEEDS := $(FUZZ_O)/seeds
$(FUZZ_SEEDS)/.stamp: tests/fuzz/seeds.sh $(GEN_BIN) docs/SUPPORT.md
	tests/fuzz/seeds.sh $(FUZZ_SEEDS) $(GEN_BIN)
	touch $@

.PHONY: fuzz-deps
fuzz-deps:
	@scripts/deps.sh fuzz

# Each target in turn (never two at once: the machine is shared); all
# of them run even if one finds something, then the status says.
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_O)/fuzz_%)
define FUZZ_RUN_ALL
	@rc=0; for t in $(FUZZ_TARGETS); do \
	    tests/fuzz/run.sh $$t $(FUZZ_O)/fuzz_$$t $(FUZZ_SEEDS)/$$t \
	        $(FUZZ_O)/$(1)/$$t $(2) || rc=1; \
	done; exit $$rc
endef

.PHONY: fuzz
fuzz: fuzz-deps
	$(MAKE) $(FUZZ_BINS) $(FUZZ_SEEDS)/.stamp
	$(call FUZZ_RUN_ALL,long,runs=$(FUZZ_RUNS))

.PHONY: test-fuzz-short
test-fuzz-short: fuzz-deps
	$(MAKE) $(FUZZ_BINS) $(FUZZ_SEEDS)/.stamp
	$(call FUZZ_RUN_ALL,short,time=$(FUZZ_SHORT_SECS))
ONCE_TEST_TARGETS += test-fuzz-short
