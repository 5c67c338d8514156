/*
 * test_hostile.c: hand-patched tables that are well signed but lie:
 * offsets past the end, overlapping or misaligned arrays, huge counts,
 * pair cycles, unterminated or over-long strings, bad cross references,
 * an unsorted name index, versions.  Each must be refused with EBADMSG
 * (ENOTSUP for a newer format) and a message that names the problem.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tt_util.h"

/* Header field offsets (struct xen_suptab_header, packed LE). */
enum {
    H_VERSION = 4,
    H_LAST_COMP = 6,
    H_TOTAL = 8,
    H_FLAGS = 16,
    H_NR_FACTS = 20,
    H_NR_SECTIONS = 22,
    H_NR_FEATURES = 24,
    H_NR_ROWS = 26,
    H_NR_KEYS = 28,
    H_NR_PAIRS = 30,
    H_OFF_FACTS = 32,
    H_OFF_SECTIONS = 36,
    H_OFF_FEATURES = 40,
    H_OFF_ROWS = 44,
    H_OFF_KEYS = 48,
    H_OFF_INDEX = 52,
    H_OFF_DESCS = 56,
    H_OFF_PAIRS = 60,
    H_OFF_STRINGS = 64,
    H_STRINGS_SIZE = 68,
};

static uint8_t *S_seed;
static size_t S_len;

static int S_setup(void **state)
{
    (void)state;
    S_seed = tt_seed(&S_len);
    return 0;
}

static int S_teardown(void **state)
{
    (void)state;
    free(S_seed);
    return 0;
}

static uint8_t *S_copy(void)
{
    uint8_t *b = malloc(S_len);
    assert_non_null(b);
    memcpy(b, S_seed, S_len);
    return b;
}

/* Re-sign b, expect refusal with errno and a message containing what. */
static void S_refused(uint8_t *b, int eno, const char *what)
{
    char err[XENSUPPORT_ERRLEN] = "";
    xensupport_table *t;

    tt_resign(b, S_len);
    t = xensupport_open_memory(b, S_len, XENSUPPORT_BORROW, err, sizeof(err));
    if (t)
        fail_msg("accepted a table that should fail with '%s'", what);
    assert_int_equal(errno, eno);
    if (!strstr(err, what))
        fail_msg("message '%s' does not mention '%s'", err, what);
    free(b);
}

static size_t S_row(const uint8_t *b, unsigned i)
{
    return tt_get32(b, H_OFF_ROWS) + 6 * i;
}

static size_t S_feat(const uint8_t *b, unsigned i)
{
    return tt_get32(b, H_OFF_FEATURES) + 6 * i;
}

static void test_seed_is_valid(void **state)
{
    (void)state;
    assert_int_equal(xensupport_validate(S_seed, S_len, NULL, 0), 0);
}

static void test_header(void **state)
{
    uint8_t *b;

    (void)state;
    b = S_copy();
    b[0] = 'Y';
    S_refused(b, EBADMSG, "magic");
    b = S_copy();
    tt_put16(b, H_LAST_COMP, 2);
    tt_put16(b, H_VERSION, 2);
    S_refused(b, ENOTSUP, "version");
    b = S_copy();
    tt_put16(b, H_VERSION, 0);
    S_refused(b, EBADMSG, "version");
    b = S_copy();
    tt_put32(b, H_TOTAL, (uint32_t)S_len + 4);
    S_refused(b, EBADMSG, "truncated");
    b = S_copy();
    tt_put32(b, H_TOTAL, (uint32_t)S_len - 4);
    S_refused(b, EBADMSG, "size");
    /* Stale checksum. */
    b = S_copy();
    b[S_len - 1] ^= 1;
    char err[XENSUPPORT_ERRLEN];
    assert_int_equal(xensupport_validate(b, S_len, err, sizeof(err)), -1);
    assert_int_equal(errno, EBADMSG);
    assert_non_null(strstr(err, "checksum"));
    free(b);
    /* Later format, still readable: unknown flag bits are ignored. */
    b = S_copy();
    tt_put16(b, H_VERSION, 7);
    tt_put32(b, H_FLAGS, 0xf0000000U);
    tt_resign(b, S_len);
    assert_int_equal(xensupport_validate(b, S_len, err, sizeof(err)), 0);
    free(b);
}

