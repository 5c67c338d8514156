/*
 * test_support_abi.c: the XEN_SYSCTL_support_table block, as extracted
 * from the public header patch, compiled the way dom0 tools will use it:
 * after Debian's installed <xen/sysctl.h> (libxen-dev, 4.17, interface
 * 0x15), with Xen's own guest-handle and alignment macros.  Checks the
 * layout is the documented one and fits struct xen_sysctl's union.
 */
#define __XEN_TOOLS__ 1

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <xen/xen.h>
#include <xen/sysctl.h>

#include "sysctl_support_abi.h"

static void test_interface_version(void **state)
{
    (void)state;
    assert_int_equal(XEN_SYSCTL_INTERFACE_VERSION, 0x15);
    assert_int_equal(XEN_SYSCTL_support_table, 31);
    assert_int_equal(XEN_SYSCTL_support_load, 32);
    assert_int_equal(XEN_SYSCTL_support_note, 33);
}

static void test_layout(void **state)
{
    struct xen_sysctl sysctl;

    (void)state;
    assert_true(sizeof(struct xen_sysctl_support_table) <=
                sizeof(sysctl.u.pad));
    assert_int_equal(sizeof(struct xen_sysctl_support_table), 72);
    assert_int_equal(sizeof(struct xen_sysctl_support_load), 24);
    assert_int_equal(sizeof(struct xen_sysctl_support_info), 60);
    assert_int_equal(offsetof(struct xen_sysctl_support_info, source), 44);
    assert_int_equal(offsetof(struct xen_sysctl_support_load, buffer), 16);
    assert_int_equal(sizeof(struct xen_sysctl_support_note), 56);
    assert_true(sizeof(struct xen_sysctl_support_note) <= sizeof(sysctl.u.pad));
    assert_int_equal(offsetof(struct xen_sysctl_support_note, domid), 8);
    assert_int_equal(offsetof(struct xen_sysctl_support_note, decision), 11);
    assert_int_equal(offsetof(struct xen_sysctl_support_note, text), 16);
    assert_int_equal(offsetof(struct xen_support_event, flags), 7);
    assert_int_equal(sizeof(struct xen_sysctl_support_get_table), 24);
    assert_int_equal(sizeof(struct xen_sysctl_support_get_events), 32);
    assert_int_equal(sizeof(struct xen_support_event), 64);
    assert_int_equal(offsetof(struct xen_sysctl_support_table, u), 8);
    assert_int_equal(offsetof(struct xen_sysctl_support_get_table, buffer), 16);
    assert_int_equal(offsetof(struct xen_sysctl_support_get_events, buffer),
                     24);
    assert_int_equal(offsetof(struct xen_support_event, time), 16);
    assert_int_equal(offsetof(struct xen_support_event, origin_text), 24);
    assert_int_equal(offsetof(struct xen_sysctl_support_info, policy_flags),
                     24);
    assert_int_equal(offsetof(struct xen_sysctl, u) % 8, 0);
}

/* A tool fills the op in the union's pad, as a patched header would. */
static void test_in_union(void **state)
{
    struct xen_sysctl sysctl;
    struct xen_sysctl_support_table op, back;
    uint8_t buf[16];

    (void)state;
    memset(&sysctl, 0, sizeof(sysctl));
    memset(&op, 0, sizeof(op));
    sysctl.cmd = XEN_SYSCTL_support_table;
    sysctl.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    op.cmd = XEN_SYSCTL_SUPPORT_get_table;
    op.u.table.len = sizeof(buf);
    set_xen_guest_handle(op.u.table.buffer, buf);
    memcpy(sysctl.u.pad, &op, sizeof(op));
    memcpy(&back, sysctl.u.pad, sizeof(back));
    assert_ptr_equal(back.u.table.buffer.p, buf);
    assert_int_equal(back.u.table.len, sizeof(buf));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interface_version),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_in_union),
    };

    return cmocka_run_group_tests_name("support_abi", tests, NULL, NULL);
}
