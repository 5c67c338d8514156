/*
 * test_parse.c: the parser on the fixtures (tests/gen/fixtures, one
 * small document per case: release facts, sections, sub-features,
 * qualifiers, status forms, odd headings, errors, labels, encoding), on
 * the seed (docs/SUPPORT.md, Xen 4.10's statement, see tests/seed.h) and
 * on inline documents for constructs the fixtures do not hold.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <public/support_table.h>

#include "compile.h"
#include "model.h"
#include "seed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED     SEED_DOC
#define FIXTURES "tests/gen/fixtures/"

struct result {
    char name[256]; /* document name in the diagnostics */
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
    snprintf(r->name, sizeof(r->name), "%s", name);
    xsg_model_init(&r->m);
    r->rc =
        xsg_compile(text, len, name, &opt, &r->m, &blob, &blob_len, &r->stats);
    fclose(f);
    free(blob);
}

static void compile_path(struct result *r, const char *path, bool strict)
{
    char *text;
    size_t len;
    assert_int_equal(xsg_read_file(path, &text, &len), 0);
    compile_text(r, text, len, path, strict);
    free(text);
}

static void compile_seed(struct result *r, bool strict)
{
    compile_path(r, SEED, strict);
}

static void done(struct result *r)
{
    xsg_model_free(&r->m);
    free(r->diag);
}

/*
 * The diagnostic line starting with "NAME:line:col: sev: " (or "NAME:
 * sev: " for line 0, no place) holding what.
 */
