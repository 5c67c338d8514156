/*
 * test_support_lookup.c: the hypervisor's lookups (by generated id and by
 * name) and its check of a table at attach, on every document named on
 * the command line (docs/SUPPORT.md and the parser's fixtures; Xen 4.17's
 * own statement too in the once-only test-xen-hosted-417), with
 * xen-side/common/support*.c built against the hosted shim.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <hosted/shim.h>
#include <xen/errno.h>
#include <public/sysctl.h>
#include <xen/support.h>

#include "xt_util.h"

static const char *docs[8];
static int nr_docs;

/* The linked table's generated ids name the features they should. */
static void test_generated_ids(void **state)
{
    (void)state;
    assert_int_equal(
        support_table_attach(xen_support_table, xen_support_table_size), 0);
    assert_int_equal(support_table_header()->nr_features,
                     XEN_SUPPORT_NR_FEATURES);
    for (unsigned id = 0; id < XEN_SUPPORT_NR_FEATURES; id++) {
        char name[1100];
        int got;

        support_feature_name(id, name, sizeof(name));
        got = support_feature_by_name(name);
        assert_true(got >= 0 && (unsigned)got <= id);
    }
#ifdef SUPPORT_FEAT_X86_64
    assert_int_equal(support_feature_by_name("x86-64"), SUPPORT_FEAT_X86_64);
#endif
}

static void check_doc(const char *doc)
{
    size_t len;
    uint8_t *blob = xt_compile(doc, &len);
    const struct xen_suptab_header *h = xt_hdr(blob);
    unsigned next_row = 0;

    assert_int_equal(support_table_attach(blob, (uint32_t)len), 0);
    assert_ptr_equal(support_table_header(), (const void *)blob);

    for (unsigned id = 0; id < h->nr_features; id++) {
        char want[1100], got[1100], alt[1102];
        unsigned first, nr;
        size_t n = xt_feature_name(blob, id, want, sizeof(want));
        int found;

        assert_true(n < sizeof(want));
        assert_int_equal(support_feature_name(id, got, sizeof(got)), n);
        assert_string_equal(got, want);
        assert_ptr_equal(
            support_feature(id),
            (const void *)(blob + h->off_features +
                           id * sizeof(struct xen_suptab_feature)));

        /* Truncation: always terminated, never past size. */
        for (size_t size = 0; size <= n + 1 && size < 40; size++) {
            memset(alt, 'Z', sizeof(alt));
            assert_int_equal(support_feature_name(id, alt, size), n);
            if (size) {
                size_t keep = n < size ? n : size - 1;

                assert_memory_equal(alt, want, keep);
                assert_int_equal(alt[keep], '\0');
            }
            assert_int_equal(alt[size], 'Z');
        }

        /* By name, in any ASCII case: this id or an equal, lower one. */
        found = support_feature_by_name(want);
        assert_true(found >= 0 && (unsigned)found <= id);
        xt_feature_name(blob, (unsigned)found, alt, sizeof(alt));
        assert_int_equal(xt_fold_cmp(alt, want), 0);
        for (size_t k = 0; k <= n; k++)
            alt[k] =
                (char)((want[k] >= 'a' && want[k] <= 'z') ? want[k] - 'a' + 'A'
                                                          : want[k]);
        assert_int_equal(support_feature_by_name(alt), found);

        /* A name with one more character is another feature or none. */
        memcpy(alt, want, n);
        alt[n] = '~';
        alt[n + 1] = '\0';
        found = support_feature_by_name(alt);
        if (found >= 0) {
            xt_feature_name(blob, (unsigned)found, got, sizeof(got));
            assert_int_equal(xt_fold_cmp(got, alt), 0);
        }

        /* Rows: contiguous, in order, covering all of them. */
        assert_int_equal(support_feature_rows(id, &first, &nr), 0);
        assert_int_equal(first, next_row);
        next_row += nr;
        if (nr) {
            const struct xen_suptab_row *r = support_row(first);

            assert_ptr_equal(
                r, (const void *)(blob + h->off_rows + first * sizeof(*r)));
        }
    }
    assert_int_equal(next_row, h->nr_rows);
    assert_null(support_feature(h->nr_features));
    assert_null(support_row(h->nr_rows));
    assert_int_equal(support_feature_name(h->nr_features, NULL, 0), -ENOENT);
    {
        unsigned first, nr;

        assert_int_equal(support_feature_rows(h->nr_features, &first, &nr),
                         -ENOENT);
    }
    assert_int_equal(support_feature_by_name(""), -ENOENT);
    assert_int_equal(support_feature_by_name("no such feature, surely"),
                     -ENOENT);
    assert_int_equal(support_feature_by_name(NULL), -ENOENT);

    /* Back to the linked table before the blob goes. */
    assert_int_equal(
        support_table_attach(xen_support_table, xen_support_table_size), 0);
    free(blob);
}

