/*
 * test_diff.c: "xen-support diff" on made-up statements: a header naming
 * both sides, release facts (which alone make --exit-code exit 1), a
 * heading renamed between releases followed by its stable key, features
 * added and removed in their sections' places, row changes; and the
 * --json form of the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <yajl/yajl_tree.h>

#include "tt_cli.h"

static void S_write(const char *name, const char *text)
{
    char path[64];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", tt_dir, name);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

#define REL(v, sec)                                                            \
    "# Release Support\n\n    Xen-Version: " v "\n"                            \
    "    Security-Support-Until: " sec "\n\n# Feature Support\n\n"

static const char S_a[] = REL(
    "4.10",
    "2021-06-18") "## Guest Type\n\n### x86/PV\n\n    Status: Supported\n\n"
                  "### x86/PVH guest\n\n    Status: Supported\n\n"
                  "## Resource Management\n\n### Credit Scheduler\n\n    Status: Supported\n\n"
                  "### Old Thing\n\n    Status: Experimental\n\n"
                  "### RTDS based Scheduler\n\n    Status: Experimental\n";

static const char S_b[] = REL(
    "4.11",
    "2021-07-10") "## Guest Type\n\n### x86/PV\n\n    Status: Supported\n\n"
                  "### x86/PVH\n\n    Status: Supported\n\n"
                  "## Resource Management\n\n### Credit Scheduler\n\n    Status: Supported\n\n"
                  "### New Thing\n\n    Status: Tech Preview\n\n"
                  "### RTDS based Scheduler\n\n    Status: Supported\n";

static void test_fact_only(void **state)
{
    (void)state;
    S_write("a.md", S_a);
    S_write(
        "a2.md",
        REL("4.10",
            "2021-12-18") "## Guest Type\n\n"
                          "### x86/PV\n\n    Status: Supported\n\n"
                          "### x86/PVH guest\n\n    Status: Supported\n\n"
                          "## Resource Management\n\n### Credit Scheduler\n\n"
                          "    Status: Supported\n\n### Old Thing\n\n"
                          "    Status: Experimental\n\n### RTDS based Scheduler\n\n"
                          "    Status: Experimental\n");
    assert_int_equal(
        tt_run("diff --exit-code %s/a.md %s/a2.md", tt_dir, tt_dir), 1);
    char want[256];
    snprintf(want, sizeof(want),
             "--- %s/a.md (document, Xen 4.10)\n"
             "+++ %s/a2.md (document, Xen 4.10)\n"
             "~ fact Security-Support-Until: 2021-06-18 -> 2021-12-18\n",
             tt_dir, tt_dir);
    assert_string_equal(tt_out, want);
    assert_int_equal(tt_run("diff --exit-code %s/a.md %s/a.md", tt_dir, tt_dir),
                     0);
    assert_non_null(strstr(tt_out, "no differences"));
}

static void test_order_and_renames(void **state)
{
    (void)state;
    S_write("a.md", S_a);
    S_write("b.md", S_b);
    assert_int_equal(tt_run("diff %s/a.md --document %s/b.md", tt_dir, tt_dir),
                     0);
    const char *body = strstr(tt_out, "+++ ");
    assert_non_null(body);
    body = strchr(body, '\n') + 1;
    assert_string_equal(
        body,
        "~ fact Xen-Version: 4.10 -> 4.11\n"
        "~ fact Security-Support-Until: 2021-06-18 -> 2021-07-10\n"
        "~ feature Guest Type / x86/PVH guest => Guest Type / x86/PVH "
        "(renamed; key PVH)\n"
        "+ feature Resource Management / New Thing\n"
        "+ Resource Management / New Thing: Status: Tech Preview\n"
        "- feature Resource Management / Old Thing\n"
        "- Resource Management / Old Thing: Status: Experimental\n"
        "~ Resource Management / RTDS based Scheduler: Status: Experimental "
        "-> Supported (level experimental -> supported, security no -> "
        "yes)\n");
}

static void test_json(void **state)
{
    char errbuf[128];
    const char *changes[] = {"changes", NULL};
    const char *asrc[] = {"a_source", NULL};

    (void)state;
    S_write("a.md", S_a);
    S_write("b.md", S_b);
    assert_int_equal(
        tt_run("diff --json --exit-code %s/a.md %s/b.md", tt_dir, tt_dir), 1);
    yajl_val v = yajl_tree_parse(tt_out, errbuf, sizeof(errbuf));
    assert_non_null(v);
    const char *a = YAJL_GET_STRING(yajl_tree_get(v, asrc, yajl_t_string));
    assert_non_null(a);
    assert_non_null(strstr(a, "/a.md"));
    yajl_val ch = yajl_tree_get(v, changes, yajl_t_array);
    assert_non_null(ch);
    assert_int_equal(YAJL_GET_ARRAY(ch)->len, 8);
    const char *kind[] = {"change", NULL}, *key[] = {"key", NULL};
    const char *was[] = {"a_feature", NULL};
    yajl_val ren = YAJL_GET_ARRAY(ch)->values[2];
    assert_string_equal(
        YAJL_GET_STRING(yajl_tree_get(ren, kind, yajl_t_string)),
        "feature-renamed");
    assert_string_equal(YAJL_GET_STRING(yajl_tree_get(ren, key, yajl_t_string)),
                        "PVH");
    assert_string_equal(YAJL_GET_STRING(yajl_tree_get(ren, was, yajl_t_string)),
                        "x86/PVH guest");
    yajl_tree_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fact_only),
        cmocka_unit_test(test_order_and_renames),
        cmocka_unit_test(test_json),
    };
    return cmocka_run_group_tests(tests, tt_cli_setup, tt_cli_teardown);
}
