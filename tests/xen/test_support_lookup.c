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

#include <stdbool.h>

#include <hosted/shim.h>
#include <xen/errno.h>
#include <public/sysctl.h>
#include <xen/support.h>

#include "xt_util.h"

static const char *docs[8];
static int nr_docs;

static int attach(const uint8_t *blob, size_t len)
{
    return support_table_attach(blob, (uint32_t)len, NULL, 0);
}

/* Is the attached table the one in blob? */
static bool attached_is(const uint8_t *blob)
{
    const struct xen_suptab_header *h = support_table_header();

    return h && h->checksum == xt_hdr(blob)->checksum &&
           h->total_size == xt_hdr(blob)->total_size;
}

/* The linked table's generated ids name the features they should. */
static void test_generated_ids(void **state)
{
    (void)state;
    assert_int_equal(attach(xen_support_table, xen_support_table_size), 0);
    assert_int_equal(support_table_header()->nr_features,
                     XEN_SUPPORT_NR_FEATURES);
    for (unsigned id = 0; id < XEN_SUPPORT_NR_FEATURES; id++) {
        char name[1100];
        int got;

        support_feature_name(id, name, sizeof(name));
        got = xt_feature_by_name(name);
        assert_true(got >= 0 && (unsigned)got <= id);
    }
#ifdef SUPPORT_FEAT_X86_64
    assert_int_equal(xt_feature_by_name("x86-64"), SUPPORT_FEAT_X86_64);
#endif
}

static void check_doc(const char *doc)
{
    size_t len;
    uint8_t *blob = xt_compile(doc, &len);
    struct xen_suptab_header h_ = *xt_hdr(blob), *h = &h_;
    unsigned next_row = 0;

    assert_int_equal(attach(blob, len), 0);
    assert_true(attached_is(blob));

    for (unsigned id = 0; id < h->nr_features; id++) {
        char want[1100], got[1100], alt[1102];
        unsigned first, nr;
        size_t n = xt_feature_name(blob, id, want, sizeof(want));
        int found;

        assert_true(n < sizeof(want));
        assert_int_equal(support_feature_name(id, got, sizeof(got)), n);
        assert_string_equal(got, want);
        assert_true(support_feature(id));

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
        found = xt_feature_by_name(want);
        assert_true(found >= 0 && (unsigned)found <= id);
        xt_feature_name(blob, (unsigned)found, alt, sizeof(alt));
        assert_int_equal(xt_fold_cmp(alt, want), 0);
        for (size_t k = 0; k <= n; k++)
            alt[k] =
                (char)((want[k] >= 'a' && want[k] <= 'z') ? want[k] - 'a' + 'A'
                                                          : want[k]);
        assert_int_equal(xt_feature_by_name(alt), found);

        /* A name with one more character is another feature or none. */
        memcpy(alt, want, n);
        alt[n] = '~';
        alt[n + 1] = '\0';
        found = xt_feature_by_name(alt);
        if (found >= 0) {
            xt_feature_name(blob, (unsigned)found, got, sizeof(got));
            assert_int_equal(xt_fold_cmp(got, alt), 0);
        }

        /* Rows: contiguous, in order, covering all of them. */
        assert_int_equal(support_feature_rows(id, &first, &nr), 0);
        assert_int_equal(first, next_row);
        next_row += nr;
        if (nr) {
            const uint8_t *raw = blob + h->off_rows + first * 3;
            struct suptab_row r;

            assert_int_equal(support_row(first, &r), 0);
            assert_int_equal(r.qualifier, raw[0] | raw[1] << 8);
            assert_int_equal(r.status, raw[2]);
        }
    }
    assert_int_equal(next_row, h->nr_rows);
    assert_false(support_feature(h->nr_features));
    {
        struct suptab_row r;

        assert_int_equal(support_row(h->nr_rows, &r), -ENOENT);
    }
    assert_int_equal(support_feature_name(h->nr_features, NULL, 0), -ENOENT);
    {
        unsigned first, nr;

        assert_int_equal(support_feature_rows(h->nr_features, &first, &nr),
                         -ENOENT);
    }
    assert_int_equal(xt_feature_by_name(""), -ENOENT);
    assert_int_equal(xt_feature_by_name("no such feature, surely"), -ENOENT);
    assert_int_equal(xt_feature_by_name(NULL), -ENOENT);

    /* Back to the linked table before the blob goes. */
    assert_int_equal(attach(xen_support_table, xen_support_table_size), 0);
    free(blob);
}

static void test_documents(void **state)
{
    (void)state;
    assert_true(nr_docs > 0);
    for (int i = 0; i < nr_docs; i++)
        check_doc(docs[i]);
}

#define HOFF(f) offsetof(struct xen_suptab_header, f)