static void test_arrays(void **state)
{
    uint8_t *b;

    (void)state;
    b = S_copy();
    tt_put32(b, H_OFF_ROWS, (uint32_t)S_len);
    S_refused(b, EBADMSG, "past the end");
    b = S_copy();
    tt_put32(b, H_OFF_ROWS, 0xfffffffcU);
    S_refused(b, EBADMSG, "past the end");
    b = S_copy();
    tt_put32(b, H_OFF_ROWS, tt_get32(b, H_OFF_FEATURES));
    S_refused(b, EBADMSG, "overlap");
    b = S_copy();
    tt_put32(b, H_OFF_FACTS, 8);
    S_refused(b, EBADMSG, "header");
    b = S_copy();
    tt_put32(b, H_OFF_KEYS, tt_get32(b, H_OFF_KEYS) + 2);
    S_refused(b, EBADMSG, "aligned");
    b = S_copy();
    tt_put16(b, H_NR_ROWS, 0xffff);
    S_refused(b, EBADMSG, "rows");
    b = S_copy();
    tt_put16(b, H_NR_FACTS, 0xffff);
    S_refused(b, EBADMSG, "facts");
    b = S_copy();
    tt_put32(b, H_STRINGS_SIZE, 0xffffffffU);
    S_refused(b, EBADMSG, "string pool");
    b = S_copy();
    tt_put16(b, H_NR_PAIRS, 200);
    S_refused(b, EBADMSG, "pair");
    /* Descriptions flagged but the offset points at the header. */
    b = S_copy();
    tt_put32(b, H_FLAGS, 1);
    tt_put32(b, H_OFF_DESCS, 0);
    S_refused(b, EBADMSG, "descriptions");
    /* Pool must start with the empty string. */
    b = S_copy();
    b[tt_get32(b, H_OFF_STRINGS)] = 'a';
    S_refused(b, EBADMSG, "empty string");
}

static void test_strings(void **state)
{
    uint8_t *b;
    uint32_t pool, size;
    unsigned np;

    (void)state;
    b = S_copy();
    pool = tt_get32(b, H_OFF_STRINGS);
    size = tt_get32(b, H_STRINGS_SIZE);
    np = tt_get16(b, H_NR_PAIRS);
    assert_int_equal(b[pool + size - 1], 0);

    /* The last string loses its terminator. */
    b[pool + size - 1] = 'a';
    S_refused(b, EBADMSG, "not terminated");
    /* An escape at the very end of the pool. */
    b = S_copy();
    b[pool + size - 1] = 0xff;
    S_refused(b, EBADMSG, "not terminated");
    /* An escape of an ASCII byte. */
    b = S_copy();
    b[pool + size - 3] = 0xff;
    b[pool + size - 2] = 'A';
    S_refused(b, EBADMSG, "badly encoded");
    /* A string ref past the pool. */
    b = S_copy();
    tt_put16(b, S_row(b, 0) + 2, (uint16_t)size);
    S_refused(b, EBADMSG, "outside the pool");
    /* An undefined pair code. */
    if (np < 127) {
        b = S_copy();
        b[pool + size - 2] = (uint8_t)(0x80 + np);
        S_refused(b, EBADMSG, "badly encoded");
    }
    if (np >= 1) {
        /* Pair cycle: pair 0 refers to itself; pair 1 to pair 2. */
        b = S_copy();
        b[tt_get32(b, H_OFF_PAIRS)] = 0x80;
        S_refused(b, EBADMSG, "pair 0x80");
        b = S_copy();
        b[tt_get32(b, H_OFF_PAIRS)] = 0;
        S_refused(b, EBADMSG, "pair 0x80");
    }
    if (np >= 3) {
        b = S_copy();
        b[tt_get32(b, H_OFF_PAIRS) + 2] = 0x82;
        S_refused(b, EBADMSG, "pair 0x81");
    }
    if (np >= 11) {
        /* Pairs doubling up: code 0x8a expands to 2048 bytes. */
        b = S_copy();
        uint32_t pairs = tt_get32(b, H_OFF_PAIRS);
        b[pairs] = b[pairs + 1] = 'a';
        for (unsigned k = 1; k <= 10; k++)
            b[pairs + 2 * k] = b[pairs + 2 * k + 1] = (uint8_t)(0x80 + k - 1);
        b[pool + size - 2] = 0x8a;
        S_refused(b, EBADMSG, "expands past");
    }
}

