/*
 * test_decoder.c: libxensupport on the seed's real table: every record
 * readable, every row (tests/seed.h), lookup by every name (any case), release
 * facts, the sources and their errno, compare, and decode+validate time.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "tt_util.h"
#include "xensupport_doc.h"

static void test_seed_walk(void **state)
{
    size_t len;
    uint8_t *blob = tt_seed(&len);
    char err[XENSUPPORT_ERRLEN];
    xensupport_table *t =
        xensupport_open_memory(blob, len, 0, err, sizeof(err));
    struct xensupport_info in;

    (void)state;
    assert_non_null(t);
    xensupport_get_info(t, &in);
    assert_int_equal(in.nr_rows, SEED_NR_ROWS);
    assert_int_equal(in.nr_features, SEED_NR_FEATURES);
    assert_int_equal(in.nr_sections, SEED_NR_SECTIONS);
    assert_int_equal(in.size, len);
    assert_int_equal(in.version, XEN_SUPTAB_VERSION);
    assert_int_equal(in.source, XENSUPPORT_SOURCE_MEMORY);
    assert_false(in.has_descriptions);
    assert_true(len <= 3072);
    assert_int_equal(tt_walk(t), SEED_NR_ROWS);
    xensupport_close(t);
    free(blob);
}

static void S_case(char *s, int upper)
{
    for (; *s; s++)
        if (upper && *s >= 'a' && *s <= 'z')
            *s = (char)(*s - 32);
        else if (!upper && *s >= 'A' && *s <= 'Z')
            *s = (char)(*s + 32);
}

static void test_lookup_every_name(void **state)
{
    size_t len;
    uint8_t *blob = tt_seed(&len);
    xensupport_table *t = xensupport_open_memory(blob, len, 0, NULL, 0);
    struct xensupport_info in;
    struct xensupport_feature f;
    char buf[1100];

    (void)state;
    assert_non_null(t);
    xensupport_get_info(t, &in);
    assert_int_equal(in.nr_features, SEED_NR_FEATURES);
    for (unsigned id = 0; id < in.nr_features; id++) {
        assert_int_equal(xensupport_get_feature(t, id, &f), 0);
        int found = xensupport_lookup(t, f.name);
        /* Names in the seed are unique. */
        assert_int_equal(found, (int)id);
        snprintf(buf, sizeof(buf), "%s", f.name);
        S_case(buf, 1);
        assert_int_equal(xensupport_lookup(t, buf), (int)id);
        S_case(buf, 0);
        assert_int_equal(xensupport_lookup(t, buf), (int)id);
        /* A prefix or an extension is not the name. */
        strcat(buf, "x");
        assert_int_equal(xensupport_lookup(t, buf), -1);
        assert_int_equal(errno, ENOENT);
    }
    assert_int_equal(xensupport_lookup(t, "IOMMU"),
                     xensupport_lookup(t, "iommu"));
    assert_int_equal(xensupport_lookup(t, ""), -1);
    assert_int_equal(errno, ENOENT);
    assert_int_equal(xensupport_lookup(t, NULL), -1);
    assert_int_equal(errno, EINVAL);
    xensupport_close(t);
    free(blob);
}

static void test_facts_and_rows(void **state)
{
    size_t len;
    uint8_t *blob = tt_seed(&len);
    xensupport_table *t = xensupport_open_memory(blob, len, 0, NULL, 0);
    struct xensupport_feature f;
    struct xensupport_row r;
    int id;

    (void)state;
    assert_non_null(t);
    assert_string_equal(xensupport_fact_value(t, "Xen-Version"),
                        "4.10-unstable");
    assert_string_equal(xensupport_fact_value(t, "xen-version"),
                        "4.10-unstable");
    assert_string_equal(xensupport_fact_value(t, "Supported-Until"), "TBD");
    assert_null(xensupport_fact_value(t, "No-Such-Fact"));
    assert_int_equal(errno, ENOENT);

    id = xensupport_lookup(t, "IOMMU");
    assert_true(id >= 0);
    assert_int_equal(xensupport_get_feature(t, (unsigned)id, &f), 0);
    assert_int_equal(f.nr_rows, 4);
    assert_int_equal(xensupport_get_row(t, f.first_row, &r), 0);
    assert_string_equal(r.key, "Status");
    assert_string_equal(r.qualifier, "AMD IOMMU");
    assert_string_equal(r.value, "Supported");
    assert_int_equal(r.level, XENSUPPORT_LEVEL_SUPPORTED);
    assert_int_equal(r.security, XENSUPPORT_SEC_YES);
    assert_int_equal(r.arch, XENSUPPORT_ARCH_X86);
    assert_int_equal(xensupport_get_row(t, f.first_row + 2, &r), 0);
    assert_string_equal(r.qualifier, "ARM SMMUv1");
    assert_int_equal(r.arch, XENSUPPORT_ARCH_ARM);

    id = xensupport_lookup(t, "gdbsx");
    assert_int_equal(xensupport_get_feature(t, (unsigned)id, &f), 0);
    assert_int_equal(xensupport_get_row(t, f.first_row, &r), 0);
    assert_int_equal(r.security, XENSUPPORT_SEC_NO);

    assert_string_equal(xensupport_level_name(2), "tech-preview");
    assert_null(xensupport_level_name(5));
    assert_int_equal(xensupport_level_parse("Tech Preview"), 2);
    assert_int_equal(xensupport_level_parse("tech_preview"), 2);
    assert_int_equal(xensupport_level_parse("EXPERIMENTAL"), 3);
    assert_int_equal(xensupport_level_parse("bogus"), -1);
    assert_int_equal(errno, EINVAL);
    xensupport_close(t);
    free(blob);
}

