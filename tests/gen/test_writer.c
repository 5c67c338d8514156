/*
 * test_writer.c: the table writer (determinism, the seed's size bound, a
 * structural check of the layout with the core's validator, refusal of
 * values that overflow their field), the
 * generated C identifiers and the JSON dump.  Decoding proper is tested
 * with the tools-side decoder, not here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <xen/suptab.h>

#include "compile.h"
#include "csource.h"
#include "json.h"
#include "seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED SEED_DOC

static uint32_t le16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
    return le16(p) | le16(p + 2) << 16;
}

static int compile_seed(bool desc, uint8_t **blob, size_t *len,
                        struct xsg_model *m)
{
    struct xsg_options opt = {.quiet = true, .with_descriptions = desc};
    char *text;
    size_t n;
    assert_int_equal(xsg_read_file(SEED, &text, &n), 0);
    xsg_model_init(m);
    int rc = xsg_compile(text, n, SEED, &opt, m, blob, len, NULL);
    free(text);
    return rc;
}

static void test_deterministic(void **state)
{
    uint8_t *a, *b;
    size_t al, bl;
    struct xsg_model m1, m2;
    (void)state;
    assert_int_equal(compile_seed(false, &a, &al, &m1), XSG_OK);
    assert_int_equal(compile_seed(false, &b, &bl, &m2), XSG_OK);
    assert_int_equal(al, bl);
    assert_memory_equal(a, b, al);
    size_t jl1, jl2;
    assert_int_equal(xsg_csource_idents(&m1), 0);
    assert_int_equal(xsg_csource_idents(&m2), 0);
    char *j1 = xsg_json_model(&m1, false, &jl1);
    char *j2 = xsg_json_model(&m2, false, &jl2);
    assert_non_null(j1);
    assert_non_null(j2);
    assert_int_equal(jl1, jl2);
    assert_memory_equal(j1, j2, jl1);
    char rows[32];
    snprintf(rows, sizeof(rows), "\"rows\": %d", SEED_NR_ROWS);
    assert_non_null(strstr(j1, rows));
    free(j1);
    free(j2);
    free(a);
    free(b);
    xsg_model_free(&m1);
    xsg_model_free(&m2);
}

static void test_size_bound(void **state)
{
    uint8_t *a;
    size_t al;
    struct xsg_model m;
    (void)state;
    assert_int_equal(compile_seed(false, &a, &al, &m), XSG_OK);
    print_message("seed table: %zu bytes\n", al);
    assert_true(al <= 3072);
    free(a);
    xsg_model_free(&m);
}

/* Layout as support_table.h says, then every rule by the validator. */
static void check_structure(const uint8_t *t, size_t len, size_t rows,
                            bool desc)
{
    struct suptab tab;
    char why[160] = "";
    size_t at = offsetof(struct xen_suptab_header, checksum);

    assert_true(len >= XEN_SUPTAB_HEADER_SIZE);
    assert_int_equal(le32(t), XEN_SUPTAB_MAGIC);
    assert_int_equal(le16(t + 4), XEN_SUPTAB_VERSION);
    assert_int_equal(le16(t + 6), XEN_SUPTAB_LAST_COMP);
    assert_int_equal(le32(t + 8), len);
    uint8_t *copy = malloc(len);
    memcpy(copy, t, len);
    memset(copy + at, 0, 4);
    assert_int_equal(suptab_crc32(0, copy, len), le32(t + at));
    free(copy);
    assert_int_equal(suptab_validate(&tab, t, len, why, sizeof(why)), 0);
    assert_string_equal(why, "");
    assert_int_equal(!!(tab.h.flags & XEN_SUPTAB_F_DESCRIPTIONS), desc);
    assert_int_equal(tab.h.nr_rows, rows);
    assert_int_equal(tab.h.off_descs != 0, desc);
    /* Every part but the header is referenced; none is left over. */
    assert_int_equal(tab.h.off_strings + tab.h.strings_size, len);
}

static void test_structure(void **state)
{
    uint8_t *a;
    size_t al;
    struct xsg_model m;
    (void)state;
    assert_int_equal(compile_seed(false, &a, &al, &m), XSG_OK);
    check_structure(a, al, SEED_NR_ROWS, false);
    free(a);
    xsg_model_free(&m);
    assert_int_equal(compile_seed(true, &a, &al, &m), XSG_OK);
    check_structure(a, al, SEED_NR_ROWS, true);
    assert_true(al > 4096);
    free(a);
    xsg_model_free(&m);
}

