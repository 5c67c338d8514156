/*
 * test_cli.c: the xen-support command end to end: golden outputs
 * (tests/tools/golden, reviewed when regenerated), the list --json
 * shape, exit codes, one-line error messages, dump, diff.  XS_BIN names
 * the binary; XS_UPDATE_GOLDEN=1 rewrites the golden files (`make
 * golden` does; review the diff, never edit them by hand).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <yajl/yajl_tree.h>

#include "tt_cli.h"
#include "tt_util.h"

#define GOLDEN "tests/tools/golden/"
#define DOC    "--document " TT_SEED " "

/* Lines whose values depend on the writer's exact bytes are masked. */
static void S_mask(char *s)
{
    static const char *const keys[] = {"table_size ", "table_checksum "};

    for (char *line = s; line && *line;) {
        char *nl = strchr(line, '\n');
        for (size_t k = 0; k < 2; k++)
            if (!strncmp(line, keys[k], strlen(keys[k]))) {
                char *colon = strstr(line, ": ");
                for (char *p = colon + 2; p < (nl ? nl : p + strlen(p)); p++)
                    *p = '*';
            }
        line = nl ? nl + 1 : NULL;
    }
}

static void S_golden(const char *name, const char *actual)
{
    char path[256];
    char *want, *got;

    snprintf(path, sizeof(path), GOLDEN "%s", name);
    if (getenv("XS_UPDATE_GOLDEN")) {
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(actual, f);
        fclose(f);
        return;
    }
    want = tt_slurp(path, NULL);
    if (!want)
        fail_msg("missing golden file %s", path);
    got = strdup(actual);
    S_mask(want);
    S_mask(got);
    if (strcmp(want, got)) {
        fprintf(stderr, "--- %s\n+++ actual\n%s", path, actual);
        fail_msg("output differs from %s", path);
    }
    free(want);
    free(got);
}

static void test_golden(void **state)
{
    (void)state;
    assert_int_equal(tt_run(DOC "info"), 0);
    assert_string_equal(tt_err, "");
    S_golden("info.txt", tt_out);
    assert_int_equal(tt_run(DOC "list"), 0);
    S_golden("list.txt", tt_out);
    assert_int_equal(tt_run(DOC "list --arch arm --level experimental"), 0);
    S_golden("list-arm-experimental.txt", tt_out);
    assert_int_equal(tt_run(DOC "list --json"), 0);
    S_golden("list.json", tt_out);
    assert_int_equal(tt_run(DOC "show iommu"), 0);
    S_golden("show-iommu.txt", tt_out);
    assert_int_equal(tt_run(DOC "show --json 'Host ACPI (via Domain 0)'"), 0);
    S_golden("show-host-acpi.json", tt_out);
    assert_int_equal(tt_run(DOC "show iommmu"), 2);
    assert_string_equal(tt_out, "");
    S_golden("show-unknown.err", tt_err);
    tt_one_line_error("did you mean 'IOMMU'");
}

static void test_list_json_shape(void **state)
{
    char ebuf[256];
    const char *rel[] = {"release", NULL}, *feats[] = {"features", NULL};
    yajl_val root, r, f;
    unsigned rows = 0;

    (void)state;
    assert_int_equal(tt_run(DOC "list --json"), 0);
    root = yajl_tree_parse(tt_out, ebuf, sizeof(ebuf));
    assert_non_null(root);
    assert_true(YAJL_IS_OBJECT(root) && root->u.object.len == 2);
    r = yajl_tree_get(root, rel, yajl_t_object);
    assert_non_null(r);
    assert_int_equal(r->u.object.len, 4);
    const char *xv[] = {"xen_version", NULL};
    assert_string_equal(YAJL_GET_STRING(yajl_tree_get(r, xv, yajl_t_string)),
                        "4.10-unstable");
    f = yajl_tree_get(root, feats, yajl_t_array);
    assert_non_null(f);
    for (size_t i = 0; i < f->u.array.len; i++) {
        yajl_val feat = f->u.array.values[i];
        const char *k[] = {"rows", NULL}, *s[] = {"section", NULL},
                   *n[] = {"feature", NULL};
        assert_int_equal(feat->u.object.len, 3);
        assert_non_null(yajl_tree_get(feat, s, yajl_t_string));
        assert_non_null(yajl_tree_get(feat, n, yajl_t_string));
        yajl_val rs = yajl_tree_get(feat, k, yajl_t_array);
        assert_non_null(rs);
        for (size_t j = 0; j < rs->u.array.len; j++) {
            yajl_val row = rs->u.array.values[j];
            static const char *const keys[] = {"key",   "qualifier", "value",
                                               "level", "security",  "caveats",
                                               "arch"};
            assert_int_equal(row->u.object.len, 7);
            for (size_t m = 0; m < 7; m++)
                assert_string_equal(row->u.object.keys[m], keys[m]);
            rows++;
        }
    }
    assert_int_equal(rows, SEED_NR_ROWS);
    yajl_tree_free(root);
}

