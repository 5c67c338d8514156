/* test_normalise.c: status values to readings, odd case and spacing too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <public/support_table.h>

#include "arch.h"
#include "model.h"
#include "normalise.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

enum {
    L_O = XEN_SUPTAB_LEVEL_OTHER,
    L_S = XEN_SUPTAB_LEVEL_SUPPORTED,
    L_T = XEN_SUPTAB_LEVEL_TECH_PREVIEW,
    L_E = XEN_SUPTAB_LEVEL_EXPERIMENTAL,
    L_D = XEN_SUPTAB_LEVEL_DEPRECATED
};
enum {
    S_U = XEN_SUPTAB_SEC_UNKNOWN,
    S_Y = XEN_SUPTAB_SEC_YES,
    S_N = XEN_SUPTAB_SEC_NO,
    S_X = XEN_SUPTAB_SEC_EXTERNAL
};

static const struct {
    const char *value;
    uint8_t level, sec, caveats;
    int notes; /* warnings expected */
} cases[] = {
    {"Supported", L_S, S_Y, 0, 0},
    {"supported", L_S, S_Y, 0, 0},
    {"  Supported  ", L_S, S_Y, 0, 0},
    {"Tech Preview", L_T, S_N, 0, 0},
    {"tech   preview", L_T, S_N, 0, 0},
    {"Experimental", L_E, S_N, 0, 0},
    {"Deprecated", L_D, S_Y, 0, 0},
    {"Expermental", L_E, S_N, 0, 1},
    {"Experimenal", L_E, S_N, 0, 1},
    {"Supported, not security supported", L_S, S_N, 0, 0},
    {"Supported, Not security supported", L_S, S_N, 0, 0},
    {"Supported,not   SECURITY supported", L_S, S_N, 0, 0},
    {"Supported, Security support external", L_S, S_X, 0, 0},
    {"Supported, security support external", L_S, S_X, 0, 0},
    {"Supported, with caveats", L_S, S_Y, 1, 0},
    {"Supported, With Caveats.", L_S, S_Y, 1, 0},
    {"Supported, not securty supported", L_S, S_N, 0, 1},
    {"Tech Preview, with limited support", L_T, S_N, 1, 0},
    {"Supported up to 12 TiB. Hosts with more memory are supported, but "
     "not security supported.",
     L_S, S_Y, 1, 0},
    {"Supported up to 12 GiB", L_S, S_Y, 1, 0},
    /* Status forms of released statements that are no label: noted. */
    {"Security supported", L_S, S_Y, 0, 1},
    {"security  Supported.", L_S, S_Y, 0, 1},
    {"Security supported, with caveats", L_S, S_Y, 1, 1},
    {"Support scope restricted", L_S, S_Y, 1, 1},
    {"Not supported.", L_O, S_N, 0, 1},
    {"not supported", L_O, S_N, 0, 1},
    {"Not implemented", L_O, S_N, 0, 1},
    {"Not functional", L_O, S_N, 0, 1},
    {"No security support, not recommended", L_O, S_N, 1, 1},
    {"No security support", L_O, S_N, 0, 1},
    /* Free text that merely mentions one is no such form. */
    {"Not supported on Arm", L_O, S_U, 0, 0},
    {"Scope of support restricted", L_O, S_U, 0, 0},
    {"bzImage, ELF", L_O, S_U, 0, 0},
    {"", L_O, S_U, 0, 0},
};

static void test_values(void **state)
{
    struct xsg_model m;
    (void)state;
    xsg_model_init(&m);
    assert_int_equal(xsg_model_default_labels(&m), 0);
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct xsg_reading r;
        xsg_normalise(&m, cases[i].value, &r);
        print_message("'%s'\n", cases[i].value);
        assert_int_equal(r.level, cases[i].level);
        assert_int_equal(r.sec, cases[i].sec);
        assert_int_equal(r.caveats, cases[i].caveats);
        assert_int_equal((int)r.nr_notes, cases[i].notes);
    }
    xsg_model_free(&m);
}

