/*
 * tt_util.c: helpers shared by the libxensupport tests (see tt_util.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tt_util.h"
#include <xen/suptab.h>
#include "xsgen.h"

uint8_t *tt_seed(size_t *len)
{
    struct xsg_options opt = {.quiet = true};
    uint8_t *blob = NULL;

    assert_int_equal(xsg_compile_file(TT_SEED, &opt, &blob, len), XSG_OK);
    assert_non_null(blob);
    return blob;
}

uint8_t *tt_compile_text(const char *text, size_t *len)
{
    struct xsg_options opt = {.quiet = true};
    uint8_t *blob = NULL;

    assert_int_equal(
        xsg_compile_buffer(text, strlen(text), "text", &opt, &blob, len),
        XSG_OK);
    assert_non_null(blob);
    return blob;
}

void tt_layout(const uint8_t *b, size_t len, struct suptab *t)
{
    char why[200] = "";

    if (suptab_validate(t, b, len, why, sizeof(why)))
        fail_msg("not a valid table: %s", why);
}

size_t tt_row_at(const struct suptab *t, unsigned i)
{
    return t->h.off_rows + (size_t)i * XEN_SUPTAB_ROW_SIZE;
}

size_t tt_feature_at(const struct suptab *t, unsigned i)
{
    return t->h.off_features + (size_t)i * (2 + t->rw);
}

size_t tt_section_at(const struct suptab *t, unsigned i)
{
    return t->h.off_sections + (size_t)i * (2 + t->fw);
}

size_t tt_status_at(const struct suptab *t, unsigned i)
{
    return t->h.off_statuses + (size_t)i * XEN_SUPTAB_STATUS_SIZE;
}

uint16_t tt_get16(const uint8_t *b, size_t off)
{
    return (uint16_t)(b[off] | (b[off + 1] << 8));
}

uint32_t tt_get32(const uint8_t *b, size_t off)
{
    return tt_get16(b, off) | ((uint32_t)tt_get16(b, off + 2) << 16);
}

void tt_put16(uint8_t *b, size_t off, uint16_t v)
{
    b[off] = (uint8_t)v;
    b[off + 1] = (uint8_t)(v >> 8);
}

void tt_put32(uint8_t *b, size_t off, uint32_t v)
{
    tt_put16(b, off, (uint16_t)v);
    tt_put16(b, off + 2, (uint16_t)(v >> 16));
}

void tt_resign(uint8_t *b, size_t len)
{
    if (len < 16)
        return;
    tt_put32(b, 12, 0);
    tt_put32(b, 12, suptab_checksum(b, (uint32_t)len));
}

static int S_fold_eq(const char *a, const char *b)
{
    for (;; a++, b++) {
        int x = (*a >= 'A' && *a <= 'Z') ? *a + 32 : *a;
        int y = (*b >= 'A' && *b <= 'Z') ? *b + 32 : *b;
        if (x != y)
            return 0;
        if (!x)
            return 1;
    }
}

unsigned tt_walk(xensupport_table *t)
{
    struct xensupport_info in;
    struct xensupport_fact fa;
    struct xensupport_section s;
    struct xensupport_feature f;
    struct xensupport_row r;
    unsigned rows = 0, feats = 0;

    xensupport_get_info(t, &in);
    for (unsigned i = 0; i < in.nr_facts; i++) {
        assert_int_equal(xensupport_get_fact(t, i, &fa), 0);
        assert_true(strlen(fa.key) <= 1023 && strlen(fa.value) <= 1023);
    }
    assert_int_equal(xensupport_get_fact(t, in.nr_facts, &fa), -1);
    for (unsigned i = 0; i < in.nr_sections; i++) {
        assert_int_equal(xensupport_get_section(t, i, &s), 0);
        assert_int_equal(s.first_feature, feats);
        feats += s.nr_features;
    }
    assert_int_equal(feats, in.nr_features);
    for (unsigned id = 0; id < in.nr_features; id++) {
        assert_int_equal(xensupport_get_feature(t, id, &f), 0);
        assert_true(f.section < in.nr_sections);
        assert_int_equal(f.first_row, rows);
        assert_true(f.parent < (int)id);
        /* The name finds a feature of the same name, never a later one. */
        int found = xensupport_lookup(t, f.name);
        assert_true(found >= 0 && found <= (int)id);
        struct xensupport_feature g;
        assert_int_equal(xensupport_get_feature(t, (unsigned)found, &g), 0);
        assert_true(S_fold_eq(f.name, g.name));
        for (unsigned i = 0; i < f.nr_rows; i++) {
            assert_int_equal(xensupport_get_row(t, f.first_row + i, &r), 0);
            assert_int_equal(r.feature, id);
            assert_true(r.level <= XENSUPPORT_LEVEL_DEPRECATED);
            assert_true(r.arch >= 1 && r.arch <= 3);
            assert_non_null(xensupport_level_name(r.level));
            assert_non_null(xensupport_security_name(r.security));
        }
        rows += f.nr_rows;
    }
    assert_int_equal(rows, in.nr_rows);
    assert_int_equal(xensupport_get_row(t, in.nr_rows, &r), -1);
    assert_int_equal(xensupport_get_feature(t, in.nr_features, &f), -1);
    return rows;
}
