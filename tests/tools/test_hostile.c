/*
 * test_hostile.c: hand-patched tables that are well signed but lie:
 * offsets past the end, overlapping arrays, huge counts, pair cycles,
 * pairs nested too deep or ending in the wrong place, unterminated or
 * over-long strings, bad cross references (statuses, keys, sections,
 * sub-features), an unsorted name index, versions.  Each must be refused
 * by the core's validator with EBADMSG (ENOTSUP for a format this reader
 * does not read) and a message that names the problem.
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

static uint8_t *S_seed;
static size_t S_len;
static struct suptab S_t; /* the seed's layout */

static int S_setup(void **state)
{
    (void)state;
    S_seed = tt_seed(&S_len);
    tt_layout(S_seed, S_len, &S_t);
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

static void test_seed_is_valid(void **state)
{
    (void)state;
    assert_int_equal(xensupport_validate(S_seed, S_len, NULL, 0), 0);
}

static void test_header(void **state)
{
    uint8_t *b;
    char err[XENSUPPORT_ERRLEN];

    (void)state;
    b = S_copy();
    b[0] = 'Y';
    S_refused(b, EBADMSG, "magic");
    b = S_copy();
    tt_put16(b, TT_H(last_comp_version), XEN_SUPTAB_VERSION + 1);
    tt_put16(b, TT_H(version), XEN_SUPTAB_VERSION + 1);
    S_refused(b, ENOTSUP, "needs a reader of version");
    b = S_copy();
    tt_put16(b, TT_H(version), 0);
    tt_put16(b, TT_H(last_comp_version), 0);
    S_refused(b, EBADMSG, "version");
    /* The development format, version 1, is not read. */
    b = S_copy();
    tt_put16(b, TT_H(version), 1);
    tt_put16(b, TT_H(last_comp_version), 1);
    S_refused(b, ENOTSUP, "older than this reader reads");
    b = S_copy();
    tt_put32(b, TT_H(total_size), (uint32_t)S_len + 4);
    S_refused(b, EBADMSG, "truncated");
    b = S_copy();
    tt_put32(b, TT_H(total_size), (uint32_t)S_len - 4);
    S_refused(b, EBADMSG, "size mismatch");
    /* Stale checksum. */
    b = S_copy();
    b[S_len - 1] ^= 1;
    assert_int_equal(xensupport_validate(b, S_len, err, sizeof(err)), -1);
    assert_int_equal(errno, EBADMSG);
    assert_non_null(strstr(err, "checksum"));
    free(b);
    /* Later format, still readable: unknown flag bits are ignored. */
    b = S_copy();
    tt_put16(b, TT_H(version), 7);
    tt_put32(b, TT_H(flags), 0xf0000000U);
    tt_resign(b, S_len);
    assert_int_equal(xensupport_validate(b, S_len, err, sizeof(err)), 0);
    free(b);
    /* Too short for a header, too short for the version. */
    b = S_copy();
    assert_int_equal(
        xensupport_validate(b, XEN_SUPTAB_HEADER_SIZE - 1, err, sizeof(err)),
        -1);
    assert_int_equal(errno, EBADMSG);
    assert_non_null(strstr(err, "truncated"));
    assert_int_equal(xensupport_validate(b, 5, err, sizeof(err)), -1);
    assert_non_null(strstr(err, "truncated"));
    free(b);
}

static void test_arrays(void **state)
{
    uint8_t *b;

    (void)state;
    b = S_copy();
    tt_put32(b, TT_H(off_rows), (uint32_t)S_len);
    S_refused(b, EBADMSG, "past the end");
    b = S_copy();
    tt_put32(b, TT_H(off_rows), 0xfffffffcU);
    S_refused(b, EBADMSG, "past the end");
    b = S_copy();
    tt_put32(b, TT_H(off_rows), S_t.h.off_features);
    S_refused(b, EBADMSG, "overlap");
    b = S_copy();
    tt_put32(b, TT_H(off_facts), 8);
    S_refused(b, EBADMSG, "header");
    b = S_copy();
    tt_put16(b, TT_H(nr_rows), 0xffff);
    S_refused(b, EBADMSG, "rows");
    b = S_copy();
    tt_put16(b, TT_H(nr_facts), 0xffff);
    S_refused(b, EBADMSG, "facts");
    b = S_copy();
    tt_put32(b, TT_H(strings_size), 0xffffffffU);
    S_refused(b, EBADMSG, "string pool");
    b = S_copy();
    tt_put16(b, TT_H(nr_pairs), XEN_SUPTAB_PAIRS_MAX + 1);
    S_refused(b, EBADMSG, "pair");
    b = S_copy();
    tt_put16(b, TT_H(nr_subs), 0xffff);
    S_refused(b, EBADMSG, "sub-features");
    b = S_copy();
    tt_put16(b, TT_H(nr_statuses), XEN_SUPTAB_STATUSES_MAX + 1);
    S_refused(b, EBADMSG, "statuses");
    /* Descriptions flagged but the offset points at the header. */
    b = S_copy();
    tt_put32(b, TT_H(flags), 1);
    tt_put32(b, TT_H(off_descs), 0);
    S_refused(b, EBADMSG, "descriptions");
    /* Pool must start with the empty string. */
    b = S_copy();
    b[S_t.h.off_strings] = 'a';
    S_refused(b, EBADMSG, "empty string");
}

/* The pool offset where the last string of b's pool starts. */
static uint32_t S_last_string(const uint8_t *b)
{
    uint32_t pool = S_t.h.off_strings, size = S_t.h.strings_size;
    uint32_t at = size - 1;

    /* Back over the last string's codes to the previous end. */
    while (at && b[pool + at - 1])
        at--;
    return at;
}

static void test_strings(void **state)
{
    uint8_t *b;
    uint32_t pool = S_t.h.off_strings, size = S_t.h.strings_size;
    uint32_t last = S_last_string(S_seed);
    unsigned np = S_t.h.nr_pairs;

    (void)state;
    assert_true(last + 2 < size);
    /* The last string runs off the pool. */
    b = S_copy();
    memset(b + pool + last, 'a', size - last);
    tt_put16(b, tt_row_at(&S_t, 0), (uint16_t)last);
    S_refused(b, EBADMSG, "unterminated");
    /* An escape at the very end of the pool. */
    b = S_copy();
    b[pool + size - 1] = 0xff;
    tt_put16(b, tt_row_at(&S_t, 0), (uint16_t)(size - 1));
    S_refused(b, EBADMSG, "badly encoded");
    /* An escape of the string's end. */
    b = S_copy();
    b[pool + size - 2] = 0xff;
    b[pool + size - 1] = 0;
    tt_put16(b, tt_row_at(&S_t, 0), (uint16_t)(size - 2));
    S_refused(b, EBADMSG, "badly encoded");
    /* A string ref past the pool. */
    b = S_copy();
    tt_put16(b, tt_row_at(&S_t, 0), (uint16_t)size);
    S_refused(b, EBADMSG, "outside the pool");
    /* Undefined pair codes: the pairs the strings use are gone. */
    assert_true(np > 0);
    b = S_copy();
    tt_put16(b, TT_H(nr_pairs), 0);
    S_refused(b, EBADMSG, "badly encoded");
    /* Longer than XEN_SUPTAB_STR_MAX: the whole pool as one string. */
    {
        size_t n = S_len + XEN_SUPTAB_STR_MAX + 8;
        uint8_t *big = calloc(1, n);

        assert_non_null(big);
        memcpy(big, S_seed, S_len);
        memset(big + pool + size, 'x', XEN_SUPTAB_STR_MAX + 1);
        tt_put32(big, TT_H(strings_size), size + XEN_SUPTAB_STR_MAX + 8);
        tt_put32(big, TT_H(total_size), (uint32_t)n);
        tt_put16(big, tt_row_at(&S_t, 0), (uint16_t)size);
        tt_resign(big, n);
        char err[XENSUPPORT_ERRLEN] = "";
        assert_int_equal(xensupport_validate(big, n, err, sizeof(err)), -1);
        assert_int_equal(errno, EBADMSG);
        assert_non_null(strstr(err, "longer than 1023"));
        free(big);
    }
}

static void test_pairs(void **state)
{
    uint8_t *b;
    uint32_t pairs = S_t.h.off_pairs;
    uint32_t pool = S_t.h.off_strings;
    uint32_t last = S_last_string(S_seed);
    unsigned np = S_t.h.nr_pairs;

    (void)state;
    assert_true(np >= 40);
    /* Pair 0 refers to itself; pair 2 to pair 3; a control byte. */
    b = S_copy();
    b[pairs] = (uint8_t)suptab_pair_code(0);
    S_refused(b, EBADMSG, "pair 0 ");
    b = S_copy();
    b[pairs + 2 * 2 + 1] = (uint8_t)suptab_pair_code(3);
    S_refused(b, EBADMSG, "pair 2 ");
    b = S_copy();
    b[pairs] = 0xff;
    S_refused(b, EBADMSG, "pair 0 ");
    /* The end of the string on the left. */
    b = S_copy();
    b[pairs] = 0;
    S_refused(b, EBADMSG, "pair 0 ");
    /* An ending pair on the left of another. */
    b = S_copy();
    b[pairs + 1] = 0;                            /* pair 0 ends */
    b[pairs + 2] = (uint8_t)suptab_pair_code(0); /* pair 1 starts with it */
    S_refused(b, EBADMSG, "ends the string");
    /* Nested 33 deep: pair k = (pair k-1, 'a'). */
    b = S_copy();
    b[pairs] = b[pairs + 1] = 'a';
    for (unsigned k = 1; k <= XEN_SUPTAB_DEPTH_MAX; k++) {
        b[pairs + 2 * k] = (uint8_t)suptab_pair_code(k - 1);
        b[pairs + 2 * k + 1] = 'a';
    }
    S_refused(b, EBADMSG, "deep");
    /* Doubling up within the depth limit: 2^11 bytes from one code. */
    b = S_copy();
    b[pairs] = b[pairs + 1] = 'a';
    for (unsigned k = 1; k <= 10; k++)
        b[pairs + 2 * k] = b[pairs + 2 * k + 1] =
            (uint8_t)suptab_pair_code(k - 1);
    b[pool + last] = (uint8_t)suptab_pair_code(10);
    b[pool + last + 1] = 0;
    tt_put16(b, tt_row_at(&S_t, 0), (uint16_t)last);
    S_refused(b, EBADMSG, "longer than");
}

static void test_records(void **state)
{
    uint8_t *b;
    unsigned nf = S_t.h.nr_features, ns = S_t.h.nr_sections;
    unsigned nr = S_t.h.nr_rows, nk = S_t.h.nr_keys;
    unsigned nst = S_t.h.nr_statuses;

    (void)state;
    assert_true(ns >= 2 && nf >= 2 && nr >= 2 && S_t.fw == 1 && S_t.rw == 1);

    b = S_copy();
    b[tt_row_at(&S_t, 0) + 2] = (uint8_t)nst;
    S_refused(b, EBADMSG, "status");
    b = S_copy();
    b[tt_status_at(&S_t, 0) + 2] = (uint8_t)nk;
    S_refused(b, EBADMSG, "key");
    b = S_copy();
    b[tt_status_at(&S_t, 0) + 3] |= 7;
    S_refused(b, EBADMSG, "reading");
    b = S_copy();
    b[tt_status_at(&S_t, 0) + 3] &= 0x3f; /* arch 0 */
    S_refused(b, EBADMSG, "reading");
    b = S_copy();
    b[tt_feature_at(&S_t, nf - 1) + 2] = (uint8_t)(nr + 1);
    S_refused(b, EBADMSG, "first_row");
    b = S_copy();
    b[tt_feature_at(&S_t, 1) + 2] = 0xff;
    S_refused(b, EBADMSG, "first_row");
    b = S_copy();
    b[tt_feature_at(&S_t, 0) + 2] = 1;
    S_refused(b, EBADMSG, "first_row");
    b = S_copy();
    b[tt_section_at(&S_t, ns - 1) + 2] = 0;
    S_refused(b, EBADMSG, "first_feature");
    b = S_copy();
    b[tt_section_at(&S_t, 0) + 2] = 1;
    S_refused(b, EBADMSG, "first_feature");
}

/* A statement with sub-features: F1 has F1a and F1b, F2 none. */
static const char S_subs_doc[] =
    "# Feature Support\n\n## S1\n\n### F1\n\n    Status: Supported\n\n"
    "#### F1a\n\n    Status: Experimental\n\n"
    "#### F1b\n\n    Status: Tech Preview\n\n"
    "## S2\n\n### F2\n\n    Status: Supported\n";

static void test_subs(void **state)
{
    size_t len;
    uint8_t *seed = tt_compile_text(S_subs_doc, &len), *b;
    struct suptab t;
    xensupport_table *x;
    struct xensupport_feature f;
    char err[XENSUPPORT_ERRLEN];
    uint32_t subs;

    (void)state;
    tt_layout(seed, len, &t);
    assert_int_equal(t.h.nr_subs, 2);
    subs = t.h.off_subs;
    x = xensupport_open_memory(seed, len, XENSUPPORT_BORROW, err, sizeof(err));
    assert_non_null(x);
    assert_int_equal(xensupport_get_feature(x, 1, &f), 0);
    assert_string_equal(f.name, "F1a");
    assert_int_equal(f.parent, 0);
    assert_int_equal(f.depth, 1);
    assert_int_equal(xensupport_get_feature(x, 3, &f), 0);
    assert_int_equal(f.parent, -1);
    assert_int_equal(f.section, 1);
    xensupport_close(x);

#define S_SUB_BAD(off, val, what)                                              \
    do {                                                                       \
        b = malloc(len);                                                       \
        memcpy(b, seed, len);                                                  \
        b[subs + (off)] = (val);                                               \
        tt_resign(b, len);                                                     \
        assert_int_equal(xensupport_validate(b, len, err, sizeof(err)), -1);   \
        assert_int_equal(errno, EBADMSG);                                      \
        if (!strstr(err, what))                                                \
            fail_msg("'%s' does not mention '%s'", err, what);                 \
        free(b);                                                               \
    } while (0)
    S_SUB_BAD(0, 2, "out of order"); /* sub 0 is feature 2, then 2 */
    S_SUB_BAD(2, 1, "out of order"); /* sub 1 is feature 1 again */
    S_SUB_BAD(2, 9, "out of order"); /* no feature 9 */
    S_SUB_BAD(1, 1, "parent");       /* its own parent */
    S_SUB_BAD(3, 3, "parent");       /* a later parent */
    S_SUB_BAD(2, 3, "parent");       /* feature 3's parent in S1 */
#undef S_SUB_BAD
    free(seed);
}

static void test_name_index(void **state)
{
    uint8_t *b;
    uint32_t idx = S_t.h.off_name_index;

    (void)state;
    /* Swap two entries: out of order. */
    b = S_copy();
    uint8_t x = b[idx], y = b[idx + 1];
    b[idx] = y;
    b[idx + 1] = x;
    S_refused(b, EBADMSG, "out of order");
    /* A repeated id: not a permutation. */
    b = S_copy();
    b[idx + 1] = b[idx];
    S_refused(b, EBADMSG, "repeated");
    b = S_copy();
    b[idx] = 0xff;
    S_refused(b, EBADMSG, "out of range");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_is_valid), cmocka_unit_test(test_header),
        cmocka_unit_test(test_arrays),        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_pairs),         cmocka_unit_test(test_records),
        cmocka_unit_test(test_subs),          cmocka_unit_test(test_name_index),
    };
    return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