static void test_documents(void **state)
{
    (void)state;
    assert_true(nr_docs > 0);
    for (int i = 0; i < nr_docs; i++)
        check_doc(docs[i]);
}

typedef void (*corrupt_fn)(uint8_t *b, size_t *len);

static void c_magic(uint8_t *b, size_t *len)
{
    (void)len;
    b[0] ^= 1;
}
static void c_size(uint8_t *b, size_t *len)
{
    (void)b;
    *len -= 4;
}
static void c_short(uint8_t *b, size_t *len)
{
    (void)b;
    *len = sizeof(struct xen_suptab_header) - 1;
}
static void c_comp(uint8_t *b, size_t *len)
{
    (void)len;
    ((struct xen_suptab_header *)(void *)b)->last_comp_version =
        XEN_SUPTAB_VERSION + 1;
}
static void c_off_features(uint8_t *b, size_t *len)
{
    ((struct xen_suptab_header *)(void *)b)->off_features = (uint32_t)*len;
}
static void c_misaligned(uint8_t *b, size_t *len)
{
    (void)len;
    ((struct xen_suptab_header *)(void *)b)->off_rows += 2;
}
static void c_nr_rows(uint8_t *b, size_t *len)
{
    (void)len;
    ((struct xen_suptab_header *)(void *)b)->nr_rows = UINT16_MAX;
}
static void c_strings(uint8_t *b, size_t *len)
{
    (void)len;
    ((struct xen_suptab_header *)(void *)b)->strings_size += 8;
}
static void c_pairs(uint8_t *b, size_t *len)
{
    struct xen_suptab_header *h = (void *)b;
    struct xen_suptab_pair *p = (void *)(b + h->off_pairs);

    (void)len;
    if (!h->nr_pairs) { /* nothing to break: break the magic instead */
        b[0] ^= 1;
        return;
    }
    p[h->nr_pairs - 1].left = XEN_SUPTAB_CODE_PAIR + h->nr_pairs - 1;
}
static void c_name_index(uint8_t *b, size_t *len)
{
    struct xen_suptab_header *h = (void *)b;
    uint16_t *idx = (void *)(b + h->off_name_index);

    (void)len;
    idx[0] = h->nr_features;
}
static void c_first_row(uint8_t *b, size_t *len)
{
    struct xen_suptab_header *h = (void *)b;
    struct xen_suptab_feature *f = (void *)(b + h->off_features);

    (void)len;
    f[h->nr_features - 1].first_row = (uint16_t)(h->nr_rows + 1);
}

/* A malformed table is refused and the attached one stays. */
static void test_attach_refuses(void **state)
{
    static const corrupt_fn fns[] = {
        c_magic,        c_size,       c_short,     c_comp,
        c_off_features, c_misaligned, c_nr_rows,   c_strings,
        c_pairs,        c_name_index, c_first_row,
    };
    size_t len;
    uint8_t *blob = xt_compile(docs[0], &len);

    (void)state;
    assert_int_equal(
        support_table_attach(xen_support_table, xen_support_table_size), 0);
    for (size_t k = 0; k < sizeof(fns) / sizeof(fns[0]); k++) {
        uint8_t *copy = malloc(len);
        size_t l = len;

        assert_non_null(copy);
        memcpy(copy, blob, len);
        fns[k](copy, &l);
        if (support_table_attach(copy, (uint32_t)l) != -EINVAL)
            fail_msg("corruption %zu accepted", k);
        assert_ptr_equal(support_table_header(),
                         (const void *)xen_support_table);
        free(copy);
    }
    /* Misaligned blob, NULL blob. */
    {
        uint8_t *copy = malloc(len + 8);

        assert_non_null(copy);
        memcpy(copy + 4, blob, len);
        assert_int_equal(support_table_attach(copy + 4, (uint32_t)len),
                         -EINVAL);
        free(copy);
    }
    assert_int_equal(support_table_attach(NULL, 100), -EINVAL);
    assert_ptr_equal(support_table_header(), (const void *)xen_support_table);
    free(blob);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated_ids),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_attach_refuses),
    };

    for (int i = 1; i < argc && nr_docs < 8; i++)
        docs[nr_docs++] = argv[i];
    if (!nr_docs)
        docs[nr_docs++] = "docs/SUPPORT.md";
    return cmocka_run_group_tests_name("support_lookup", tests, NULL, NULL);
}
