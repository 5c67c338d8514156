/*
 * test_parse.c: the parser on the seed (docs/SUPPORT.md, Xen 4.10's
 * statement) and on small documents for each construct it must read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <public/support_table.h>

#include "compile.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED "docs/SUPPORT.md"

struct result {
    struct xsg_model m;
    int rc;
    char *diag; /* everything printed */
    size_t diag_len;
    struct xsg_stats stats;
};

static void compile_text(struct result *r, const char *text, size_t len,
                         const char *name, bool strict)
{
    struct xsg_options opt = {.strict = strict};
    uint8_t *blob;
    size_t blob_len;
    FILE *f = open_memstream(&r->diag, &r->diag_len);
    assert_non_null(f);
    opt.diag = f;
    xsg_model_init(&r->m);
    r->rc =
        xsg_compile(text, len, name, &opt, &r->m, &blob, &blob_len, &r->stats);
    fclose(f);
    free(blob);
}

static void compile_seed(struct result *r, bool strict)
{
    char *text;
    size_t len;
    assert_int_equal(xsg_read_file(SEED, &text, &len), 0);
    compile_text(r, text, len, SEED, strict);
    free(text);
}

static void done(struct result *r)
{
    xsg_model_free(&r->m);
    free(r->diag);
}

/* The diagnostic line starting with "SEED:line:col: sev: " holding what. */
static void assert_diag(const struct result *r, unsigned line, unsigned col,
                        const char *sev, const char *what)
{
    char head[128];
    snprintf(head, sizeof(head), "%s:%u:%u: %s: ", SEED, line, col, sev);
    for (const char *p = r->diag; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (!strncmp(p, head, strlen(head))) {
            char *l = strndup(p, n);
            bool hit = strstr(l, what) != NULL;
            free(l);
            if (hit)
                return;
        }
        p = nl ? nl + 1 : p + n;
    }
    print_message("missing %s%s in:\n%s", head, what, r->diag);
    fail();
}

static const struct xsg_row *
find_row(const struct xsg_model *m, const char *feature, const char *qualifier)
{
    for (size_t i = 0; i < m->nr_rows; i++) {
        const struct xsg_row *r = &m->rows[i];
        const char *q = r->qualifier ? r->qualifier : "";
        if (!strcmp(m->features[r->feature].name, feature) &&
            !strcmp(q, qualifier))
            return r;
    }
    print_message("no row %s / %s\n", feature, qualifier);
    fail();
    return NULL;
}

static void test_seed_counts(void **state)
{
    struct result r;
    (void)state;
    compile_seed(&r, false);
    assert_int_equal(r.rc, XSG_OK);
    assert_int_equal(r.m.nr_rows, 139);
    assert_int_equal(r.m.nr_sections, 16);
    assert_true(r.m.nr_features > 80);
    assert_int_equal(r.m.nr_facts, 4);
    assert_string_equal(r.m.facts[0].key, "Xen-Version");
    assert_string_equal(r.m.facts[0].value, "4.10-unstable");
    assert_string_equal(r.m.facts[1].key, "Initial-Release");
    assert_string_equal(r.m.facts[1].value, "n/a");
    assert_string_equal(r.m.facts[2].key, "Supported-Until");
    assert_string_equal(r.m.facts[2].value, "TBD");
    assert_string_equal(r.m.facts[3].key, "Security-Support-Until");
    assert_string_equal(r.m.facts[3].value,
                        "Unreleased - not yet security-supported");
    assert_false(r.m.labels_builtin);
    /* Feature ranges are monotonic, rows belong to their range. */
    for (size_t i = 0; i + 1 < r.m.nr_features; i++)
        assert_true(r.m.features[i].first_row <= r.m.features[i + 1].first_row);
    done(&r);
}

