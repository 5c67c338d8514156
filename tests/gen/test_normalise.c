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

#include <string.h>

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
    {"Not implemented", L_O, S_U, 0, 0},
    {"Not functional", L_O, S_U, 0, 0},
    {"No security support, not recommended", L_O, S_N, 0, 0},
    {"Support scope restricted", L_O, S_U, 0, 0},
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

static void test_arch(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int heading;
        unsigned arch;
    } t[] = {
        {"x86/PV", 1, XEN_SUPTAB_ARCH_X86},
        {"x86-64", 1, XEN_SUPTAB_ARCH_X86},
        {"ARM/GICv3 ITS", 1, XEN_SUPTAB_ARCH_ARM},
        {"ARM: Guest ACPI support", 1, XEN_SUPTAB_ARCH_ARM},
        {"ARM v7 + Virtualization Extensions", 1, XEN_SUPTAB_ARCH_ARM},
        {"ARM v8", 1, XEN_SUPTAB_ARCH_ARM},
        {"Arm: OP-TEE Mediator", 1, XEN_SUPTAB_ARCH_ARM},
        {"ARINC653 Scheduler", 1, 0},
        {"IOMMU", 1, 0},
        {"Alternative p2m", 1, 0},
        {"x86 PV", 0, XEN_SUPTAB_ARCH_X86},
        {"x86 HVM/PVH, Shadow, 2MiB", 0, XEN_SUPTAB_ARCH_X86},
        {"ARM64", 0, XEN_SUPTAB_ARCH_ARM},
        {"ARM32", 0, XEN_SUPTAB_ARCH_ARM},
        {"AMD IOMMU", 0, XEN_SUPTAB_ARCH_X86},
        {"Intel VT-d", 0, XEN_SUPTAB_ARCH_X86},
        {"ARM SMMUv1", 0, XEN_SUPTAB_ARCH_ARM},
        {"Cadence UART (ARM)", 0, XEN_SUPTAB_ARCH_ARM},
        {"x86_32, without shim", 0, XEN_SUPTAB_ARCH_X86},
        {"Linux (xen-blkback)", 0, 0},
        {"NS16550", 0, 0},
        {"ps/2 keyboard", 0, 0},
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        unsigned a = t[i].heading ? xsg_arch_of_heading(t[i].text)
                                  : xsg_arch_of_qualifier(t[i].text);
        print_message("'%s'\n", t[i].text);
        assert_int_equal(a, t[i].arch);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_document_labels),
        cmocka_unit_test(test_typo_note_names_reading),
        cmocka_unit_test(test_arch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
