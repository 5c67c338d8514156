/*
 * test_support_note.c: the domains in the record, as the hypervisor runs
 * it: XEN_SYSCTL_support_note (the toolstack's findings decided on as a
 * gate would, under every policy and with exemptions, recorded against
 * the domain) and support_domain_destroyed() (a destroyed domain's events
 * stay, marked gone, and are not merged with its id's next user's), from
 * xen-side/common/support_note.c on Linux against the hosted shim, with
 * the table of SUPPORT_MD linked in.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <hosted/shim.h>
#include <xen/errno.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/sysctl.h>
#include <xen/support.h>

#include "../../xen-side/common/support_private.h"
#include "xt_util.h"

/* A fresh record under policy arg (support= syntax); domains 1..9 exist. */
static void boot(const char *arg)
{
    static bool booted;
    unsigned long flags;
    struct xen_sysctl_support_load ld;

    hosted_reset();
    system_state = SYS_STATE_early_boot;
    if (!booted) {
        assert_int_equal(hosted_initcall_support_table_init(), 0);
        booted = true;
    } else {
        /* The built-in table again: table_generation moves on. */
        memset(&ld, 0, sizeof(ld));
        ld.size = xen_support_table_size;
        ld.buffer.p = (uint8_t *)xen_support_table;
        assert_int_equal(hosted_do_sysctl_load(&ld), 0);
    }
    support_policy = XEN_SUPPORT_POLICY_WARN;
    support_policy_flags = XEN_SUPPORT_PF_NOT_SECURITY;
    support_nr_exempt = 0;
    assert_int_equal(hosted_param_parse_support(arg), 0);
    spin_lock_irqsave(&support_events_lock, flags);
    support_nr_events = 0;
    support_events_lost = 0;
    spin_unlock_irqrestore(&support_events_lock, flags);
    system_state = SYS_STATE_active;
    hosted_domains = 0x3fe;
    hosted_printk_clear();
}

static unsigned int feature_named(const char *name)
{
    int id = xt_feature_by_name(name);

    assert_true(id >= 0);
    return (unsigned int)id;
}

/*
 * The first row of feature for an architecture in arch_mask, found
 * independently of support_note.c; XEN_SUPPORT_ROW_NONE if none.
 */
static unsigned int row_for(unsigned int feature, unsigned int arch_mask)
{
    const struct suptab *t = &support_active->t;
    struct suptab_feature f;

    suptab_feature(t, feature, &f);
    for (unsigned int i = f.first_row; i < f.first_row + f.nr_rows; i++) {
        struct suptab_row r;

        suptab_row(t, i, &r);
        if (XEN_SUPTAB_ARCH(r.reading) & arch_mask)
            return i;
    }
    return XEN_SUPPORT_ROW_NONE;
}

static uint32_t generation(void)
{
    struct xen_sysctl_support_info i;

    xt_info(&i);
    return i.table_generation;
}

static int note(unsigned int feature, unsigned int row, domid_t domid,
                unsigned int flags, const char *text, uint8_t *decision)
{
    struct xen_sysctl_support_note op;
    int rc;

    memset(&op, 0, sizeof(op));
    op.table_generation = generation();
    op.feature = (uint16_t)feature;
    op.row = (uint16_t)row;
    op.domid = domid;
    op.flags = (uint8_t)flags;
    op.decision = 0xee;
    snprintf(op.text, sizeof(op.text), "%s", text);
    rc = hosted_do_sysctl_note(&op);
    assert_int_equal(hosted_locks_held, 0);
    assert_int_equal(support_rcu_lock.depth, 0);
    assert_int_equal(hosted_domain_refs, 0);
    if (decision)
        *decision = op.decision;
    return rc;
}

static unsigned int nested_hvm(void)
{
    return feature_named("x86/Nested HVM");
}