static void assert_diag(const struct result *r, unsigned line, unsigned col,
                        const char *sev, const char *what)
{
    char head[512];
    if (line)
        snprintf(head, sizeof(head), "%s:%u:%u: %s: ", r->name, line, col, sev);
    else
        snprintf(head, sizeof(head), "%s: %s: ", r->name, sev);
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
    assert_int_equal(r.m.nr_rows, SEED_NR_ROWS);
    assert_int_equal(r.m.nr_sections, SEED_NR_SECTIONS);
    assert_int_equal(r.m.nr_features, SEED_NR_FEATURES);
    assert_int_equal(r.m.nr_facts, SEED_NR_FACTS);
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

/* ---- the fixtures ---- */

struct expect_diag {
    unsigned line, col; /* 0, 0: no place */
    const char *sev;    /* without --strict */
    const char *what;
};

#define DIAG_MAX 12

static const struct fixture {
    const char *file;
    int rc; /* without --strict */
    size_t facts, sections, features, rows;
    struct expect_diag diags[DIAG_MAX]; /* every one printed */
} fixtures[] = {
    {"clean.md", XSG_OK, 2, 2, 4, 5, {{0}}},
    {"release.md",
     XSG_OK,
     4,
     1,
     1,
     1,
     {{7, 5, "warning", "line in the Release Support block is not"}}},
    {"sections.md",
     XSG_OK,
     0,
     3,
     4,
     4,
     {{21, 1, "warning", "second 'Feature Support' heading"}}},
    {"subfeatures.md",
     XSG_OK,
     0,
     2,
     6,
     6,
     {{17, 1, "warning",
       "heading 'ARM/Guest ACPI' names an architecture its parent excludes"},
      {27, 1, "warning",
       "level-4 heading 'Orphan' has no enclosing level-3 feature"}}},
    {"qualifiers.md",
     XSG_OK,
     0,
     1,
     2,
     6,
     {{10, 13, "warning", "empty qualifier after ','"},
      {11, 5, "warning",
       "second 'Status' line without a qualifier in feature 'IOMMU'"},
      {15, 13, "warning",
       "qualifier 'ARM64' names an architecture the heading 'x86/Only' "
       "excludes"}}},
    {"status.md",
     XSG_OK,
     0,
     1,
     4,
     18,
     {{18, 16, "warning",
       "status 'Not functional' is no label; read as not supported (other, "
       "security supported: no)"},
      {20, 27, "warning",
       "'Not security supported' is spelt 'not security supported' on 2 "
       "other rows (first on line 14)"},
      {24, 5, "warning", "non-status value 'bzImage, ELF'"},
      {25, 5, "warning", "unknown key 'States', read as 'Status'"},
      {26, 5, "warning", "unknown key 'Frobnicate'; kept"},
      {27, 19, "warning", "'Expermental', read as 'Experimental'"},
      {28, 19, "warning", "empty value; read as level other"}}},
    {"headings.md",
     XSG_OK,
     0,
     1,
     3,
     3,
     {{5, 19, "warning",
       "heading ends in ':'; read as the name 'Trailing colon'"},
      {21, 1, "warning",
       "level-4 heading in the status label definitions where level 3 is "
       "meant; read as the definition of label 'Supported'"}}},
    {"builtin-labels.md",
     XSG_OK,
     0,
     1,
     1,
     1,
     {{0, 0, "warning", "no status label definitions"}}},
    {"errors.md",
     XSG_EDOC,
     1,
     1,
     1,
     0,
     {{0, 0, "warning", "no status label definitions"},
      {0, 0, "warning",
       "no status rows under 'Feature Support'; the table has none"},
      {7, 1, "error",
       "feature heading 'Feature before any section' before any section"},
      {9, 5, "error", "status line before any section"},
      {15, 5, "error",
       "expected 'Key[, qualifier]: value', found 'Status Supported'"},
      {16, 5, "error", "status line without a key"}}},
    {"codeblocks.md",
     XSG_OK,
     0,
     1,
     4,
     6,
     {{0, 0, "warning", "no status label definitions"},
      {8, 18, "warning",
       "line continues the status value of line 7; joined to it"},
      {10, 7, "warning", "line continues the status value of line 9"},
      {11, 7, "warning", "line continues the status value of line 9"},
      {19, 5, "warning",
       "code block holds no status line ('Key[, qualifier]: value'); "
       "ignored"},
      {26, 5, "warning",
       "line is no status line ('Key[, qualifier]: value'); ignored"},
      {28, 5, "warning", "line is no status line"},
      /* A note on a continuation line is put at the value's start. */
      {32, 13, "warning", "unknown qualifier 'not securty supported'"},
      {33, 9, "warning", "line continues the status value of line 32"}}},
    {"repeats.md",
     XSG_OK,
     0,
     1,
     5,
     12,
     {{0, 0, "warning", "no status label definitions"},
      {8, 13, "warning",
       "qualifier 'Linux' repeated in feature 'PV display (frontend)' (first "
       "on line 7); both rows kept"},
      {14, 13, "warning",
       "qualifier 'x86 hvm' repeated in feature 'Case' (first on line 12)"},
      {19, 5, "warning",
       "second 'Status' line without a qualifier in feature 'Unqualified' "
       "(first on line 18)"},
      {25, 5, "warning", "non-status value 'zImage'"}}},
    {"upstream-forms.md",
     XSG_OK,
     4,
     5,
     9,
     22,
     {{21, 23, "warning",
       "status 'Not supported' is no label; read as not supported (other, "
       "security supported: no)"},
      {38, 20, "warning",
       "status 'Security supported' is no label; read as 'Supported' "
       "(supported, security supported: yes)"},
      {52, 25, "warning", "status 'Not implemented' is no label"},
      {57, 25, "warning", "status 'Not functional' is no label"},
      {61, 13, "warning",
       "status 'Support scope restricted' is no label; read as 'Supported, "
       "with caveats'"},
      {66, 43, "warning", "status 'No security support' is no label"},
      {73, 13, "warning",
       "qualifier 'Linux' repeated in feature 'PV display (frontend)'"},
      {87, 1, "warning", "level-4 heading in the status label definitions"},
      {91, 1, "warning", "level-4 heading in the status label definitions"}}},
    {"latin1.md",
     XSG_EDOC,
     0,
     0,
     0,
     0,
     {{5, 8, "error", "invalid UTF-8 (byte 0xe9)"}}},
};

static void compile_fixture(struct result *r, const char *file, bool strict)
{
    char path[256];
    snprintf(path, sizeof(path), FIXTURES "%s", file);
    compile_path(r, path, strict);
}

static size_t nr_lines(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++)
        n += *s == '\n';
    return n;
}