static void test_records(void **state)
{
    uint8_t *b;
    unsigned nf, ns, nr, nk;

    (void)state;
    b = S_copy();
    nf = tt_get16(b, H_NR_FEATURES);
    ns = tt_get16(b, H_NR_SECTIONS);
    nr = tt_get16(b, H_NR_ROWS);
    nk = tt_get16(b, H_NR_KEYS);
    free(b);
    assert_true(ns >= 2 && nf >= 2 && nr >= 2);

    b = S_copy();
    b[S_row(b, 0) + 4] = (uint8_t)nk;
    S_refused(b, EBADMSG, "key");
    b = S_copy();
    b[S_row(b, 0) + 5] = (uint8_t)((b[S_row(b, 0) + 5] & ~7) | 7);
    S_refused(b, EBADMSG, "reading");
    b = S_copy();
    b[S_row(b, 0) + 5] &= 0x3f; /* arch 0 */
    S_refused(b, EBADMSG, "reading");
    b = S_copy();
    b[S_feat(b, 0) + 5] = 1; /* parent before the first feature */
    S_refused(b, EBADMSG, "parent");
    /* Parent in another section: first feature of section 1. */
    b = S_copy();
    unsigned f1 = tt_get16(b, tt_get32(b, H_OFF_SECTIONS) + 4 + 2);
    assert_true(f1 >= 1 && f1 < nf);
    b[S_feat(b, f1) + 5] = 1;
    S_refused(b, EBADMSG, "parent");
    b = S_copy();
    b[S_feat(b, 0) + 4] = (uint8_t)ns;
    S_refused(b, EBADMSG, "section");
    b = S_copy();
    b[S_feat(b, 0) + 4] = 1; /* section 1 does not own feature 0 */
    S_refused(b, EBADMSG, "does not own");
    b = S_copy();
    tt_put16(b, S_feat(b, nf - 1) + 2, (uint16_t)(nr + 1));
    S_refused(b, EBADMSG, "first_row");
    b = S_copy();
    tt_put16(b, S_feat(b, 1) + 2, 0xffff);
    S_refused(b, EBADMSG, "first_row");
    b = S_copy();
    tt_put16(b, tt_get32(b, H_OFF_SECTIONS) + 4 * (ns - 1) + 2, 0);
    S_refused(b, EBADMSG, "first_feature");
    b = S_copy();
    tt_put16(b, tt_get32(b, H_OFF_SECTIONS) + 2, 1);
    S_refused(b, EBADMSG, "first_feature");
}

static void test_name_index(void **state)
{
    uint8_t *b;
    uint32_t idx;

    (void)state;
    /* Swap two entries: out of order. */
    b = S_copy();
    idx = tt_get32(b, H_OFF_INDEX);
    uint16_t x = tt_get16(b, idx), y = tt_get16(b, idx + 2);
    tt_put16(b, idx, y);
    tt_put16(b, idx + 2, x);
    S_refused(b, EBADMSG, "out of order");
    /* A repeated id: not a permutation. */
    b = S_copy();
    tt_put16(b, idx + 2, tt_get16(b, idx));
    S_refused(b, EBADMSG, "repeated");
    b = S_copy();
    tt_put16(b, idx, 0xffff);
    S_refused(b, EBADMSG, "out of range");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_is_valid), cmocka_unit_test(test_header),
        cmocka_unit_test(test_arrays),        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_records),       cmocka_unit_test(test_name_index),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