static void test_check(void **state)
{
    (void)state;
    assert_int_equal(tt_run(DOC "check IOMMU"), 0);
    assert_string_equal(tt_out, "IOMMU: meets supported\n");
    assert_int_equal(tt_run(DOC "check iommu --arch x86 --require "
                                "security-supported"),
                     0);
    assert_int_equal(tt_run(DOC "check 'Host ACPI (via Domain 0)'"), 1);
    assert_string_equal(tt_out, "Host ACPI (via Domain 0): does not meet "
                                "supported (Status, ARM: Experimental)\n");
    assert_int_equal(tt_run(DOC "check 'host acpi (via domain 0)' --arch x86"),
                     0);
    assert_int_equal(tt_run(DOC "check 'Host ACPI (via Domain 0)' --arch arm"),
                     1);
    assert_int_equal(tt_run(DOC "check gdbsx --require security-supported -q"),
                     1);
    assert_string_equal(tt_out, "");
    assert_int_equal(tt_run(DOC "check gdbsx"), 0);
    /* ARM only: nothing applies on x86. */
    assert_int_equal(tt_run(DOC "check 'ARM/GICv3 ITS' --arch x86"), 1);
    assert_non_null(strstr(tt_out, "no status row applies"));
    assert_int_equal(tt_run(DOC "check no-such-feature"), 2);
    tt_one_line_error("unknown feature 'no-such-feature'");
    assert_int_equal(tt_run(DOC "check iommu --require gold"), 2);
    tt_one_line_error("--require gold");
    assert_int_equal(tt_run(DOC "check iommu --arch riscv"), 2);
    tt_one_line_error("--arch riscv");
}

