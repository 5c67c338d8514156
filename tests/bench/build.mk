# tests/bench/build.mk: `make bench` prints the benchmark table of
# docs/hardening.md (tests/bench/bench.sh): our generator against Xen's
# parse-support-md, scaling to 100x the seed, table size against gzip.
# Minutes long (Xen's parser runs pandoc for every inline); not a test.

BENCH_RT := $(O)/tests/bench/runtime
$(BENCH_RT): $(O)/tests/bench/runtime.o
	$(CC) $(HOST_LDFLAGS) -o $@ $<

.PHONY: bench
bench: $(BENCH_RT) $(GEN_BIN) $(O)/bin/xen-support
	@scripts/deps.sh bench
	tests/bench/bench.sh $(O)/bin $(O)/tests/bench