static void put16(uint8_t *b, size_t at, unsigned v)
{
    b[at] = (uint8_t)v;
    b[at + 1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *b, size_t at, uint32_t v)
{
    put16(b, at, v & 0xffff);
    put16(b, at + 2, v >> 16);
}

/*
 * One corruption per rule the hypervisor now checks, re-signed (but for
 * the size and checksum cases) so that the rule itself must catch it;
 * want is what the one-line reason must name.
 */
struct corruption {
    void (*fn)(uint8_t *b, size_t *len);
    bool resign;
    int rc;
    const char *want;
};

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
    *len = XEN_SUPTAB_HEADER_SIZE - 1;
}
static void c_crc(uint8_t *b, size_t *len)
{
    b[*len - 1] ^= 0x40;
}
static void c_comp(uint8_t *b, size_t *len)
{
    (void)len;
    put16(b, HOFF(last_comp_version), XEN_SUPTAB_VERSION + 1);
}
static void c_off_features(uint8_t *b, size_t *len)
{
    put32(b, HOFF(off_features), (uint32_t)*len);
}
static void c_overlap(uint8_t *b, size_t *len)
{
    (void)len;
    put32(b, HOFF(off_rows), xt_hdr(b)->off_features);
}
static void c_nr_rows(uint8_t *b, size_t *len)
{
    (void)len;
    put16(b, HOFF(nr_rows), UINT16_MAX);
}
static void c_strings(uint8_t *b, size_t *len)
{
    (void)len;
    put32(b, HOFF(strings_size), xt_hdr(b)->strings_size + 8);
}
static void c_pairs(uint8_t *b, size_t *len)
{
    struct xen_suptab_header h = *xt_hdr(b);

    (void)len;
    assert_true(h.nr_pairs > 0);
    b[h.off_pairs + 2 * (h.nr_pairs - 1)] =
        (uint8_t)suptab_pair_code(h.nr_pairs - 1); /* itself */
}
static void c_name_index(uint8_t *b, size_t *len)
{
    struct xen_suptab_header h = *xt_hdr(b);

    (void)len;
    if (XEN_SUPTAB_IDW(h.nr_features) == 1)
        b[h.off_name_index] = (uint8_t)h.nr_features;
    else
        put16(b, h.off_name_index, h.nr_features);
}
static void c_first_row(uint8_t *b, size_t *len)
{
    struct xen_suptab_header h = *xt_hdr(b);

    (void)len;
    unsigned rw = XEN_SUPTAB_IDW(h.nr_rows);
    size_t at = h.off_features + (h.nr_features - 1) * (2 + rw) + 2;

    if (rw == 1)
        b[at] = (uint8_t)(h.nr_rows + 1);
    else
        put16(b, at, h.nr_rows + 1);
}
static void c_status(uint8_t *b, size_t *len)
{
    struct xen_suptab_header h = *xt_hdr(b);

    (void)len;
    b[h.off_rows + 2] = (uint8_t)h.nr_statuses;
}
static void c_unterminated(uint8_t *b, size_t *len)
{
    struct xen_suptab_header h = *xt_hdr(b);

    (void)len;
    /* The last string runs into the end of the pool. */
    if (!b[h.off_strings + h.strings_size - 1])
        b[h.off_strings + h.strings_size - 1] = 'x';
    else
        put16(b, HOFF(nr_pairs), 0); /* its ending pair is gone */
}

/* A malformed table is refused with its reason; the attached one stays. */
static void test_attach_refuses(void **state)
{
    static const struct corruption cs[] = {
        {c_magic, false, -EBADMSG, "magic"},
        {c_size, false, -EBADMSG, "total_size"},
        {c_short, false, -EBADMSG, "truncated"},
        {c_crc, false, -EBADMSG, "checksum"},
        {c_comp, true, -EOPNOTSUPP, "needs a reader of version"},
        {c_off_features, true, -EBADMSG, "features"},
        {c_overlap, true, -EBADMSG, "overlap"},
        {c_nr_rows, true, -EBADMSG, "rows"},
        {c_strings, true, -EBADMSG, "string pool"},
        {c_pairs, true, -EBADMSG, "pair"},
        {c_name_index, true, -EBADMSG, "name index"},
        {c_first_row, true, -EBADMSG, "first_row"},
        {c_status, true, -EBADMSG, "status"},
        {c_unterminated, true, -EBADMSG, "string"},
    };
    size_t len;
    uint8_t *blob = xt_compile(docs[0], &len);

    (void)state;
    assert_int_equal(attach(xen_support_table, xen_support_table_size), 0);
    for (size_t k = 0; k < sizeof(cs) / sizeof(cs[0]); k++) {
        uint8_t *copy = malloc(len);
        size_t l = len;
        char why[200] = "";
        int rc;

        assert_non_null(copy);
        memcpy(copy, blob, len);
        cs[k].fn(copy, &l);
        if (cs[k].resign) {
            put32(copy, HOFF(checksum), 0);
            put32(copy, HOFF(checksum), suptab_checksum(copy, (uint32_t)l));
        }
        rc = support_table_attach(copy, (uint32_t)l, why, sizeof(why));
        if (rc != cs[k].rc || !strstr(why, cs[k].want))
            fail_msg("corruption %zu: rc %d, '%s' (want %d, '%s')", k, rc, why,
                     cs[k].rc, cs[k].want);
        assert_true(attached_is(xen_support_table));
        free(copy);
    }
    /* Any alignment will do: fields are read byte by byte. */
    {
        uint8_t *copy = malloc(len + 8);

        assert_non_null(copy);
        memcpy(copy + 3, blob, len);
        assert_int_equal(attach(copy + 3, len), 0);
        assert_true(attached_is(blob));
        assert_int_equal(attach(xen_support_table, xen_support_table_size), 0);
        free(copy);
    }
    assert_int_equal(attach(NULL, 100), -EINVAL);
    assert_true(attached_is(xen_support_table));
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