static void test_errors(void **state)
{
    char cmd[512];

    (void)state;
    assert_int_equal(tt_run("%s", ""), 2);
    assert_int_equal(tt_run("frobnicate"), 2);
    tt_one_line_error("frobnicate");
    assert_int_equal(tt_run(DOC "list --bogus"), 2);
    tt_one_line_error("--bogus");
    assert_int_equal(tt_run(DOC "list --level gold"), 2);
    tt_one_line_error("--level gold");
    assert_int_equal(tt_run(DOC "--table x.bin info"), 2);
    tt_one_line_error("x.bin: only one source");
    assert_int_equal(tt_run("--help"), 0);
    assert_non_null(strstr(tt_out, "usage:"));

    /* Missing, a directory (unreadable as a file, even for root), a
       path through a file. */
    assert_int_equal(tt_run("--table /nonexistent/t.bin info"), 2);
    tt_one_line_error("/nonexistent/t.bin: No such file or directory");
    assert_int_equal(tt_run("--document /nonexistent/S.md info"), 2);
    tt_one_line_error("/nonexistent/S.md");
    assert_int_equal(tt_run("--table %s info", tt_dir), 2);
    tt_one_line_error("Is a directory");
    assert_int_equal(tt_run("--document %s info", tt_dir), 2);
    tt_one_line_error(tt_dir);
    assert_int_equal(tt_run("--table " TT_SEED "/x info"), 2);
    tt_one_line_error("Not a directory");

    /* Empty input. */
    snprintf(cmd, sizeof(cmd), ": > %s/empty", tt_dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(tt_run("--table %s/empty info", tt_dir), 3);
    tt_one_line_error("invalid table: truncated");
    assert_int_equal(tt_run("--document %s/empty info", tt_dir), 1);
    assert_non_null(strstr(tt_err, "empty: the document has errors"));

    /* Not UTF-8. */
    snprintf(cmd, sizeof(cmd),
             "printf '# Feature Support\\n\\n## S\\n\\n### \\377\\376\\n' "
             "> %s/bad.md",
             tt_dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(tt_run("--document %s/bad.md info", tt_dir), 1);
    assert_non_null(strstr(tt_err, "bad.md:5:"));
    assert_non_null(strstr(tt_err, "xen-support: "));
    assert_int_equal(tt_run("--table %s/bad.md info", tt_dir), 3);
    tt_one_line_error("bad magic");

    /* A table with a wrong byte. */
    size_t len;
    uint8_t *blob = tt_seed(&len);
    blob[len / 2] ^= 0x20;
    snprintf(cmd, sizeof(cmd), "%s/corrupt.bin", tt_dir);
    FILE *f = fopen(cmd, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(blob, 1, len, f), len);
    fclose(f);
    free(blob);
    assert_int_equal(tt_run("--table %s info", cmd), 3);
    tt_one_line_error("checksum mismatch");

    /* Strict: the seed's oddities become errors. */
    assert_int_equal(tt_run(DOC "--strict info"), 1);
    assert_non_null(strstr(tt_err, "docs/SUPPORT.md:216:22: error:"));
}

/*
 * No source option: the running hypervisor.  On a machine without Xen
 * (skipped where a privcmd device exists) every command says so in one
 * line, keeps pointing at --document / --table, and exits 4.
 */
static void test_no_source_no_xen(void **state)
{
    static const char *const cmds[] = {
        "info",        "list",        "show iommu",
        "check iommu", "list --json", "dump -o /tmp/never-written.bin"};

    (void)state;
    if (!access("/dev/xen/privcmd", F_OK) || !access("/proc/xen/privcmd", F_OK))
        skip();
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        assert_int_equal(tt_run("%s", cmds[i]), 4);
        tt_one_line_error("not running on Xen: no /dev/xen/privcmd");
        tt_one_line_error("--document PATH");
        tt_one_line_error("--table PATH");
        assert_string_equal(tt_out, "");
    }
    assert_int_equal(access("/tmp/never-written.bin", F_OK), -1);
    /* A source option still wins, and usage errors come first. */
    assert_int_equal(tt_run(DOC "info"), 0);
    assert_int_equal(tt_run("list --level gold"), 2);
    assert_int_equal(tt_run("--help"), 0);
    assert_non_null(strstr(tt_out, "4 not on Xen"));
}

/*
 * load checks its file before it asks the hypervisor: a missing file, a
 * device without end, a file that is not a table, each with its exit and
 * one line naming the path; a good table then needs Xen.
 */
static void test_load_offline(void **state)
{
    char tab[128], junk[128];
    FILE *f;

    (void)state;
    snprintf(tab, sizeof(tab), "%s/load.bin", tt_dir);
    snprintf(junk, sizeof(junk), "%s/junk.bin", tt_dir);
    assert_int_equal(tt_run(DOC "dump -o %s", tab), 0);
    f = fopen(junk, "w");
    assert_non_null(f);
    fputs("# Not a table\n", f);
    fclose(f);

    assert_int_equal(tt_run("load"), 2);
    tt_one_line_error("usage: xen-support load");
    assert_int_equal(tt_run("load %s/missing.bin", tt_dir), 2);
    tt_one_line_error("missing.bin: No such file or directory");
    assert_int_equal(tt_run("load /dev/zero"), 2);
    tt_one_line_error("/dev/zero: larger than 1048576 bytes");
    assert_int_equal(tt_run("load %s", junk), 3);
    tt_one_line_error("junk.bin: not a valid support table");
    assert_int_equal(tt_run(DOC "load %s", tab), 2);
    tt_one_line_error("--document");
    if (!access("/dev/xen/privcmd", F_OK) || !access("/proc/xen/privcmd", F_OK))
        return;
    assert_int_equal(tt_run("load %s", tab), 4);
    tt_one_line_error("not running on Xen");
    /* Unchecked, the junk goes to the hypervisor: here, none. */
    assert_int_equal(tt_run("load --no-verify %s", junk), 4);
}

static void test_dump_and_diff(void **state)
{
    char path[256];
    size_t len, dlen;
    uint8_t *blob = tt_seed(&len);
    char *dumped;

    (void)state;
    snprintf(path, sizeof(path), "%s/t.bin", tt_dir);
    assert_int_equal(tt_run(DOC "dump -o %s", path), 0);
    dumped = tt_slurp(path, &dlen);
    assert_non_null(dumped);
    assert_int_equal(dlen, len);
    assert_memory_equal(dumped, blob, len);
    free(dumped);

    /* The table reads back the same as the document. */
    assert_int_equal(tt_run("--table %s list", path), 0);
    S_golden("list.txt", tt_out);
    assert_int_equal(tt_run("--table %s info", path), 0);
    assert_non_null(strstr(tt_out, "table_source           : table file\n"));

    /* Dump into a missing folder: error, nothing left behind. */
    assert_int_equal(tt_run(DOC "dump -o %s/no/t.bin", tt_dir), 2);
    tt_one_line_error("/no/t.bin");
    assert_int_equal(tt_run(DOC "dump"), 2);

    /* Diff: positional paths (kind by magic) and options. */
    assert_int_equal(tt_run("diff %s " TT_SEED, path), 0);
    assert_non_null(strstr(tt_out, "\nno differences\n"));
    assert_memory_equal(tt_out, "--- ", 4);
    assert_int_equal(
        tt_run("diff --exit-code --table %s --document " TT_SEED, path), 0);

    /* One row changed in level: IOMMU's first row becomes experimental. */
    xensupport_table *t = xensupport_open_memory(blob, len, 0, NULL, 0);
    struct xensupport_feature f;
    assert_int_equal(
        xensupport_get_feature(t, (unsigned)xensupport_lookup(t, "IOMMU"), &f),
        0);
    xensupport_close(t);
    /* The row takes a status that reads experimental, not supported. */
    struct suptab lay;
    char value[64], want[256];
    unsigned st = 0;
    tt_layout(blob, len, &lay);
    while (XEN_SUPTAB_LEVEL(blob[tt_status_at(&lay, st) + 3]) !=
               XEN_SUPTAB_LEVEL_EXPERIMENTAL ||
           XEN_SUPTAB_SEC(blob[tt_status_at(&lay, st) + 3]) !=
               XEN_SUPTAB_SEC_NO)
        st++;
    assert_true(suptab_str_copy(&lay, tt_get16(blob, tt_status_at(&lay, st)),
                                value, sizeof(value)) > 0);
    blob[tt_row_at(&lay, f.first_row) + 2] = (uint8_t)st;
    tt_resign(blob, len);
    snprintf(path, sizeof(path), "%s/t2.bin", tt_dir);
    FILE *o = fopen(path, "wb");
    assert_int_equal(fwrite(blob, 1, len, o), len);
    fclose(o);
    assert_int_equal(tt_run("diff --exit-code " TT_SEED " %s", path), 1);
    snprintf(want, sizeof(want),
             "~ Host hardware support / IOMMU: Status, AMD IOMMU: Supported "
             "-> %s (level supported -> experimental, security yes -> no)\n",
             value);
    assert_non_null(strstr(tt_out, want));
    assert_int_equal(tt_run("diff --json " TT_SEED " %s", path), 0);
    assert_non_null(strstr(tt_out, "\"change\": \"changed\""));
    assert_int_equal(tt_run("diff " TT_SEED), 2);
    tt_one_line_error("usage");
    free(blob);
}

static void test_sub_features(void **state)
{
    char cmd[512];

    (void)state;
    snprintf(cmd, sizeof(cmd),
             "printf '# Feature Support\\n\\n## Sec\\n\\n### Parent\\n\\n"
             "    Status: Supported\\n\\n#### Child\\n\\n"
             "    Status, ARM: Experimental\\n' > %s/sub.md",
             tt_dir);
    assert_int_equal(system(cmd), 0);
    assert_int_equal(tt_run("--document %s/sub.md list", tt_dir), 0);
    assert_non_null(strstr(tt_out, "\n  Parent "));
    assert_non_null(strstr(tt_out, "\n    Child "));
    assert_int_equal(tt_run("--document %s/sub.md show parent", tt_dir), 0);
    assert_non_null(strstr(tt_out, "  contains: Child\n"));
    assert_int_equal(tt_run("--document %s/sub.md show CHILD", tt_dir), 0);
    assert_non_null(strstr(tt_out, "  parent:   Parent\n"));
    assert_int_equal(tt_run("--document %s/sub.md check child", tt_dir), 1);
    assert_int_equal(
        tt_run("--document %s/sub.md check child --arch x86", tt_dir), 1);
    assert_non_null(strstr(tt_out, "no status row applies"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden),
        cmocka_unit_test(test_list_json_shape),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_no_source_no_xen),
        cmocka_unit_test(test_load_offline),
        cmocka_unit_test(test_dump_and_diff),
        cmocka_unit_test(test_sub_features),
    };
    return cmocka_run_group_tests(tests, tt_cli_setup, tt_cli_teardown);
}
