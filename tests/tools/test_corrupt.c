/*
 * test_corrupt.c: every single-byte corruption and every truncation of
 * the seed's table, with the checksum left stale (must be rejected) and
 * re-signed (must be rejected or decode consistently).  Never a crash or
 * an out-of-bounds read: make check runs this under ASan+UBSan, and each
 * candidate blob sits in a buffer of exactly its size.
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
#include "xsgen.h"

static const uint8_t S_xors[] = {0x01, 0x10, 0x80, 0xff};

static unsigned S_cases, S_accepted;

/* Open a copy of b[0..len) in a buffer of exactly len bytes. */
static void S_try(const uint8_t *b, size_t len, int must_reject)
{
    uint8_t *copy = malloc(len ? len : 1);
    char err[XENSUPPORT_ERRLEN];
    xensupport_table *t;

    assert_non_null(copy);
    memcpy(copy, b, len);
    S_cases++;
    t = xensupport_open_memory(copy, len, XENSUPPORT_BORROW, err, sizeof(err));
    if (t) {
        assert_false(must_reject);
        S_accepted++;
        tt_walk(t);
        xensupport_close(t);
    } else {
        assert_true(errno == EBADMSG || errno == ENOTSUP);
        assert_true(err[0] != '\0');
        assert_null(strchr(err, '\n'));
    }
    free(copy);
}

static void test_byte_corruption(void **state)
{
    size_t len;
    uint8_t *blob = tt_seed(&len), *b = malloc(len);

    (void)state;
    S_cases = S_accepted = 0;
    for (size_t i = 0; i < len; i++)
        for (size_t k = 0; k < sizeof(S_xors); k++) {
            memcpy(b, blob, len);
            b[i] ^= S_xors[k];
            S_try(b, len, 1); /* CRC-32 catches every single-byte error */
            tt_resign(b, len);
            if (i >= 12 && i < 16)
                continue; /* the checksum itself: nothing changed */
            S_try(b, len, 0);
        }
    printf("byte corruption: %u cases, %u re-signed ones accepted and "
           "walked\n",
           S_cases, S_accepted);
    free(b);
    free(blob);
}

static void test_truncation(void **state)
{
    size_t len;
    uint8_t *blob = tt_seed(&len), *b = malloc(len + 8);

    (void)state;
    S_cases = S_accepted = 0;
    for (size_t n = 0; n < len; n++) {
        S_try(blob, n, 1);
        /* Consistent header for the shorter blob: still rejected or
           consistent. */
        if (n >= 16) {
            memcpy(b, blob, n);
            tt_put32(b, 8, (uint32_t)n);
            tt_resign(b, n);
            S_try(b, n, 0);
        }
    }
    /* Trailing bytes are not part of the table. */
    memcpy(b, blob, len);
    memset(b + len, 0, 8);
    S_try(b, len + 8, 1);
    printf("truncation: %u cases, %u accepted and walked\n", S_cases,
           S_accepted);
    free(b);
    free(blob);
}

/* The table with prose: the descriptions array and long strings. */
static void test_descriptions_corruption(void **state)
{
    struct xsg_options opt = {.quiet = true, .with_descriptions = true};
    uint8_t *blob = NULL, *b;
    size_t len;

    (void)state;
    assert_int_equal(xsg_compile_file(TT_SEED, &opt, &blob, &len), XSG_OK);
    b = malloc(len);
    S_cases = S_accepted = 0;
    for (size_t i = 0; i < len; i++)
        for (size_t k = 0; k < 2; k++) {
            if ((i >= 12 && i < 16) || (k && (i & 3)))
                continue;
            memcpy(b, blob, len);
            b[i] ^= k ? 0x80 : 0x01; /* 0x80 on every fourth byte */
            tt_resign(b, len);
            S_try(b, len, 0);
        }
    printf("corruption with descriptions: %u cases (%zu bytes), %u "
           "accepted and walked\n",
           S_cases, len, S_accepted);
    free(b);
    free(blob);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_byte_corruption),
        cmocka_unit_test(test_truncation),
        cmocka_unit_test(test_descriptions_corruption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