/* n features, each with a status of its own ("Supported, v<i>"). */
static char *doc_with_statuses(unsigned n)
{
    size_t cap = 64 + (size_t)n * 48;
    char *d = malloc(cap);
    size_t o = (size_t)snprintf(d, cap, "# Feature Support\n\n## S\n\n");
    for (unsigned i = 0; i < n; i++)
        o += (size_t)snprintf(
            d + o, cap - o, "### F%u\n\n    Status: Supported, v%u\n\n", i, i);
    return d;
}

static void test_refuses_overflow(void **state)
{
    uint8_t *blob;
    size_t len;
    (void)state;
    struct xsg_options opt = {.quiet = true};
    FILE *sink = tmpfile();
    char msg[512] = "";
    assert_non_null(sink);
    opt.diag = sink;

    char *d = doc_with_statuses(XEN_SUPTAB_STATUSES_MAX);
    assert_int_equal(xsg_compile_buffer(d, strlen(d), "t", &opt, &blob, &len),
                     XSG_OK);
    free(blob);
    free(d);
    d = doc_with_statuses(XEN_SUPTAB_STATUSES_MAX + 1);
    rewind(sink);
    assert_int_equal(xsg_compile_buffer(d, strlen(d), "t", &opt, &blob, &len),
                     XSG_EDOC);
    assert_null(blob);
    free(d);
    /* The 257th status is named at its line: 4 + 4 * 256 + 3. */
    fflush(sink);
    rewind(sink);
    assert_non_null(fgets(msg, sizeof(msg), sink));
    assert_non_null(strstr(msg, "t:1031:"));
    assert_non_null(strstr(msg, "error: more than 256 distinct keys or "
                                "statuses; the table holds at most 256"));

    size_t n = 2000;
    d = malloc(n + 128);
    int o = snprintf(d, 128,
                     "# Feature Support\n\n## S\n\n### F\n\n"
                     "    Status: ");
    memset(d + o, 'x', n);
    strcpy(d + o + n, "\n");
    assert_int_equal(xsg_compile_buffer(d, strlen(d), "t", &opt, &blob, &len),
                     XSG_EDOC);
    free(d);
    fclose(sink);
}

static void test_idents(void **state)
{
    struct xsg_model m;
    uint8_t *blob;
    size_t len;
    (void)state;
    static const char doc[] =
        "# Feature Support\n\n## Guest side\n\n### PV USB\n\n"
        "    Status: Supported\n\n### PV-USB\n\n    Status: Supported\n\n"
        "## Host side\n\n### PV USB\n\n    Status: Supported\n\n"
        "### RTDS based Scheduler\n\n    Status: Experimental\n\n"
        "### x86/PV */\n\n    Status: Supported\n";
    struct xsg_options opt = {.quiet = true};
    xsg_model_init(&m);
    assert_int_equal(
        xsg_compile(doc, strlen(doc), "doc.md", &opt, &m, &blob, &len, NULL),
        XSG_OK);
    assert_int_equal(xsg_csource_idents(&m), 0);
    assert_string_equal(m.features[0].ident, "GUEST_SIDE_PV_USB");
    assert_string_equal(m.features[1].ident, "GUEST_SIDE_PV_USB_2");
    assert_string_equal(m.features[2].ident, "HOST_SIDE_PV_USB");
    assert_string_equal(m.features[3].ident, "RTDS_BASED_SCHEDULER");
    assert_string_equal(m.features[4].ident, "X86_PV");
    char *h = xsg_csource_header(&m, "doc.md");
    char *c = xsg_csource_c(blob, len, "doc.md");
    assert_non_null(h);
    assert_non_null(c);
    const char first[] = "/* Generated by xen-support-gen from doc.md: do "
                         "not edit. */\n";
    assert_memory_equal(h, first, strlen(first));
    assert_memory_equal(c, first, strlen(first));
    assert_non_null(strstr(h, "#define SUPPORT_FEAT_RTDS_BASED_SCHEDULER 3\n"));
    assert_non_null(strstr(h, "#define XEN_SUPPORT_NR_FEATURES 5\n"));
    assert_non_null(strstr(h, "extern const uint8_t xen_support_table[];"));
    /* A name cannot close the comment it is quoted in. */
    assert_null(strstr(h, "PV */"));
    assert_non_null(strstr(h, "/* x86/PV * / (Host side) */"));
    assert_non_null(strstr(c, "const uint8_t xen_support_table[] = {\n"));
    free(h);
    free(c);
    free(blob);
    xsg_model_free(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_size_bound),
        cmocka_unit_test(test_structure),
        cmocka_unit_test(test_refuses_overflow),
        cmocka_unit_test(test_idents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