/* Outside support under warn: recorded against the domain, one line. */
static void test_note_warn(void **state)
{
    struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    unsigned int f, row;
    uint8_t d;

    (void)state;
    boot("warn");
    f = nested_hvm();
    row = row_for(f, XEN_SUPTAB_ARCH_X86);
    assert_int_not_equal(row, XEN_SUPPORT_ROW_NONE);
    assert_int_equal(note(f, row, 3, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(d, XEN_SUPPORT_DECISION_WARNED);
    assert_int_equal(xt_events(ev), 1);
    assert_int_equal(ev[0].feature, f);
    assert_int_equal(ev[0].row, row);
    assert_int_equal(ev[0].domid, 3);
    assert_int_equal(ev[0].origin, XEN_SUPPORT_ORIGIN_DOMAIN);
    assert_int_equal(ev[0].decision, XEN_SUPPORT_DECISION_WARNED);
    assert_int_equal(ev[0].flags, 0);
    assert_int_equal(XEN_SUPTAB_LEVEL(ev[0].reading),
                     XEN_SUPTAB_LEVEL_EXPERIMENTAL);
    assert_string_equal(ev[0].origin_text, "nestedhvm=1");
    assert_non_null(strstr(hosted_printk_buf,
                           "support: d3: nestedhvm=1: 'x86/Nested HVM' is "
                           "outside security support"));
    assert_non_null(strstr(hosted_printk_buf, "enabled (support=warn)"));

    /* The same again merges, silently; another domain is its own. */
    hosted_printk_clear();
    assert_int_equal(note(f, row, 3, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(xt_events(ev), 1);
    assert_int_equal(ev[0].count, 2);
    assert_string_equal(hosted_printk_buf, "");
    assert_int_equal(note(f, row, 4, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(xt_events(ev), 2);
    assert_int_equal(ev[1].domid, 4);
}

/* A feature within support: decision 0, nothing recorded or printed. */
static void test_note_within(void **state)
{
    struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    const struct suptab *t;
    unsigned int f, row = XEN_SUPPORT_ROW_NONE;
    uint8_t d;

    (void)state;
    boot("refuse");
    t = &support_active->t;
    for (f = 0; f < t->h.nr_features; f++) {
        row = row_for(f, XEN_SUPTAB_ARCH_X86);
        if (row != XEN_SUPPORT_ROW_NONE && !support_outside(t, row))
            break;
    }
    assert_true(f < t->h.nr_features);
    assert_int_equal(note(f, row, 1, 0, "type=pv", &d), 0);
    assert_int_equal(d, 0);
    assert_int_equal(xt_events(ev), 0);
    assert_string_equal(hosted_printk_buf, "");
}

/* refuse: a check records nothing; the refusal of an unbuilt domain. */
static void test_note_refuse(void **state)
{
    struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    unsigned int f, row;
    uint8_t d;

    (void)state;
    boot("refuse");
    f = nested_hvm();
    row = row_for(f, XEN_SUPTAB_ARCH_X86);
    assert_int_equal(
        note(f, row, DOMID_INVALID, XEN_SUPPORT_NOTE_CHECK, "nestedhvm=1", &d),
        0);
    assert_int_equal(d, XEN_SUPPORT_DECISION_REFUSED);
    assert_int_equal(xt_events(ev), 0);
    assert_string_equal(hosted_printk_buf, "");

    assert_int_equal(note(f, row, DOMID_INVALID, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(d, XEN_SUPPORT_DECISION_REFUSED);
    assert_int_equal(xt_events(ev), 1);
    assert_int_equal(ev[0].domid, DOMID_INVALID);
    assert_int_equal(ev[0].decision, XEN_SUPPORT_DECISION_REFUSED);
    assert_non_null(strstr(hosted_printk_buf, "support: new domain: "
                                              "nestedhvm=1: "));
    assert_non_null(strstr(hosted_printk_buf, "refused (support=refuse)"));
}

/* Exemptions apply; quiet records without a line. */
static void test_note_exempt_quiet(void **state)
{
    struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    unsigned int f, row;
    uint8_t d;

    (void)state;
    boot("refuse,exempt:x86/Nested_HVM");
    f = nested_hvm();
    row = row_for(f, XEN_SUPTAB_ARCH_X86);
    assert_int_equal(note(f, row, 5, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(d, XEN_SUPPORT_DECISION_EXEMPTED);
    assert_non_null(strstr(hosted_printk_buf, "enabled (exempted)"));

    boot("quiet");
    assert_int_equal(note(f, row, 5, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(d, XEN_SUPPORT_DECISION_RECORDED);
    assert_int_equal(xt_events(ev), 1);
    assert_int_equal(ev[0].decision, XEN_SUPPORT_DECISION_RECORDED);
    assert_string_equal(hosted_printk_buf, "");
}

/* Every documented error, with nothing recorded. */
static void test_note_errors(void **state)
{
    struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    struct xen_sysctl_support_note op;
    const struct suptab *t;
    unsigned int f, row, other = XEN_SUPPORT_ROW_NONE, arm = 0;
    uint8_t d;

    (void)state;
    boot("warn");
    t = &support_active->t;
    f = nested_hvm();
    row = row_for(f, XEN_SUPTAB_ARCH_X86);
    /* A row of another feature, and a feature with Arm rows only. */
    other = row_for(f + 1 < t->h.nr_features ? f + 1 : 0, XEN_SUPTAB_ARCH_ALL);
    assert_int_not_equal(other, XEN_SUPPORT_ROW_NONE);
    for (arm = 0; arm < t->h.nr_features; arm++)
        if (row_for(arm, XEN_SUPTAB_ARCH_X86) == XEN_SUPPORT_ROW_NONE &&
            row_for(arm, XEN_SUPTAB_ARCH_ARM) != XEN_SUPPORT_ROW_NONE)
            break;
    assert_true(arm < t->h.nr_features);

    assert_int_equal(note(f, row, 3, 2, "x", &d), -EINVAL);
    assert_int_equal(note(f, row, 3, 0, "", &d), -EINVAL);
    assert_int_equal(note(f, row, 3, 0, "a\nb", &d), -EINVAL);
    assert_int_equal(note(t->h.nr_features, row, 3, 0, "x", &d), -EINVAL);
    assert_int_equal(note(f, t->h.nr_rows, 3, 0, "x", &d), -EINVAL);
    assert_int_equal(note(f, other, 3, 0, "x", &d), -EINVAL);
    assert_int_equal(note(f, XEN_SUPPORT_ROW_NONE, 3, 0, "x", &d), -EINVAL);
    assert_int_equal(
        note(arm, row_for(arm, XEN_SUPTAB_ARCH_ARM), 3, 0, "x", &d), -EINVAL);
    assert_int_equal(note(f, row, 42, 0, "x", &d), -ESRCH);
    assert_int_equal(note(f, row, DOMID_XEN, 0, "x", &d), -ESRCH);

    /* Unterminated text; pad. */
    memset(&op, 0, sizeof(op));
    op.table_generation = generation();
    op.feature = (uint16_t)f;
    op.row = (uint16_t)row;
    op.domid = 3;
    memset(op.text, 'a', sizeof(op.text));
    assert_int_equal(hosted_do_sysctl_note(&op), -EINVAL);
    snprintf(op.text, sizeof(op.text), "x");
    op.pad = 1;
    assert_int_equal(hosted_do_sysctl_note(&op), -EINVAL);
    op.pad = 0;
    /* Another table made active since the ids were read. */
    op.table_generation--;
    assert_int_equal(hosted_do_sysctl_note(&op), -EAGAIN);
    /* XSM first: denied, nothing decided. */
    op.table_generation++;
    hosted_xsm_rc = -EPERM;
    assert_int_equal(hosted_do_sysctl_note(&op), -EPERM);
    assert_int_equal(hosted_xsm_last_cmd, XEN_SYSCTL_support_note);
    hosted_xsm_rc = 0;
    assert_int_equal(xt_events(ev), 0);
    assert_int_equal(hosted_domain_refs, 0);

    /* A feature without a row here: no row, outside, as for a gate. */
    assert_int_equal(note(arm, XEN_SUPPORT_ROW_NONE, 3, 0, "dtdev=", &d), 0);
    assert_int_equal(d, XEN_SUPPORT_DECISION_WARNED);
    assert_int_equal(xt_events(ev), 1);
    assert_int_equal(ev[0].row, XEN_SUPPORT_ROW_NONE);
}

/* A destroyed domain's events stay, marked gone, and stay its own. */
static void test_domain_gone(void **state)
{
    struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    struct xen_sysctl_support_info before, after;
    unsigned int f, row;
    uint8_t d;

    (void)state;
    boot("warn");
    system_state = SYS_STATE_early_boot;
    assert_true(support_gate(SUPPORT_GATE_VPMU, NULL, "vpmu=1"));
    system_state = SYS_STATE_active;
    f = nested_hvm();
    row = row_for(f, XEN_SUPTAB_ARCH_X86);
    assert_int_equal(note(f, row, 3, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(note(f, row, DOMID_INVALID, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(note(f, row, 4, 0, "nestedhvm=1", &d), 0);

    xt_info(&before);
    support_domain_destroyed(3);
    xt_info(&after);
    assert_int_not_equal(after.generation, before.generation);
    assert_int_equal(xt_events(ev), 4);
    assert_int_equal(ev[0].origin, XEN_SUPPORT_ORIGIN_BOOT);
    assert_int_equal(ev[0].flags, 0);
    assert_int_equal(ev[1].domid, 3);
    assert_int_equal(ev[1].flags, XEN_SUPPORT_EVENT_GONE);
    assert_int_equal(ev[2].domid, DOMID_INVALID);
    assert_int_equal(ev[2].flags, 0);
    assert_int_equal(ev[3].domid, 4);
    assert_int_equal(ev[3].flags, 0);

    /* Again: nothing changes.  The id's next user gets its own event. */
    xt_info(&before);
    support_domain_destroyed(3);
    xt_info(&after);
    assert_int_equal(after.generation, before.generation);
    assert_int_equal(note(f, row, 3, 0, "nestedhvm=1", &d), 0);
    assert_int_equal(xt_events(ev), 5);
    assert_int_equal(ev[1].count, 1);
    assert_int_equal(ev[4].domid, 3);
    assert_int_equal(ev[4].flags, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_note_warn),
        cmocka_unit_test(test_note_within),
        cmocka_unit_test(test_note_refuse),
        cmocka_unit_test(test_note_exempt_quiet),
        cmocka_unit_test(test_note_errors),
        cmocka_unit_test(test_domain_gone),
    };

    return cmocka_run_group_tests_name("support_note", tests, NULL, NULL);
}