static void test_sources(void **state)
{
    size_t len, blen;
    uint8_t *blob = tt_seed(&len);
    char path[] = "/tmp/xs-test-XXXXXX", err[XENSUPPORT_ERRLEN];
    struct xensupport_info info;
    xensupport_table *t;
    const void *b;
    int fd;

    (void)state;
    /* File round trip: same bytes. */
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, blob, len), (ssize_t)len);
    close(fd);
    t = xensupport_open_file(path, err, sizeof(err));
    assert_non_null(t);
    b = xensupport_blob(t, &blen);
    assert_int_equal(blen, len);
    assert_memory_equal(b, blob, len);
    xensupport_close(t);
    unlink(path);

    /* Document: deterministic, same bytes as the compiler. */
    t = xensupport_open_document(TT_SEED, XENSUPPORT_DOC_QUIET, NULL, err,
                                 sizeof(err));
    assert_non_null(t);
    xensupport_get_info(t, &info);
    assert_int_equal(info.source, XENSUPPORT_SOURCE_DOCUMENT);
    b = xensupport_blob(t, &blen);
    assert_int_equal(blen, len);
    assert_memory_equal(b, blob, len);
    xensupport_close(t);

    /* Borrowed memory is used in place; copied memory is not. */
    t = xensupport_open_memory(blob, len, XENSUPPORT_BORROW, NULL, 0);
    assert_ptr_equal(xensupport_blob(t, &blen), blob);
    xensupport_close(t);
    t = xensupport_open_memory(blob, len, 0, NULL, 0);
    assert_ptr_not_equal(xensupport_blob(t, &blen), blob);
    xensupport_close(t);

    /* Errors. */
    assert_null(xensupport_open_file("/nonexistent/table", err, sizeof(err)));
    assert_int_equal(errno, ENOENT);
    assert_true(err[0]);
    assert_null(xensupport_open_file("/tmp", err, sizeof(err)));
    assert_int_equal(errno, EISDIR);
    assert_null(xensupport_open_file(TT_SEED, err, sizeof(err)));
    assert_int_equal(errno, EBADMSG);
    assert_non_null(strstr(err, "magic"));
    FILE *devnull = fopen("/dev/null", "w");
    assert_null(xensupport_open_document(TT_SEED, XENSUPPORT_DOC_STRICT,
                                         devnull, err, sizeof(err)));
    assert_int_equal(errno, EILSEQ);
    fclose(devnull);
    assert_null(
        xensupport_open_document("/nonexistent.md", 0, NULL, err, sizeof(err)));
    assert_int_equal(errno, ENOENT);
    /* libxensupport alone compiles no document: ENOSYS, before any I/O. */
    struct xensupport_source doc = {.kind = XENSUPPORT_SOURCE_DOCUMENT,
                                    .path = "/nonexistent.md"};
    assert_null(xensupport_open(&doc, err, sizeof(err)));
    assert_int_equal(errno, ENOSYS);
    assert_non_null(strstr(err, "libxensupport-doc"));
    /* libxensupport-doc opens the other kinds as libxensupport does. */
    struct xensupport_source file = {.kind = XENSUPPORT_SOURCE_FILE,
                                     .path = "/nonexistent/table"};
    assert_null(xensupport_doc_open(&file, err, sizeof(err)));
    assert_int_equal(errno, ENOENT);
    assert_null(xensupport_open_adopt(NULL, 0, XENSUPPORT_SOURCE_MEMORY, err,
                                      sizeof(err)));
    assert_int_equal(errno, EINVAL);
    assert_null(xensupport_open_adopt(calloc(1, 8), 8, XENSUPPORT_SOURCE_FILE,
                                      err, sizeof(err)));
    assert_int_equal(errno, EBADMSG); /* and the blob was freed (ASan) */
    struct xensupport_source hyp = {.kind = XENSUPPORT_SOURCE_HYPERVISOR};
    /* Without Xen (test_hypervisor.c has the rest): not on Xen. */
    if (access("/dev/xen/privcmd", F_OK) && access("/proc/xen/privcmd", F_OK)) {
        assert_null(xensupport_open(&hyp, err, sizeof(err)));
        assert_int_equal(errno, ENODEV);
    }
    struct xensupport_source bad = {.kind = 99};
    assert_null(xensupport_open(&bad, err, sizeof(err)));
    assert_int_equal(errno, EINVAL);
    assert_null(xensupport_open(NULL, NULL, 0));
    assert_int_equal(errno, EINVAL);
    assert_null(xensupport_open_memory(NULL, 0, 0, err, sizeof(err)));
    assert_int_equal(errno, EBADMSG);
    xensupport_close(NULL);
    free(blob);
}