static void test_seed_anomalies(void **state)
{
    struct result r;
    (void)state;
    compile_seed(&r, false);
    assert_int_equal(r.rc, XSG_OK);
    assert_diag(&r, 216, 22, "warning",
                "'Expermental', read as 'Experimental'");
    assert_diag(&r, 222, 22, "warning",
                "'Experimenal', read as 'Experimental'");
    assert_diag(&r, 360, 5, "warning", "'States', read as 'Status'");
    assert_diag(&r, 728, 1, "warning", "label 'Supported'");
    assert_diag(&r, 735, 1, "warning", "label 'Deprecated'");
    assert_diag(&r, 107, 5, "warning", "non-status value 'bzImage, ELF'");
    assert_diag(&r, 108, 5, "warning", "non-status value 'zImage'");
    assert_diag(&r, 109, 5, "warning", "non-status value 'Image'");
    assert_diag(&r, 194, 24, "warning",
                "'Not security supported' is spelt 'not security supported'");
    assert_diag(&r, 570, 29, "warning",
                "'Not security supported' is spelt 'not security supported'");
    static const unsigned colon_lines[][2] = {
        {621, 41}, {625, 32}, {631, 32}, {636, 33},
        {641, 30}, {647, 30}, {654, 36}, {658, 36},
    };
    for (size_t i = 0; i < 8; i++)
        assert_diag(&r, colon_lines[i][0], colon_lines[i][1], "warning",
                    "heading ends in ':'");
    assert_diag(&r, 621, 41, "warning",
                "read as the name 'x86/Emulated platform devices (QEMU)'");
    /* 425: "security support external" against the usual capital S. */
    assert_diag(&r, 425, 42, "warning", "'security support external'");
    assert_int_equal(r.stats.warnings, 19);
    assert_int_equal(r.stats.errors, 0);
    assert_null(strstr(r.diag, ": error: "));
    done(&r);
}

static void test_seed_strict(void **state)
{
    struct result r;
    (void)state;
    compile_seed(&r, true);
    assert_int_equal(r.rc, XSG_EDOC);
    assert_diag(&r, 216, 22, "error", "'Expermental'");
    assert_diag(&r, 360, 5, "error", "'States'");
    assert_null(strstr(r.diag, ": warning: "));
    done(&r);
}

static void test_seed_rows(void **state)
{
    struct result r;
    const struct xsg_row *w;
    (void)state;
    compile_seed(&r, false);

    w = find_row(&r.m, "Memory Sharing", "x86 HVM");
    assert_int_equal(w->level, XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    assert_int_equal(w->sec, XEN_SUPTAB_SEC_NO);
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_X86);
    assert_string_equal(w->value, "Expermental");

    w = find_row(&r.m, "Blkfront", "FreeBSD");
    assert_int_equal(w->level, XEN_SUPTAB_LEVEL_SUPPORTED);
    assert_int_equal(w->sec, XEN_SUPTAB_SEC_EXTERNAL);
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ALL);

    w = find_row(&r.m, "IOMMU", "ARM SMMUv2");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ARM);
    w = find_row(&r.m, "IOMMU", "Intel VT-d");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_X86);

    w = find_row(&r.m, "vPMU", "x86");
    assert_int_equal(w->level, XEN_SUPTAB_LEVEL_SUPPORTED);
    assert_int_equal(w->sec, XEN_SUPTAB_SEC_NO);
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_X86);

    w = find_row(&r.m, "Netfront", "Windows");
    assert_string_equal(w->key, "Status");
    assert_string_equal(w->key_raw, "States");

    w = find_row(&r.m, "Direct-boot kernel image format", "x86");
    assert_string_equal(w->key, "Supported");
    assert_string_equal(w->value, "bzImage, ELF");
    assert_int_equal(w->level, XEN_SUPTAB_LEVEL_SUPPORTED);
    assert_int_equal(w->sec, XEN_SUPTAB_SEC_YES);
    w = find_row(&r.m, "Direct-boot kernel image format", "ARM32");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ARM);

    w = find_row(&r.m, "Blkback", "Blktap2");
    assert_int_equal(w->level, XEN_SUPTAB_LEVEL_DEPRECATED);
    assert_int_equal(w->sec, XEN_SUPTAB_SEC_YES); /* the document says so */

    w = find_row(&r.m, "Driver Domains", "");
    assert_int_equal(w->caveats, 1);
    assert_int_equal(w->sec, XEN_SUPTAB_SEC_YES);

    w = find_row(&r.m, "ARM v8", "");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ARM);
    w = find_row(&r.m, "x86/Emulated network (QEMU)", "e1000");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_X86);
    w = find_row(&r.m, "Host serial console", "Cadence UART (ARM)");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ARM);
    w = find_row(&r.m, "xl", "");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ALL);
    done(&r);
}

static void compile_str(struct result *r, const char *text, bool strict)
{
    compile_text(r, text, strlen(text), SEED, strict);
}