/* Each fixture: its counts, and exactly the diagnostics listed. */
static void test_fixtures(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
        const struct fixture *f = &fixtures[i];
        struct result r;
        size_t nd = 0;
        print_message("%s\n", f->file);
        compile_fixture(&r, f->file, false);
        assert_int_equal(r.rc, f->rc);
        assert_int_equal(r.m.nr_facts, f->facts);
        assert_int_equal(r.m.nr_sections, f->sections);
        assert_int_equal(r.m.nr_features, f->features);
        assert_int_equal(r.m.nr_rows, f->rows);
        for (; nd < DIAG_MAX && f->diags[nd].what; nd++)
            assert_diag(&r, f->diags[nd].line, f->diags[nd].col,
                        f->diags[nd].sev, f->diags[nd].what);
        if (nr_lines(r.diag) != nd)
            fail_msg("%s: %zu diagnostics expected, got:\n%s", f->file, nd,
                     r.diag);
        done(&r);
    }
}

/* --strict: every warning becomes an error at the same place. */
static void test_fixtures_strict(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
        const struct fixture *f = &fixtures[i];
        struct result r;
        bool any = false;
        print_message("%s --strict\n", f->file);
        compile_fixture(&r, f->file, true);
        for (size_t k = 0; k < DIAG_MAX && f->diags[k].what; k++) {
            assert_diag(&r, f->diags[k].line, f->diags[k].col, "error",
                        f->diags[k].what);
            any = true;
        }
        assert_int_equal(r.rc, any ? XSG_EDOC : XSG_OK);
        assert_null(strstr(r.diag ? r.diag : "", ": warning: "));
        done(&r);
    }
}

static void test_fixture_release(void **state)
{
    struct result r;
    (void)state;
    compile_fixture(&r, "release.md", false);
    static const char *const kv[][2] = {
        {"Xen-Version", "4.99"},
        {"Initial-Release", "2030-01-01"},
        {"Release Notes", "<a href=\"https://example.org/notes\">RN</a>"},
        {"Supported-Until", "2033-01-01"},
    };
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(r.m.facts[i].key, kv[i][0]);
        assert_string_equal(r.m.facts[i].value, kv[i][1]);
    }
    assert_int_equal(r.m.facts[0].line, 5);
    assert_int_equal(r.m.facts[0].col, 5);
    assert_int_equal(r.m.facts[2].line, 9);
    assert_int_equal(r.m.facts[2].col, 1);
    done(&r);
}

static void test_fixture_sections(void **state)
{
    struct result r;
    (void)state;
    compile_fixture(&r, "sections.md", true);
    /* Its one warning (the second heading) is an error under --strict. */
    assert_int_equal(r.rc, XSG_EDOC);
    done(&r);
    compile_fixture(&r, "sections.md", false);
    /* Rows straight under a section: the section is its own feature. */
    assert_string_equal(r.m.features[0].name, "Dom0less");
    assert_int_equal(r.m.features[0].heading, 2);
    assert_int_equal(r.m.features[0].line, 3);
    assert_int_equal(r.m.features[0].arch, XEN_SUPTAB_ARCH_ALL);
    assert_int_equal(r.m.rows[0].arch, XEN_SUPTAB_ARCH_ARM);
    assert_string_equal(r.m.features[1].name, "xl");
    assert_int_equal(r.m.features[1].section, 1);
    assert_int_equal(r.m.features[2].section, 1);
    /* The second "Feature Support" adds to the first. */
    assert_string_equal(r.m.sections[2].name, "Second part");
    assert_int_equal(r.m.features[3].section, 2);
    assert_int_equal(r.m.sections[2].first_feature, 3);
    done(&r);
}