/* The warning names the form as written and its reading. */
static void test_form_note(void **state)
{
    struct xsg_model m;
    struct xsg_reading r;
    (void)state;
    xsg_model_init(&m);
    assert_int_equal(xsg_model_default_labels(&m), 0);
    xsg_normalise(&m, "  Security supported", &r);
    assert_int_equal(r.nr_notes, 1);
    assert_int_equal(r.notes[0].off, 2);
    assert_string_equal(r.notes[0].text, "status 'Security supported' is no "
                                         "label; read as 'Supported'");
    xsg_normalise(&m, "Not supported.", &r);
    assert_string_equal(r.notes[0].text,
                        "status 'Not supported' is no label; read as not "
                        "supported");
    xsg_model_free(&m);
}

/* A document label of the same name wins over the form. */
static void test_form_label_wins(void **state)
{
    struct xsg_model m;
    struct xsg_reading r;
    (void)state;
    xsg_model_init(&m);
    struct xsg_label *l = xsg_model_add_label(&m);
    assert_non_null(l);
    l->name = strdup("Not supported");
    l->level = L_O;
    l->sec = S_U;
    assert_int_equal(xsg_model_default_labels(&m), 0);
    xsg_normalise(&m, "Not supported", &r);
    assert_int_equal(r.sec, S_U);
    assert_int_equal(r.nr_notes, 0);
    xsg_model_free(&m);
}

/* The labels come from the document: a document may say otherwise. */
static void test_document_labels(void **state)
{
    struct xsg_model m;
    struct xsg_reading r;
    (void)state;
    xsg_model_init(&m);
    struct xsg_label *l = xsg_model_add_label(&m);
    assert_non_null(l);
    l->name = strdup("Deprecated");
    l->level = L_D;
    l->sec = S_N;
    assert_int_equal(xsg_model_default_labels(&m), 0);
    xsg_normalise(&m, "Deprecated", &r);
    assert_int_equal(r.sec, S_N);
    xsg_normalise(&m, "Supported", &r);
    assert_int_equal(r.sec, S_Y);
    xsg_model_free(&m);
}

static void test_typo_note_names_reading(void **state)
{
    struct xsg_model m;
    struct xsg_reading r;
    (void)state;
    xsg_model_init(&m);
    assert_int_equal(xsg_model_default_labels(&m), 0);
    xsg_normalise(&m, "Expermental", &r);
    assert_int_equal(r.nr_notes, 1);
    assert_non_null(strstr(r.notes[0].text, "'Expermental'"));
    assert_non_null(strstr(r.notes[0].text, "'Experimental'"));
    xsg_model_free(&m);
}

enum { A_X = XEN_SUPTAB_ARCH_X86, A_A = XEN_SUPTAB_ARCH_ARM };

/*
 * Headings (first word) and qualifiers (every word) as statements write
 * them; word is the vocabulary word that decides, NULL if none does.
 */
