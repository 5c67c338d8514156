/*
 * test_conventions.c: the xen-support command's conventions: --help for
 * every command, options refused where they would do nothing, list
 * --parseable, xl-style info keys, colour rules, and the release's
 * support terms in info and check (today set by XEN_SUPPORT_TODAY).
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
#include "tt_util.h"

#define DOC "--document " TT_SEED " "

static const char *const S_cmds[] = {"info", "list",   "show",  "check", "dump",
                                     "diff", "status", "audit", "load"};

/* A statement of Xen 4.17's dates, written into the scratch folder. */
static void S_write_417(void)
{
    char path[64];
    FILE *f;

    snprintf(path, sizeof(path), "%s/417.md", tt_dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("# Release Support\n\n"
          "    Xen-Version: 4.17\n"
          "    Initial-Release: 2022-12-12\n"
          "    Supported-Until: 2024-06-12\n"
          "    Security-Support-Until: 2025-12-12\n\n"
          "# Feature Support\n\n## Resource Management\n\n"
          "### Credit Scheduler\n\n    Status: Supported\n\n"
          "### RTDS based Scheduler\n\n    Status: Experimental\n",
          f);
    fclose(f);
}

static void test_help(void **state)
{
    char want[64];

    (void)state;
    for (size_t i = 0; i < sizeof(S_cmds) / sizeof(S_cmds[0]); i++) {
        snprintf(want, sizeof(want), "usage: xen-support %s", S_cmds[i]);
        assert_int_equal(tt_run("%s --help", S_cmds[i]), 0);
        assert_memory_equal(tt_out, want, strlen(want));
        assert_string_equal(tt_err, "");
        assert_int_equal(tt_run("%s -h", S_cmds[i]), 0);
        assert_memory_equal(tt_out, want, strlen(want));
    }
    assert_int_equal(tt_run("--help"), 0);
    assert_non_null(strstr(tt_out, "commands:"));
    assert_int_equal(tt_run("--version"), 0);
    assert_non_null(strstr(tt_out, "table format 2"));
}

static void test_refused_options(void **state)
{
    (void)state;
    assert_int_equal(tt_run(DOC "dump --json -o %s/t.bin", tt_dir), 2);
    tt_one_line_error("--json is not supported");
    assert_int_equal(tt_run(DOC "status"), 2);
    tt_one_line_error("--document, --table and --hypfs do not apply");
    assert_int_equal(tt_run("--hypfs status"), 2);
    tt_one_line_error("--document, --table and --hypfs do not apply");
    assert_int_equal(tt_run(DOC "--hypfs info"), 2);
    tt_one_line_error("--hypfs reads the hypervisor: not with --document");
    assert_int_equal(tt_run("--json status"), 2);
    tt_one_line_error("--json is not supported");
    assert_int_equal(tt_run("--strict info"), 2);
    tt_one_line_error("--strict applies only to --document");
    assert_int_equal(tt_run("--table x --descriptions show rtds"), 2);
    tt_one_line_error("--descriptions applies only to --document");
    assert_int_equal(tt_run(DOC "check --json -q credit"), 2);
    tt_one_line_error("exclude each other");
    assert_int_equal(tt_run(DOC "list --json --parseable"), 2);
    tt_one_line_error("exclude each other");
    assert_int_equal(tt_run(DOC "list --frobnicate"), 2);
    tt_one_line_error("unknown option '--frobnicate'");
}

static void test_parseable(void **state)
{
    unsigned lines = 0;

    (void)state;
    assert_int_equal(tt_run(DOC "list --parseable --arch all"), 0);
    assert_null(strstr(tt_out, "FEATURE"));
    for (char *l = tt_out; *l;) {
        char *nl = strchr(l, '\n');
        unsigned tabs = 0;
        assert_non_null(nl);
        for (char *p = l; p < nl; p++) {
            tabs += *p == '\t';
            assert_false(p[0] == '\t' && (p[1] == '\t' || p[1] == '\n'));
        }
        assert_int_equal(tabs, 7);
        lines++;
        l = nl + 1;
    }
    assert_int_equal(lines, SEED_NR_ROWS);
    assert_int_equal(tt_run(DOC "list --parseable --level experimental"), 0);
    assert_non_null(strstr(tt_out, "\tStatus\t-\texperimental\tno\t"));
}

/* Every info line: a key of at most 22 columns, padded, then " : ". */
static void S_xl_lines(const char *out)
{
    for (const char *l = out; *l;) {
        const char *nl = strchr(l, '\n');
        assert_non_null(nl);
        assert_true(nl - l > 25);
        if (l[22] != ' ' || l[23] != ':' || l[24] != ' ')
            fail_msg("not an xl info line: %.*s", (int)(nl - l), l);
        l = nl + 1;
    }
}

static void test_info_lines(void **state)
{
    char cmd[128];

    (void)state;
    assert_int_equal(tt_run(DOC "info"), 0);
    S_xl_lines(tt_out);
    assert_non_null(strstr(tt_out, "table_compat_version   : 2\n"));
    /* A statement with no release facts: the four keys say n/a. */
    snprintf(cmd, sizeof(cmd),
             "printf '# Feature Support\\n\\n## S\\n\\n### F\\n\\n    "
             "Status: Supported\\n' >%s/bare.md",
             tt_dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(tt_run("--document %s/bare.md info", tt_dir), 0);
    S_xl_lines(tt_out);
    assert_non_null(strstr(tt_out, "xen_version            : n/a\n"));
    assert_non_null(strstr(tt_out, "security_support_until : n/a\n"));
    assert_non_null(strstr(tt_out, "security_support       : n/a\n"));
}

static void test_colour(void **state)
{
    (void)state;
    /* A terminal through script(1): colour unless NO_COLOR or TERM=dumb. */
    assert_int_equal(tt_run("--version"), 0);
    static const char *const env[] = {"TERM=xterm", "TERM=dumb",
                                      "TERM=xterm NO_COLOR=1"};
    for (size_t i = 0; i < 3; i++) {
        char cmd[512], path[64];
        snprintf(cmd, sizeof(cmd),
                 "env %s script -qec '%s " DOC "list' /dev/null >%s/tty",
                 env[i], tt_bin, tt_dir);
        assert_int_equal(system(cmd), 0);
        snprintf(path, sizeof(path), "%s/tty", tt_dir);
        char *out = tt_slurp(path, NULL);
        assert_non_null(out);
        assert_non_null(strstr(out, "Credit Scheduler"));
        if ((strstr(out, "\033[") != NULL) != (i == 0))
            fail_msg("colour %s under %s", i ? "on" : "off", env[i]);
        free(out);
    }
    assert_int_equal(tt_run("--document %s list", TT_SEED), 0);
    assert_null(strstr(tt_out, "\033["));
}

static void test_lifecycle(void **state)
{
    (void)state;
    S_write_417();
    setenv("XEN_SUPPORT_TODAY", "2026-12-02", 1);
    assert_int_equal(tt_run("--document %s/417.md info", tt_dir), 0);
    assert_non_null(strstr(tt_out, "security_support       : ended "
                                   "2025-12-12 (355 days ago)\n"));
    setenv("XEN_SUPPORT_TODAY", "2025-12-12", 1);
    assert_int_equal(tt_run("--document %s/417.md info", tt_dir), 0);
    assert_non_null(strstr(tt_out, "security_support       : until "
                                   "2025-12-12 (0 days left)\n"));
    assert_non_null(strstr(tt_out, "general_support        : ended "
                                   "2024-06-12 (548 days ago)\n"));
    assert_int_equal(tt_run("--document %s/417.md check credit --require "
                            "security-supported",
                            tt_dir),
                     0);
    assert_int_equal(
        tt_run("--document %s/417.md check credit --require supported", tt_dir),
        1);
    assert_non_null(strstr(tt_out, "general support ended on 2024-06-12"));
    setenv("XEN_SUPPORT_TODAY", "2025-12-13", 1);
    assert_int_equal(tt_run("--document %s/417.md check credit --require "
                            "security-supported",
                            tt_dir),
                     1);
    assert_string_equal(tt_out, "Credit Scheduler: does not meet "
                                "security-supported (the release's security "
                                "support ended on 2025-12-12)\n");
    setenv("XEN_SUPPORT_TODAY", "2024-06-12", 1);
    assert_int_equal(tt_run("--document %s/417.md check credit", tt_dir), 0);
    setenv("XEN_SUPPORT_TODAY", "12/12/2025", 1);
    assert_int_equal(tt_run("--document %s/417.md check credit", tt_dir), 2);
    tt_one_line_error("XEN_SUPPORT_TODAY=12/12/2025: expected a date");
    unsetenv("XEN_SUPPORT_TODAY");
}

static void test_check_json(void **state)
{
    char errbuf[128];
    const char *meets[] = {"meets", NULL};
    const char *sec[] = {"lifecycle", "security", "state", NULL};
    const char *days[] = {"lifecycle", "security", "days", NULL};
    const char *failing[] = {"failing", NULL};

    (void)state;
    S_write_417();
    setenv("XEN_SUPPORT_TODAY", "2026-12-02", 1);
    assert_int_equal(tt_run("--document %s/417.md check rtds --json", tt_dir),
                     1);
    unsetenv("XEN_SUPPORT_TODAY");
    yajl_val v = yajl_tree_parse(tt_out, errbuf, sizeof(errbuf));
    assert_non_null(v);
    assert_true(YAJL_IS_FALSE(yajl_tree_get(v, meets, yajl_t_any)));
    assert_string_equal(YAJL_GET_STRING(yajl_tree_get(v, sec, yajl_t_string)),
                        "ended");
    assert_int_equal(YAJL_GET_INTEGER(yajl_tree_get(v, days, yajl_t_number)),
                     -355);
    yajl_val f = yajl_tree_get(v, failing, yajl_t_array);
    assert_non_null(f);
    assert_int_equal(YAJL_GET_ARRAY(f)->len, 1);
    yajl_tree_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help),
        cmocka_unit_test(test_refused_options),
        cmocka_unit_test(test_parseable),
        cmocka_unit_test(test_info_lines),
        cmocka_unit_test(test_colour),
        cmocka_unit_test(test_lifecycle),
        cmocka_unit_test(test_check_json),
    };
    return cmocka_run_group_tests(tests, tt_cli_setup, tt_cli_teardown);
}