static void test_fixture_subfeatures(void **state)
{
    struct result r;
    (void)state;
    compile_fixture(&r, "subfeatures.md", false);
    static const struct {
        const char *name;
        int heading;
        size_t parent;
        unsigned arch;
    } want[] = {
        {"x86/HVM", 3, XSG_NONE, XEN_SUPTAB_ARCH_X86},
        {"Nested virtualization", 4, 0, XEN_SUPTAB_ARCH_X86},
        {"Deepest", 5, 1, XEN_SUPTAB_ARCH_X86},
        {"ARM/Guest ACPI", 4, 0, XEN_SUPTAB_ARCH_ARM},
        {"Parent for all", 3, XSG_NONE, XEN_SUPTAB_ARCH_ALL},
        {"Orphan", 4, XSG_NONE, XEN_SUPTAB_ARCH_ALL},
    };
    for (size_t i = 0; i < 6; i++) {
        const struct xsg_feature *f = &r.m.features[i];
        print_message("%s\n", want[i].name);
        assert_string_equal(f->name, want[i].name);
        assert_int_equal(f->heading, want[i].heading);
        assert_int_equal(f->parent, want[i].parent);
        assert_int_equal(f->arch, want[i].arch);
        assert_int_equal(f->first_row, i);
        assert_int_equal(r.m.rows[i].arch, want[i].arch);
    }
    assert_int_equal(r.m.rows[2].level, XEN_SUPTAB_LEVEL_TECH_PREVIEW);
    done(&r);
}

static void test_fixture_qualifiers(void **state)
{
    struct result r;
    const struct xsg_row *w;
    (void)state;
    compile_fixture(&r, "qualifiers.md", false);
    w = find_row(&r.m, "IOMMU", "AMD IOMMU");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_X86);
    assert_int_equal(w->qual_col, 13);
    assert_int_equal(w->value_col, 24);
    w = find_row(&r.m, "IOMMU", "Intel VT-d");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_X86);
    w = find_row(&r.m, "IOMMU", "ARM SMMUv2");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ARM);
    /* "Status, : ..." and "Status: ..." both have no qualifier. */
    assert_null(r.m.rows[3].qualifier);
    assert_null(r.m.rows[4].qualifier);
    assert_int_equal(r.m.rows[3].arch, XEN_SUPTAB_ARCH_ALL);
    w = find_row(&r.m, "x86/Only", "ARM64");
    assert_int_equal(w->arch, XEN_SUPTAB_ARCH_ARM);
    done(&r);
}