struct S_changes {
    unsigned added, removed, changed;
    char last[256];
};

static int S_count(const struct xensupport_change *c, void *arg)
{
    struct S_changes *n = arg;
    const struct xensupport_row *r = c->a_row ? c->a_row : c->b_row;

    if (c->kind == XENSUPPORT_ROW_ADDED)
        n->added++;
    else if (c->kind == XENSUPPORT_ROW_REMOVED)
        n->removed++;
    else
        n->changed++;
    snprintf(n->last, sizeof(n->last), "%s/%s/%s", c->feature, r->key,
             r->qualifier);
    return 0;
}

static int S_stop(const struct xensupport_change *c, void *arg)
{
    (void)c;
    (void)arg;
    return 42;
}

static void test_compare(void **state)
{
    size_t len;
    uint8_t *blob = tt_seed(&len), *b2 = malloc(len);
    xensupport_table *a, *b;
    struct S_changes n = {0};
    struct xensupport_feature f;
    int id;

    (void)state;
    a = xensupport_open_memory(blob, len, 0, NULL, 0);
    b = xensupport_open_memory(blob, len, 0, NULL, 0);
    assert_int_equal(xensupport_compare(a, b, S_count, &n), 0);
    assert_int_equal(n.added + n.removed + n.changed, 0);
    xensupport_close(b);

    /* IOMMU's AMD row becomes experimental: one change. */
    id = xensupport_lookup(a, "IOMMU");
    assert_int_equal(xensupport_get_feature(a, (unsigned)id, &f), 0);
    memcpy(b2, blob, len);
    struct suptab lay;
    tt_layout(blob, len, &lay);
    size_t row = tt_row_at(&lay, f.first_row);
    unsigned st = 0;
    while (XEN_SUPTAB_LEVEL(b2[tt_status_at(&lay, st) + 3]) !=
           XEN_SUPTAB_LEVEL_EXPERIMENTAL)
        st++;
    assert_int_not_equal(b2[row + 2], st);
    b2[row + 2] = (uint8_t)st; /* a status that reads experimental */
    tt_resign(b2, len);
    b = xensupport_open_memory(b2, len, 0, NULL, 0);
    assert_non_null(b);
    assert_int_equal(xensupport_compare(a, b, S_count, &n), 0);
    assert_int_equal(n.changed, 1);
    assert_int_equal(n.added + n.removed, 0);
    assert_string_equal(n.last, "IOMMU/Status/AMD IOMMU");
    assert_int_equal(xensupport_compare(a, b, S_stop, NULL), 42);
    xensupport_close(b);

    /* Its qualifier becomes "" (ref 0): one row removed, one added. */
    memcpy(b2, blob, len);
    tt_put16(b2, row, 0);
    tt_resign(b2, len);
    b = xensupport_open_memory(b2, len, 0, NULL, 0);
    assert_non_null(b);
    memset(&n, 0, sizeof(n));
    assert_int_equal(xensupport_compare(a, b, S_count, &n), 0);
    assert_int_equal(n.added, 1);
    assert_int_equal(n.removed, 1);
    assert_int_equal(n.changed, 0);
    xensupport_close(b);
    xensupport_close(a);
    free(b2);
    free(blob);
}

static void test_descriptions(void **state)
{
    xensupport_table *t;
    struct xensupport_info in;
    struct xensupport_feature f;

    (void)state;
    t = xensupport_open_document(
        TT_SEED, XENSUPPORT_DOC_QUIET | XENSUPPORT_DOC_DESCRIPTIONS, NULL, NULL,
        0);
    assert_non_null(t);
    xensupport_get_info(t, &in);
    assert_true(in.has_descriptions);
    assert_int_equal(tt_walk(t), SEED_NR_ROWS);
    assert_int_equal(
        xensupport_get_feature(t, (unsigned)xensupport_lookup(t, "x86/PV"), &f),
        0);
    assert_non_null(f.description);
    assert_non_null(strstr(f.description, "Traditional Xen PV guest"));
    xensupport_close(t);
}

static void test_timing(void **state)
{
    size_t len;
    uint8_t *blob = tt_seed(&len);
    struct timespec t0, t1;
    const int rounds = 2000;

    (void)state;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < rounds; i++) {
        xensupport_table *t =
            xensupport_open_memory(blob, len, XENSUPPORT_BORROW, NULL, 0);
        assert_non_null(t);
        xensupport_close(t);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) /
                1e3 / rounds;
    printf("seed table: %zu bytes, open+validate %.1f us (mean of %d)\n", len,
           us, rounds);
    free(blob);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_walk),
        cmocka_unit_test(test_lookup_every_name),
        cmocka_unit_test(test_facts_and_rows),
        cmocka_unit_test(test_sources),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_descriptions),
        cmocka_unit_test(test_timing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
