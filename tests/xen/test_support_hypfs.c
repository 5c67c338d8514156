/*
 * test_support_hypfs.c: the hypfs view (xen-side/common/support_hypfs.c)
 * as the hypervisor builds it, hosted: /support/table is the linked
 * table byte for byte, /support/policy says the support= policy, and
 * /support/record has the record's counts in a size that never changes.
 * argv[1] is the document compiled in.
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
#include <xen/hypfs.h>
#include <public/sysctl.h>
#include <xen/support.h>

#include "xt_util.h"

static const char *doc = "docs/SUPPORT.md";
static uint8_t *want; /* the generator's blob for doc */
static size_t want_len;

/*
 * A fresh hypfs tree, with the nodes the initcalls add.  The policy text
 * is allocated by the initcall, once per boot in Xen: these boots free
 * the previous one.
 */
static void boot(void)
{
    free((void *)hosted_hypfs_content("/support/policy"));
    hosted_reset();
    assert_int_equal(hosted_initcall_support_table_init(), 0);
    assert_int_equal(hosted_initcall_support_hypfs_init(), 0);
}

/* Read path; its type must be type.  The content, NUL-added, malloc()ed. */
static char *read_node(const char *path, unsigned type, size_t *size)
{
    unsigned got_type = ~0U;
    void *buf = NULL;
    char *copy;

    assert_int_equal(hosted_hypfs_read(path, &got_type, &buf, size), 0);
    assert_int_equal(got_type, type);
    copy = malloc(*size + 1);
    assert_non_null(copy);
    memcpy(copy, buf, *size);
    copy[*size] = '\0';
    free(buf);
    return copy;
}

static void test_table(void **state)
{
    size_t size;
    char *t;

    (void)state;
    boot();
    t = read_node("/support/table", XEN_HYPFS_TYPE_BLOB, &size);
    assert_int_equal(size, want_len);
    assert_memory_equal(t, want, want_len);
    free(t);
}

static void test_paths(void **state)
{
    unsigned type;
    void *buf;
    size_t size;

    (void)state;
    boot();
    assert_int_equal(hosted_hypfs_read("/support/none", &type, &buf, &size),
                     -ENOENT);
    assert_int_equal(hosted_hypfs_read("/support", &type, &buf, &size),
                     -EISDIR);
    assert_int_equal(hosted_hypfs_read("/supportx/table", &type, &buf, &size),
                     -ENOENT);
}

/* Strings are NUL-terminated and their size counts the NUL. */
static void test_policy_default(void **state)
{
    size_t size;
    char *p;

    (void)state;
    boot();
    p = read_node("/support/policy", XEN_HYPFS_TYPE_STRING, &size);
    assert_string_equal(p, "warn\nstrict\n");
    assert_int_equal(size, strlen(p) + 1);
    free(p);
}

static unsigned field(const char *text, const char *name)
{
    const char *at = strstr(text, name);
    unsigned v = ~0U;

    assert_non_null(at);
    assert_int_equal(sscanf(at + strlen(name), " %u", &v), 1);
    return v;
}

/* The counts follow the record; the size stays what getsize said. */
static void test_record(void **state)
{
    char *r;
    size_t size, size0;
    unsigned i;

    (void)state;
    boot();
    r = read_node("/support/record", XEN_HYPFS_TYPE_STRING, &size0);
    assert_int_equal(strlen(r) + 1, size0);
    assert_int_equal(field(r, "events"), 0);
    assert_int_equal(field(r, "max"), XEN_SUPPORT_EVENTS_MAX);
    free(r);

    for (i = 0; i < 3; i++)
        assert_int_equal(support_record(i, XEN_SUPPORT_ROW_NONE,
                                        XEN_SUPPORT_DECISION_WARNED,
                                        XEN_SUPPORT_ORIGIN_RUNTIME, 0, "t"),
                         0);
    r = read_node("/support/record", XEN_HYPFS_TYPE_STRING, &size);
    assert_int_equal(size, size0);
    assert_int_equal(strlen(r) + 1, size);
    assert_int_equal(field(r, "events"), 3);
    assert_int_equal(field(r, "lost"), 0);
    assert_true(field(r, "generation") >= 3);
    free(r);
}

/* support= as given: the policy, strict, and each exemption by name. */
static void test_policy_refuse(void **state)
{
    char name[128], expect[200];
    size_t size;
    char *p;
    int id;

    (void)state;
    assert_int_equal(hosted_param_parse_support("refuse,no-strict"), 0);
    assert_int_equal(hosted_param_parse_support("exempt:x86-64"), 0);
    id = xt_feature_by_name("x86-64");
    assert_true(id >= 0);
    assert_true(support_feature_name((unsigned)id, name, sizeof(name)) > 0);
    boot();
    p = read_node("/support/policy", XEN_HYPFS_TYPE_STRING, &size);
    snprintf(expect, sizeof(expect), "refuse\nno-strict\nexempt:%s\n", name);
    assert_string_equal(p, expect);
    free(p);
    free((void *)hosted_hypfs_content("/support/policy"));
    hosted_hypfs_reset();
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),          cmocka_unit_test(test_paths),
        cmocka_unit_test(test_policy_default), cmocka_unit_test(test_record),
        cmocka_unit_test(test_policy_refuse),
    };
    int rc;

    if (argc > 1)
        doc = argv[1];
    want = xt_compile(doc, &want_len);
    rc = cmocka_run_group_tests_name("support_hypfs", tests, NULL, NULL);
    free(want);
    return rc;
}