static void test_fixture_status(void **state)
{
    struct result r;
    (void)state;
    compile_fixture(&r, "status.md", false);
    static const struct {
        const char *feature, *qualifier, *key;
        uint8_t level, sec, caveats;
    } want[] = {
        {"Plain", "", "Status", XEN_SUPTAB_LEVEL_SUPPORTED, XEN_SUPTAB_SEC_YES,
         0},
        {"Plain", "b", "Status", XEN_SUPTAB_LEVEL_TECH_PREVIEW,
         XEN_SUPTAB_SEC_NO, 0},
        {"Plain", "c", "Status", XEN_SUPTAB_LEVEL_EXPERIMENTAL,
         XEN_SUPTAB_SEC_NO, 0},
        /* The document's own label: Deprecated is security supported. */
        {"Plain", "d", "Status", XEN_SUPTAB_LEVEL_DEPRECATED,
         XEN_SUPTAB_SEC_YES, 0},
        {"Security", "a", "Status", XEN_SUPTAB_LEVEL_SUPPORTED,
         XEN_SUPTAB_SEC_NO, 0},
        {"Security", "b", "Status", XEN_SUPTAB_LEVEL_SUPPORTED,
         XEN_SUPTAB_SEC_EXTERNAL, 0},
        {"Security", "c", "Status", XEN_SUPTAB_LEVEL_SUPPORTED,
         XEN_SUPTAB_SEC_YES, 1},
        {"Security", "d", "Status", XEN_SUPTAB_LEVEL_SUPPORTED,
         XEN_SUPTAB_SEC_YES, 1},
        /* A form of released statements: not supported. */
        {"Security", "e", "Status", XEN_SUPTAB_LEVEL_OTHER, XEN_SUPTAB_SEC_NO,
         0},
        {"Security", "g", "Status", XEN_SUPTAB_LEVEL_SUPPORTED,
         XEN_SUPTAB_SEC_NO, 0},
        {"Odd keys and values", "x86", "Supported", XEN_SUPTAB_LEVEL_SUPPORTED,
         XEN_SUPTAB_SEC_YES, 0},
        {"Odd keys and values", "", "Status", XEN_SUPTAB_LEVEL_EXPERIMENTAL,
         XEN_SUPTAB_SEC_NO, 0},
        {"Odd keys and values", "typo", "Status", XEN_SUPTAB_LEVEL_EXPERIMENTAL,
         XEN_SUPTAB_SEC_NO, 0},
        {"Odd keys and values", "empty", "Status", XEN_SUPTAB_LEVEL_OTHER,
         XEN_SUPTAB_SEC_UNKNOWN, 0},
        {"Fenced", "", "Status", XEN_SUPTAB_LEVEL_TECH_PREVIEW,
         XEN_SUPTAB_SEC_NO, 0},
        {"Fenced", "listed", "Status", XEN_SUPTAB_LEVEL_SUPPORTED,
         XEN_SUPTAB_SEC_YES, 0},
    };
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        const struct xsg_row *w =
            find_row(&r.m, want[i].feature, want[i].qualifier);
        print_message("%s / %s\n", want[i].feature, want[i].qualifier);
        assert_string_equal(w->key, want[i].key);
        assert_int_equal(w->level, want[i].level);
        assert_int_equal(w->sec, want[i].sec);
        assert_int_equal(w->caveats, want[i].caveats);
    }
    /* Kept as written. */
    const struct xsg_row *w = find_row(&r.m, "Odd keys and values", "");
    assert_string_equal(w->key_raw, "States");
    assert_string_equal(r.m.rows[13].key, "Frobnicate");
    /* Lines of fenced and listed code blocks are the source's. */
    w = find_row(&r.m, "Fenced", "");
    assert_int_equal(w->line, 33);
    assert_int_equal(w->col, 1);
    w = find_row(&r.m, "Fenced", "listed");
    assert_int_equal(w->line, 38);
    assert_int_equal(w->col, 7);
    done(&r);
}

static void test_fixture_headings(void **state)
{
    struct result r;
    (void)state;
    compile_fixture(&r, "headings.md", false);
    assert_string_equal(r.m.features[0].name, "Trailing colon");
    assert_string_equal(r.m.features[1].name, "Closed heading");
    assert_string_equal(r.m.features[2].name, "With code and emphasis");
    /* The level-4 label heading still defines the label. */
    assert_false(r.m.labels_builtin);
    const struct xsg_label *l = xsg_model_label(&r.m, "Supported", 9);
    assert_non_null(l);
    assert_int_equal(l->line, 21);
    assert_int_equal(l->sec, XEN_SUPTAB_SEC_YES);
    done(&r);
}

/* A value continued on indented lines is read whole. */
static void test_fixture_codeblocks(void **state)
{
    struct result r;
    (void)state;
    compile_fixture(&r, "codeblocks.md", false);
    const struct xsg_row *w = find_row(&r.m, "Continued", "x86");
    assert_non_null(w);
    assert_string_equal(w->value, "Supported up to 8 TiB. Hosts with more "
                                  "memory are supported, but not security "
                                  "supported.");
    assert_int_equal(w->level, XEN_SUPTAB_LEVEL_SUPPORTED);
    assert_int_equal(w->caveats, 1);
    w = find_row(&r.m, "Continued", "Arm64");
    assert_string_equal(w->value, "Supported up to 2 TiB, with caveats as the "
                                  "next line says.");
    w = find_row(&r.m, "Stray lines", "x86");
    assert_string_equal(w->value, "Tech Preview");
    w = find_row(&r.m, "Continued typo", "");
    assert_string_equal(w->value, "Supported, not securty supported");
    assert_int_equal(w->sec, XEN_SUPTAB_SEC_NO);
    done(&r);
}

