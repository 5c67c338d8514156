# tests/build.mk: unit tests (cmocka), one fragment per component.
-include tests/gen/build.mk
-include tests/tools/build.mk
-include tests/xen/build.mk
-include tests/boot/build.mk

# Hardening: fuzz targets (regression replay in every test run, a short
# libFuzzer run once, `make fuzz` for the long one), valgrind over the
# commands, and `make bench`.
-include tests/fuzz/build.mk
-include tests/leaks/build.mk
-include tests/bench/build.mk