static const char tail_labels[] =
    "# Format\n\n## Definition of Status labels\n\n### Supported\n\n"
    "    Security supported: Yes\n\n### Experimental\n\n"
    "    Security supported: No\n\n### Tech Preview\n\n"
    "    Security supported: No\n\n### Deprecated\n\n"
    "    Security supported: No\n";

static void test_constructs(void **state)
{
    struct result r;
    char doc[2048];
    (void)state;
    snprintf(doc, sizeof(doc),
             "%% Title\n\n# Release Support\n\n    Xen-Version: 4.17\n\n"
             "Release Notes\n: <a href=\"x\">RN</a>\n\n"
             "# Feature Support\n\n## Dom0less\n\nProse.\n\n"
             "    Status, ARM: Supported\n\n## Sect\n\n### Feat\n\n"
             "\tStatus: Experimental\n\n#### Sub feature\n\n"
             "```\nStatus, x86: Tech Preview\n```\n\n"
             "### x86/Other ###\n\n    Status, domU: Deprecated\n\n%s",
             tail_labels);
    compile_str(&r, doc, true);
    assert_int_equal(r.rc, XSG_OK);
    assert_int_equal(r.m.nr_facts, 2);
    assert_string_equal(r.m.facts[1].key, "Release Notes");
    assert_string_equal(r.m.facts[1].value, "<a href=\"x\">RN</a>");
    assert_int_equal(r.m.nr_sections, 2);
    assert_int_equal(r.m.nr_features, 4);
    assert_string_equal(r.m.features[0].name, "Dom0less");
    assert_int_equal(r.m.features[0].section, 0);
    assert_string_equal(r.m.features[2].name, "Sub feature");
    assert_int_equal(r.m.features[2].parent, 1);
    assert_string_equal(r.m.features[3].name, "x86/Other");
    assert_int_equal(r.m.nr_rows, 4);
    assert_int_equal(r.m.rows[1].line, 22);
    assert_int_equal(r.m.rows[1].col, 2);
    assert_int_equal(r.m.rows[1].level, XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    assert_int_equal(r.m.rows[2].line, 27);
    assert_int_equal(r.m.rows[2].level, XEN_SUPTAB_LEVEL_TECH_PREVIEW);
    assert_int_equal(r.m.rows[3].arch, XEN_SUPTAB_ARCH_X86);
    /* The document's own label wins over the built-in one. */
    assert_int_equal(r.m.rows[3].sec, XEN_SUPTAB_SEC_NO);
    done(&r);
}

static void test_builtin_labels_warn(void **state)
{
    struct result r;
    (void)state;
    compile_str(&r,
                "# Feature Support\n\n## S\n\n### F\n\n    Status: Supported\n",
                false);
    assert_int_equal(r.rc, XSG_OK);
    assert_true(r.m.labels_builtin);
    assert_int_equal(r.stats.warnings, 1);
    assert_non_null(strstr(r.diag, "using built-in"));
    done(&r);
}

static void test_errors(void **state)
{
    struct result r;
    (void)state;
    compile_str(&r, "", false);
    assert_int_equal(r.rc, XSG_EDOC);
    assert_non_null(strstr(r.diag, "no '# Feature Support' heading"));
    done(&r);

    compile_str(&r,
                "# Feature Support\n\n## S\n\n### F\n\n    Status Supported\n",
                false);
    assert_int_equal(r.rc, XSG_EDOC);
    assert_diag(&r, 7, 5, "error", "expected 'Key[, qualifier]: value'");
    done(&r);

    compile_str(&r,
                "# Feature Support\n\n## S\n\n### F\n\n    Status: Caf\xe9\n",
                false);
    assert_int_equal(r.rc, XSG_EDOC);
    assert_diag(&r, 7, 16, "error", "invalid UTF-8");
    done(&r);

    compile_str(&r, "# Feature Support\n\n### F\n\n    Status: Supported\n",
                false);
    assert_int_equal(r.rc, XSG_EDOC);
    assert_diag(&r, 3, 1, "error", "before any section");
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_counts),
        cmocka_unit_test(test_seed_anomalies),
        cmocka_unit_test(test_seed_strict),
        cmocka_unit_test(test_seed_rows),
        cmocka_unit_test(test_constructs),
        cmocka_unit_test(test_builtin_labels_warn),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