/* Rows of upstream statements: their readings and architectures. */
static void test_fixture_upstream_forms(void **state)
{
    enum { X = XEN_SUPTAB_ARCH_X86, A = XEN_SUPTAB_ARCH_ARM };
    enum {
        O = XEN_SUPTAB_LEVEL_OTHER,
        S = XEN_SUPTAB_LEVEL_SUPPORTED,
        T = XEN_SUPTAB_LEVEL_TECH_PREVIEW,
        E = XEN_SUPTAB_LEVEL_EXPERIMENTAL
    };
    enum { Y = XEN_SUPTAB_SEC_YES, N = XEN_SUPTAB_SEC_NO };
    static const struct {
        const char *feature, *qualifier;
        uint8_t level, sec, caveats, arch;
    } want[] = {
        {"x86-64", "", S, Y, 0, X},
        {"x86-64", "Xeon Phi", O, N, 0, X},
        {"IOMMU", "AMD IOMMU", S, Y, 0, X},
        {"IOMMU", "Intel VT-d", S, Y, 0, X},
        {"IOMMU", "ARM SMMUv1", S, N, 0, A},
        {"IOMMU", "ARM SMMUv3", T, N, 0, A},
        {"IOMMU", "Renesas IPMMU-VMSA", S, N, 0, A},
        {"ARM/GICv3", "Arm64", S, Y, 0, A},
        {"ARM/GICv3", "Arm32", S, N, 0, A},
        {"Host serial console", "NS16550", S, Y, 0, X | A},
        {"Host serial console", "Cadence UART (ARM)", S, Y, 0, A},
        {"Host serial console", "SCI(F) UART", S, Y, 0, A},
        {"C xenstore stubdom PV", "Liveupdate", O, N, 0, X | A},
        {"OCaml xenstored daemon", "Liveupdate", O, N, 0, X | A},
        {"Virtual Hardware, QEMU", "", S, Y, 1, X | A},
        {"qemu-xen-traditional", "as host process device model", O, N, 1,
         X | A},
        {"PV display (frontend)", "Linux", S, Y, 1, X | A},
    };
    struct result r;
    (void)state;
    compile_fixture(&r, "upstream-forms.md", false);
    assert_int_equal(r.rc, XSG_OK);
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        const struct xsg_row *w =
            find_row(&r.m, want[i].feature, want[i].qualifier);
        print_message("%s, %s\n", want[i].feature, want[i].qualifier);
        assert_non_null(w);
        assert_int_equal(w->level, want[i].level);
        assert_int_equal(w->sec, want[i].sec);
        assert_int_equal(w->caveats, want[i].caveats);
        assert_int_equal(w->arch, want[i].arch);
    }
    /* The repeated qualifier's second row is kept as read. */
    const struct xsg_row *w = find_row(&r.m, "PV display (frontend)", "Linux");
    assert_int_equal(w[1].level, E);
    assert_string_equal(w[1].qualifier, "Linux");
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
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_fixtures_strict),
        cmocka_unit_test(test_fixture_release),
        cmocka_unit_test(test_fixture_sections),
        cmocka_unit_test(test_fixture_subfeatures),
        cmocka_unit_test(test_fixture_qualifiers),
        cmocka_unit_test(test_fixture_status),
        cmocka_unit_test(test_fixture_headings),
        cmocka_unit_test(test_fixture_upstream_forms),
        cmocka_unit_test(test_fixture_codeblocks),
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
