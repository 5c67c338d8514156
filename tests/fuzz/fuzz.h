/*
 * fuzz.h: what every fuzz target in tests/fuzz defines (the libFuzzer
 * entry point) and the checks they share.  The same target links either
 * with libFuzzer (clang -fsanitize=fuzzer) or with replay.c's main(),
 * which feeds it saved inputs (regression tests, seeds) under gcc.
 */
#ifndef XS_FUZZ_H
#define XS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include <xensupport.h>

/* One input; returns 0 (libFuzzer's convention).  Aborts on a finding. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * An oracle failed: print what and where, then abort() so that libFuzzer
 * (or the replay driver under ASan) reports the input as a crash.
 */
#define FUZZ_CHECK(cond)                                                       \
    ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
_Noreturn void fuzz_fail(const char *file, int line, const char *what);

/*
 * Read every record of a validated table through the public accessors
 * and check what they hand back against the header and against each
 * other (ranges, parents, the name index finds every feature, a table
 * compares equal to itself).  Aborts on any inconsistency.
 */
void fuzz_walk_table(xensupport_table *t);

#endif