static const struct {
    const char *text;
    int heading;
    unsigned arch;
    const char *word;
} arch_cases[] = {
    /* x86 */
    {"x86/PV", 1, A_X, "x86"},
    {"x86", 0, A_X, "x86"},
    {"x86-64", 1, A_X, "x86-64"},
    {"x86_64", 0, A_X, "x86_64"},
    {"x86-32 guests", 0, A_X, "x86-32"},
    {"x86_32, without shim", 0, A_X, "x86_32"},
    {"amd64 only", 0, A_X, "amd64"},
    {"i386 dom0", 0, A_X, "i386"},
    {"AMD IOMMU", 0, A_X, "AMD"},
    {"AMD-Vi", 0, A_X, "AMD-Vi"},
    {"Hygon CPUs", 0, A_X, "Hygon"},
    {"Intel VT-d", 0, A_X, "Intel"},
    {"VT-d posted interrupts", 0, A_X, "VT-d"},
    {"VT-x", 0, A_X, "VT-x"},
    {"Xeon Phi", 0, A_X, "Xeon"},
    {"HVM", 0, A_X, "HVM"},
    {"PV guests", 0, A_X, "PV"},
    {"PVH dom0", 0, A_X, "PVH"},
    {"PVHVM", 0, A_X, "PVHVM"},
    {"shim", 0, A_X, "shim"},
    /* Arm */
    {"ARM v8", 1, A_A, "Arm"},
    {"ARM/GICv3 ITS", 1, A_A, "Arm"},
    {"Arm: OP-TEE Mediator", 1, A_A, "Arm"},
    {"Cadence UART (ARM)", 0, A_A, "Arm"},
    {"ARM32", 0, A_A, "arm32"},
    {"Arm64", 0, A_A, "arm64"},
    {"Xen in Armv8-R", 0, A_A, "Armv"},
    {"ARMv7", 0, A_A, "Armv"},
    {"Xen in AArch32 mode", 0, A_A, "AArch32"},
    {"Xen in AArch64 mode", 0, A_A, "AArch64"},
    {"Cortex A57 r0p0-r1p1", 0, A_A, "Cortex"},
    {"GICv3", 0, A_A, "GIC"},
    {"GIC", 1, A_A, "GIC"},
    {"ARM SMMUv3", 0, A_A, "SMMU"},
    {"SMMUv1", 1, A_A, "SMMU"},
    {"Renesas IPMMU-VMSA", 0, A_A, "Renesas"},
    {"IPMMU-VMSA", 0, A_A, "IPMMU"},
    {"PSCI 1.1", 0, A_A, "PSCI"},
    {"SCMI over SMC", 0, A_A, "SCMI"},
    {"FF-A Mediator", 0, A_A, "FF-A"},
    {"OP-TEE", 0, A_A, "OP-TEE"},
    {"SVE2", 0, A_A, "SVE"},
    {"SCIF UART", 0, A_A, "SCIF"},
    {"SCI(F) UART", 0, A_A, "SCI(F)"},
    {"Xilinx Zynq UART", 0, A_A, "Xilinx"},
    {"ZynqMP", 0, A_A, "ZynqMP"},
    {"Cadence UART", 0, A_A, "Cadence"},
    {"Exynos 4210 UART", 0, A_A, "Exynos"},
    {"OMAP UART", 0, A_A, "OMAP"},
    {"PL011 UART", 0, A_A, "PL011"},
    /* No clue, or not a whole word */
    {"ARINC653 Scheduler", 1, 0, NULL},
    {"IOMMU", 1, 0, NULL},
    {"Alternative p2m", 1, 0, NULL},
    {"PV Console (frontend)", 1, 0, NULL}, /* PV: qualifiers only */
    {"PVCalls (backend)", 1, 0, NULL},
    {"Linux (xen-blkback)", 0, 0, NULL},
    {"NS16550", 0, 0, NULL},
    {"ps/2 keyboard", 0, 0, NULL},
    {"SCI", 0, 0, NULL}, /* also ACPI's interrupt on x86 */
    {"Armada", 0, 0, NULL},
    {"Sharm", 0, 0, NULL},
    {"Amdahl", 0, 0, NULL},
    {"x86emu", 0, 0, NULL},
    {"Liveupdate", 0, 0, NULL},
    /* Both */
    {"x86 HVM, ARM", 0, A_X | A_A, "x86"},
};

/* needle in hay, ASCII case ignored */
static bool contains(const char *hay, const char *needle)
{
    for (size_t n = strlen(needle); *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return true;
    return false;
}

static void test_arch(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(arch_cases) / sizeof(arch_cases[0]); i++) {
        unsigned a = arch_cases[i].heading
                         ? xsg_arch_of_heading(arch_cases[i].text)
                         : xsg_arch_of_qualifier(arch_cases[i].text);
        print_message("'%s'\n", arch_cases[i].text);
        assert_int_equal(a, arch_cases[i].arch);
    }
}

/* Every word of the vocabulary has a case above that it decides. */
static void test_arch_vocabulary(void **state)
{
    static const struct {
        const char *text;
        unsigned arch;
    } words[] = {
#define ARCH_WORD(text, arch, how) {text, XEN_SUPTAB_ARCH_##arch},
#include "arch_words.def"
#undef ARCH_WORD
    };
    (void)state;
    for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
        bool tested = false;
        for (size_t i = 0; i < sizeof(arch_cases) / sizeof(arch_cases[0]);
             i++) {
            if (!arch_cases[i].word ||
                strcmp(arch_cases[i].word, words[w].text))
                continue;
            assert_true(contains(arch_cases[i].text, words[w].text));
            assert_true(arch_cases[i].arch & words[w].arch);
            tested = true;
        }
        print_message("'%s'\n", words[w].text);
        assert_true(tested);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_form_note),
        cmocka_unit_test(test_form_label_wins),
        cmocka_unit_test(test_document_labels),
        cmocka_unit_test(test_typo_note_names_reading),
        cmocka_unit_test(test_arch),
        cmocka_unit_test(test_arch_vocabulary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
