/*
 * test_support_gate.c: the boot policy (support=) and its gates, as the
 * hypervisor runs them: xen-side/common/support*.c on Linux against the
 * hosted shim, with the table of SUPPORT_MD (argv[1]) linked in.  The
 * expected decisions come from libxensupport's independent reading of
 * the same table.
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
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <public/domctl.h>
#include <public/sysctl.h>
#include <xen/support.h>
#include <asm/pv/shim.h>

/* support_policy.c's banner initcall, as the __initcall shim has it. */
extern int (*const hosted_initcall_support_banner)(void);

#include "../../xen-side/common/support_private.h"

#include "xensupport.h"
#include "xt_util.h"

static xensupport_table *tab; /* the linked table, read by the library */

static const struct {
    const char *name;
    unsigned int id;
} gates[] = {
    {"sched=credit", SUPPORT_GATE_SCHED_CREDIT},
    {"sched=credit2", SUPPORT_GATE_SCHED_CREDIT2},
    {"sched=rtds", SUPPORT_GATE_SCHED_RTDS},
    {"sched=arinc653", SUPPORT_GATE_SCHED_ARINC653},
    {"sched=null", SUPPORT_GATE_SCHED_NULL},
    {"sync_console", SUPPORT_GATE_SYNC_CONSOLE},
    {"debug keys", SUPPORT_GATE_DEBUG_KEYS},
    {"vpmu", SUPPORT_GATE_VPMU},
    {"altp2m", SUPPORT_GATE_ALTP2M},
    {"nestedhvm", SUPPORT_GATE_NESTED_HVM},
    {"mem-sharing", SUPPORT_GATE_MEM_SHARING},
    {"mem-paging", SUPPORT_GATE_MEM_PAGING},
    {"flask", SUPPORT_GATE_XSM_FLASK},
    {"acpi=force", SUPPORT_GATE_ACPI},
    {"gicv3-its", SUPPORT_GATE_GICV3_ITS},
};
#define NR_GATES (sizeof(gates) / sizeof(gates[0]))

/* The record's event with this feature, text and decision, or NULL. */
static const struct xen_support_event *
find(unsigned int feature, const char *text, unsigned int decision)
{
    static struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    struct xen_sysctl_support_table op;

    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_SUPPORT_get_events;
    op.u.events.nr = XEN_SUPPORT_EVENTS_MAX;
    op.u.events.buffer.p = ev;
    assert_int_equal(hosted_do_sysctl(&op), 0);
    assert_int_equal(hosted_locks_held, 0);
    for (unsigned i = 0; i < op.u.events.nr; i++)
        if (ev[i].feature == feature && ev[i].decision == decision &&
            !strcmp(ev[i].origin_text, text))
            return &ev[i];
    return NULL;
}

/* A fresh boot with one support= option (several accumulate). */
static void policy(const char *arg, int rc)
{
    hosted_reset();
    support_policy = XEN_SUPPORT_POLICY_WARN;
    support_policy_flags = XEN_SUPPORT_PF_NOT_SECURITY;
    support_nr_exempt = 0;
    assert_int_equal(hosted_param_parse_support(arg), rc);
}

/*
 * Independent reading: the row for x86 (the hosted build's arch) whose
 * qualifier contains qual (any case), or without one when qual is NULL,
 * else the first x86 row; -1 if none.
 */
static int expect_row(unsigned int feature, const char *qual)
{
    struct xensupport_feature f;
    int pick = -1;

    assert_int_equal(xensupport_get_feature(tab, feature, &f), 0);
    for (unsigned i = f.first_row; i < f.first_row + f.nr_rows; i++) {
        struct xensupport_row r;
        char q[64], w[64];

        assert_int_equal(xensupport_get_row(tab, i, &r), 0);
        if (!(r.arch & XENSUPPORT_ARCH_X86))
            continue;
        for (size_t k = 0; k < sizeof(q); k++) {
            q[k] = (char)(r.qualifier[k] |
                          (r.qualifier[k] >= 'A' && r.qualifier[k] <= 'Z' ? 32
                                                                          : 0));
            if (!r.qualifier[k])
                break;
        }
        q[sizeof(q) - 1] = '\0';
        snprintf(w, sizeof(w), "%s", qual ? qual : "");
        for (char *p = w; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p += 32;
        if (qual ? r.qualifier[0] && strstr(q, w) : !r.qualifier[0])
            return (int)i;
        if (pick < 0)
            pick = (int)i;
    }
    return pick;
}

static bool expect_outside(int row, bool strict)
{
    struct xensupport_row r;

    if (row < 0)
        return true;
    assert_int_equal(xensupport_get_row(tab, (unsigned)row, &r), 0);
    if (r.level == XENSUPPORT_LEVEL_TECH_PREVIEW ||
        r.level == XENSUPPORT_LEVEL_EXPERIMENTAL ||
        r.level == XENSUPPORT_LEVEL_DEPRECATED)
        return true;
    return strict && r.security == XENSUPPORT_SEC_NO;
}

static void test_defaults(void **state)
{
    struct xen_sysctl_support_info i;

    (void)state;
    assert_int_equal(hosted_initcall_support_table_init(), 0);
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_WARN);
    assert_int_equal(i.policy_flags, XEN_SUPPORT_PF_NOT_SECURITY);
    assert_int_equal(i.nr_exempt, 0);
    assert_int_equal(i.nr_events, 0);
}

/* sched=rtds at boot, default policy: one line, the banner, an event. */
static void test_warn_at_boot(void **state)
{
    const struct xen_support_event *e;
    char line[200];
    int row = expect_row(SUPPORT_GATE_SCHED_RTDS, NULL);
    struct xensupport_row r;

    (void)state;
    system_state = SYS_STATE_boot;
    hosted_reset();
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    assert_true(row >= 0);
    assert_int_equal(xensupport_get_row(tab, (unsigned)row, &r), 0);
    snprintf(line, sizeof(line),
             "support: sched=rtds: 'RTDS based Scheduler' is outside security "
             "support (%s: %s); enabled (support=warn)\n",
             r.key, r.value);
    assert_non_null(strstr(hosted_printk_buf, line));
    e = find(SUPPORT_GATE_SCHED_RTDS, "sched=rtds",
             XEN_SUPPORT_DECISION_WARNED);
    assert_non_null(e);
    assert_int_equal(e->row, row);
    assert_int_equal(e->origin, XEN_SUPPORT_ORIGIN_BOOT);
    assert_int_equal(e->domid, DOMID_XEN);
    assert_int_equal(e->count, 1);
    /* No gate touches the banner: the initcall builds it. */
    assert_int_equal(hosted_nr_warnings, 0);

    /* Again: merged, no second line, the banner unchanged. */
    hosted_reset();
    assert_true(support_gate_sched(XEN_SCHEDULER_RTDS, "sched=", false));
    assert_string_equal(hosted_printk_buf, "");
    e = find(SUPPORT_GATE_SCHED_RTDS, "sched=rtds",
             XEN_SUPPORT_DECISION_WARNED);
    assert_int_equal(e->count, 2);

    /* A second feature: the initcall lists both, each once, in one
       banner. */
    assert_true(support_gate_sched(XEN_SCHEDULER_NULL, "sched=", false));
    assert_int_equal(hosted_nr_warnings, 0);
    assert_int_equal(hosted_initcall_support_banner(), 0);
    assert_int_equal(hosted_nr_warnings, 1);
    assert_non_null(strstr(hosted_warnings[0],
                           "\n RTDS based Scheduler\n Null Scheduler\n"));
    assert_null(strstr(hosted_warnings[0], "Null Scheduler\n RTDS"));

    /* Supported schedulers and unknown ids pass silently. */
    hosted_reset();
    assert_true(support_gate_sched(XEN_SCHEDULER_CREDIT2, "sched=", false));
    assert_true(support_gate_sched(XEN_SCHEDULER_CREDIT, "sched=", false));
    assert_true(support_gate_sched(99, "sched=", false));
    assert_string_equal(hosted_printk_buf, "");
    assert_null(find(SUPPORT_GATE_SCHED_CREDIT2, "sched=credit2",
                     XEN_SUPPORT_DECISION_WARNED));
}

/* Every gate under every policy, strict and not, at run time. */
static void test_matrix(void **state)
{
    static const char *const pols[] = {"warn", "refuse", "quiet"};
    static const unsigned int want[] = {XEN_SUPPORT_DECISION_WARNED,
                                        XEN_SUPPORT_DECISION_REFUSED,
                                        XEN_SUPPORT_DECISION_RECORDED};

    unsigned int banners = hosted_nr_warnings;
    char banner[256];

    (void)state;
    snprintf(banner, sizeof(banner), "%s", banners ? hosted_warnings[0] : "");
    system_state = SYS_STATE_active;
    current->domain->domain_id = 0;
    for (unsigned p = 0; p < 3; p++)
        for (unsigned strict = 0; strict < 2; strict++) {
            char arg[32];

            snprintf(arg, sizeof(arg), "%s%s", pols[p],
                     strict ? ",strict" : ",no-strict");
            policy(arg, 0);
            for (unsigned g = 0; g < NR_GATES; g++) {
                unsigned id = gates[g].id;
                char text[40];
                int row = expect_row(id, NULL);
                bool out = expect_outside(row, strict);
                const struct xen_support_event *e;
                bool ok;

                snprintf(text, sizeof(text), "m:%s", gates[g].name);
                hosted_reset();
                ok = support_gate(id, NULL, text);
                assert_int_equal(ok, !out || want[p] !=
                                                 XEN_SUPPORT_DECISION_REFUSED);
                e = find(id, text, want[p]);
                if (!out) {
                    assert_null(e);
                    assert_string_equal(hosted_printk_buf, "");
                    continue;
                }
                assert_non_null(e);
                assert_int_equal(e->row, row < 0 ? XEN_SUPPORT_ROW_NONE : row);
                assert_int_equal(e->origin, XEN_SUPPORT_ORIGIN_RUNTIME);
                assert_int_equal(e->domid, 0);
                /* Reported once (quiet: never); runtime: no banner. */
                if (p == 2 || e->count > 1)
                    assert_string_equal(hosted_printk_buf, "");
                else
                    assert_non_null(
                        strstr(hosted_printk_buf,
                               want[p] == XEN_SUPPORT_DECISION_REFUSED
                                   ? "; refused (support=refuse)\n"
                                   : "; enabled (support=warn)\n"));
                assert_int_equal(hosted_nr_warnings, banners);
                if (banners)
                    assert_string_equal(hosted_warnings[0], banner);
            }
        }
}

/* Spot checks that hold for every statement since 4.10. */
static void test_readings(void **state)
{
    (void)state;
    system_state = SYS_STATE_active;
    assert_true(expect_outside(expect_row(SUPPORT_GATE_SCHED_RTDS, NULL), 0));
    assert_false(
        expect_outside(expect_row(SUPPORT_GATE_SCHED_CREDIT2, NULL), 1));
    assert_true(expect_outside(expect_row(SUPPORT_GATE_SYNC_CONSOLE, NULL), 1));
    assert_false(
        expect_outside(expect_row(SUPPORT_GATE_SYNC_CONSOLE, NULL), 0));
    /* ARM-only rows: nothing applies on x86, so it is outside. */
    assert_int_equal(expect_row(SUPPORT_GATE_GICV3_ITS, NULL), -1);

    policy("no-strict", 0);
    assert_true(support_gate(SUPPORT_GATE_SYNC_CONSOLE, NULL, "spot"));
    assert_null(
        find(SUPPORT_GATE_SYNC_CONSOLE, "spot", XEN_SUPPORT_DECISION_WARNED));
    policy("refuse", 0);
    assert_false(support_gate(SUPPORT_GATE_SYNC_CONSOLE, NULL, "spot"));
    assert_non_null(
        find(SUPPORT_GATE_SYNC_CONSOLE, "spot", XEN_SUPPORT_DECISION_REFUSED));
}

/* The qualifier hint picks the implementation's row. */
static void test_qualifier(void **state)
{
    const struct xen_support_event *e;
    int hvm = expect_row(SUPPORT_GATE_ALTP2M, "hvm");
    struct xensupport_row r;

    (void)state;
    policy("warn", 0);
    assert_true(hvm >= 0);
    assert_int_equal(xensupport_get_row(tab, (unsigned)hvm, &r), 0);
    assert_non_null(strstr(r.qualifier, "HVM"));
    assert_true(support_gate_domain(SUPPORT_GATE_ALTP2M, "hvm", 7, "qual"));
    e = find(SUPPORT_GATE_ALTP2M, "qual", XEN_SUPPORT_DECISION_WARNED);
    assert_non_null(e);
    assert_int_equal(e->row, hvm);
    assert_int_equal(e->origin, XEN_SUPPORT_ORIGIN_DOMAIN);
    assert_int_equal(e->domid, 7);
    assert_non_null(strstr(hosted_printk_buf, "(Status, x86 HVM: "));
}

static void test_exemptions(void **state)
{
    struct xen_sysctl_support_info i;

    (void)state;
    system_state = SYS_STATE_active;
    policy("refuse,exempt:RTDS_based-scheduler,exempt:vpmu", 0);
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_REFUSE);
    assert_int_equal(i.nr_exempt, 2);
    assert_int_equal(i.policy_flags,
                     XEN_SUPPORT_PF_NOT_SECURITY | XEN_SUPPORT_PF_EXEMPTIONS);
    hosted_reset();
    assert_true(
        support_gate_sched(XEN_SCHEDULER_RTDS, "cpupool sched=", false));
    assert_non_null(strstr(hosted_printk_buf,
                           "support: cpupool sched=rtds: 'RTDS based "
                           "Scheduler' is outside security support ("));
    assert_non_null(strstr(hosted_printk_buf, "; enabled (exempted)\n"));
    assert_non_null(find(SUPPORT_GATE_SCHED_RTDS, "cpupool sched=rtds",
                         XEN_SUPPORT_DECISION_EXEMPTED));
    assert_false(
        support_gate_sched(XEN_SCHEDULER_NULL, "cpupool sched=", false));
    assert_non_null(find(SUPPORT_GATE_SCHED_NULL, "cpupool sched=null",
                         XEN_SUPPORT_DECISION_REFUSED));

    /* Bad words: reported, -EINVAL, the rest still applies. */
    policy("quiet,exempt:no-such-feature,bogus", -EINVAL);
    assert_non_null(
        strstr(hosted_printk_buf, "exempt: no feature 'no-such-feature'"));
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_QUIET);
    assert_int_equal(i.nr_exempt, 0);
    assert_int_equal(i.policy_flags, XEN_SUPPORT_PF_NOT_SECURITY);
    policy("warn,", -EINVAL);
    policy("exempt:", -EINVAL);
}

/*
 * Several support= options accumulate: one option holds at most 119
 * characters (MAX_PARAM_SIZE), so many exemptions need several.  The
 * last policy and strict words win; exemptions add up, to EXEMPT_MAX.
 */
static void test_option_accumulates(void **state)
{
    struct xen_sysctl_support_info i;

    (void)state;
    policy("refuse,exempt:hypervisor-synchronous-console-output-sync-"
           "console,exempt:rtds-based-scheduler",
           0);
    assert_int_equal(hosted_param_parse_support("exempt:vpmu,exempt:"
                                                "alternative-p2m,no-strict"),
                     0);
    assert_int_equal(hosted_param_parse_support("exempt:null-scheduler,quiet"),
                     0);
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_QUIET);
    assert_int_equal(i.nr_exempt, 5);
    assert_int_equal(i.policy_flags, XEN_SUPPORT_PF_EXEMPTIONS);
    assert_true(support_exempted(SUPPORT_GATE_SCHED_RTDS));
    assert_true(support_exempted(SUPPORT_GATE_SCHED_NULL));
    assert_true(support_exempted(SUPPORT_GATE_VPMU));
    assert_false(support_exempted(SUPPORT_GATE_SCHED_CREDIT2));
}

/*
 * Merged events keep their domain: the same feature, origin, decision
 * and text for two domains are two events, each counting its own.
 */
static void test_merge_keeps_domain(void **state)
{
    static struct xen_support_event ev[XEN_SUPPORT_EVENTS_MAX];
    struct xen_sysctl_support_table op;
    unsigned int d3 = 0, d4 = 0;

    (void)state;
    system_state = SYS_STATE_active;
    policy("warn", 0);
    assert_true(support_gate_domain(SUPPORT_GATE_ALTP2M, NULL, 3, "altp2m"));
    assert_true(support_gate_domain(SUPPORT_GATE_ALTP2M, NULL, 4, "altp2m"));
    assert_true(support_gate_domain(SUPPORT_GATE_ALTP2M, NULL, 3, "altp2m"));
    memset(&op, 0, sizeof(op));
    op.cmd = XEN_SYSCTL_SUPPORT_get_events;
    op.u.events.nr = XEN_SUPPORT_EVENTS_MAX;
    op.u.events.buffer.p = ev;
    assert_int_equal(hosted_do_sysctl(&op), 0);
    for (unsigned i = 0; i < op.u.events.nr; i++) {
        if (ev[i].feature != SUPPORT_GATE_ALTP2M ||
            strcmp(ev[i].origin_text, "altp2m"))
            continue;
        if (ev[i].domid == 3)
            d3 = ev[i].count;
        if (ev[i].domid == 4)
            d4 = ev[i].count;
    }
    assert_int_equal(d3, 2);
    assert_int_equal(d4, 1);
}

/*
 * FLASK refused at boot stops Xen with one clear line (never the dummy
 * policy in place of the enforcing one asked for); warned, it goes on.
 */
static void test_flask_refusal(void **state)
{
    jmp_buf jb;

    (void)state;
    system_state = SYS_STATE_boot;
    policy("warn", 0);
    support_gate_flask();
    assert_non_null(strstr(hosted_printk_buf, "support: flask: "));
    assert_non_null(
        find(SUPPORT_GATE_XSM_FLASK, "flask", XEN_SUPPORT_DECISION_WARNED));
    assert_null(strstr(hosted_printk_buf, "PANIC"));

    policy("refuse", 0);
    hosted_panic_jmp = &jb;
    if (setjmp(jb) == 0) {
        support_gate_flask();
        hosted_panic_jmp = NULL;
        fail_msg("support=refuse let FLASK through to the dummy policy");
    }
    hosted_panic_jmp = NULL;
    assert_non_null(strstr(hosted_printk_buf,
                           "PANIC: support=refuse refuses FLASK, which is "
                           "outside security support; boot with "
                           "support=exempt:"));
    assert_non_null(
        find(SUPPORT_GATE_XSM_FLASK, "flask", XEN_SUPPORT_DECISION_REFUSED));

    /* Exempted, it is used. */
    policy("refuse,exempt:xsm-flask", 0);
    support_gate_flask();
    assert_null(strstr(hosted_printk_buf, "PANIC"));
    system_state = SYS_STATE_active;
}

/*
 * The default scheduler is the fallback: refusing it could not keep it
 * off, so under refuse it is recorded as warned, never as refused while
 * it runs.  Another scheduler is still refused.
 */
static void test_sched_fallback(void **state)
{
    (void)state;
    system_state = SYS_STATE_boot;
    policy("refuse", 0);
    assert_true(
        support_gate_sched(XEN_SCHEDULER_NULL, "fallback sched=", true));
    assert_non_null(find(SUPPORT_GATE_SCHED_NULL, "fallback sched=null",
                         XEN_SUPPORT_DECISION_WARNED));
    assert_null(find(SUPPORT_GATE_SCHED_NULL, "fallback sched=null",
                     XEN_SUPPORT_DECISION_REFUSED));
    assert_non_null(strstr(hosted_printk_buf,
                           "enabled (the fallback: support=refuse cannot "
                           "keep it off)"));
    assert_false(
        support_gate_sched(XEN_SCHEDULER_RTDS, "fallback sched=", false));
    assert_non_null(find(SUPPORT_GATE_SCHED_RTDS, "fallback sched=rtds",
                         XEN_SUPPORT_DECISION_REFUSED));
    system_state = SYS_STATE_active;
}

/*
 * The PV shim's null scheduler takes the statement's shim row (4.17 on:
 * "Status, x86/shim: Supported", so it passes); without one, the first
 * x86 row, as any gate.  The expectation is read independently.
 */
static void test_shim_row(void **state)
{
    int row = expect_row(SUPPORT_GATE_SCHED_NULL, "shim");
    bool out = expect_outside(row, true);

    (void)state;
    system_state = SYS_STATE_active;
    policy("refuse", 0);
    pv_shim = true;
    assert_int_equal(
        support_gate_sched(XEN_SCHEDULER_NULL, "shim sched=", false), !out);
    pv_shim = false;
    if (out)
        assert_non_null(find(SUPPORT_GATE_SCHED_NULL, "shim sched=null",
                             XEN_SUPPORT_DECISION_REFUSED));
    else
        assert_null(strstr(hosted_printk_buf, "shim sched=null"));
}

/*
 * Arm's ACPI gate runs before the timer is up (NOW() would divide by
 * cpu_khz 0): gates before SMP boot never call NOW(), and their events
 * carry time 0.
 */
static void test_early_gate_no_time(void **state)
{
    const struct xen_support_event *e;

    (void)state;
    system_state = SYS_STATE_early_boot;
    policy("warn", 0);
    hosted_now_early = 0;
    assert_true(support_gate(SUPPORT_GATE_SCHED_RTDS, NULL, "early"));
    assert_int_equal(hosted_now_early, 0);
    e = find(SUPPORT_GATE_SCHED_RTDS, "early", XEN_SUPPORT_DECISION_WARNED);
    assert_non_null(e);
    assert_int_equal(e->time, 0);
    system_state = SYS_STATE_active;
    assert_true(support_gate(SUPPORT_GATE_SCHED_RTDS, NULL, "later"));
    e = find(SUPPORT_GATE_SCHED_RTDS, "later", XEN_SUPPORT_DECISION_WARNED);
    assert_non_null(e);
    assert_true(e->time > 0);
}

/* The words of support=, read with Xen's own helpers. */
static void test_option_words(void **state)
{
    struct xen_sysctl_support_info i;

    (void)state;
    policy("quiet,strict=no", 0);
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_QUIET);
    assert_int_equal(i.policy_flags, 0);
    policy("refuse,no-strict,strict=yes", 0);
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_REFUSE);
    assert_int_equal(i.policy_flags, XEN_SUPPORT_PF_NOT_SECURITY);
    policy("no-strict", 0);
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_WARN);
    assert_int_equal(i.policy_flags, 0);
    policy("strict=maybe", -EINVAL);
    policy("no-strict=1", -EINVAL);
    policy("warning", -EINVAL);
    policy("refuse,quietly", -EINVAL);
    xt_info(&i);
    assert_int_equal(i.policy, XEN_SUPPORT_POLICY_REFUSE);
}

/* The hosted helpers behave as xen/common/kernel.c's. */
static void test_cmdline_helpers(void **state)
{
    (void)state;
    assert_int_equal(cmdline_strcmp("warn", "warn"), 0);
    assert_int_equal(cmdline_strcmp("warn,strict", "warn"), 0);
    assert_int_equal(cmdline_strcmp("warn:x", "warn"), 0);
    assert_true(cmdline_strcmp("warning", "warn") > 0);
    assert_true(cmdline_strcmp("war", "warn") < 0);
    assert_int_equal(parse_bool("yes", NULL), 1);
    static const char off[] = "off,x";
    assert_int_equal(parse_bool(off, off + 3), 0);
    assert_int_equal(parse_bool("maybe", NULL), -1);
    assert_int_equal(parse_boolean("strict", "strict", NULL), 1);
    assert_int_equal(parse_boolean("strict", "no-strict", NULL), 0);
    assert_int_equal(parse_boolean("strict", "strict=0", NULL), 0);
    assert_int_equal(parse_boolean("strict", "strict=on,warn", NULL), -2);
    static const char w[] = "strict=on,warn";
    assert_int_equal(parse_boolean("strict", w, w + 9), 1);
    assert_int_equal(parse_boolean("strict", "no-strict=1", NULL), -1);
    assert_int_equal(parse_boolean("strict", "stricter", NULL), -1);
    assert_int_equal(parse_boolean("strict", "str", NULL), -1);
}

/* A full record: later events are counted as lost, decisions still hold. */
static void test_full_record(void **state)
{
    struct xen_sysctl_support_info i;
    char text[32];
    unsigned n = 0;

    (void)state;
    policy("refuse", 0);
    do {
        snprintf(text, sizeof(text), "fill%u", n++);
        assert_false(support_gate(SUPPORT_GATE_SCHED_RTDS, NULL, text));
        xt_info(&i);
    } while (i.nr_events < i.max_events && n < 1000);
    assert_int_equal(i.nr_events, XEN_SUPPORT_EVENTS_MAX);
    assert_int_equal(i.events_lost, 0);
    hosted_reset();
    assert_false(support_gate(SUPPORT_GATE_SCHED_RTDS, NULL, "one more"));
    assert_non_null(strstr(hosted_printk_buf, "refused (support=refuse)"));
    policy("warn", 0);
    assert_true(support_gate(SUPPORT_GATE_SCHED_RTDS, NULL, "two more"));
    xt_info(&i);
    assert_int_equal(i.events_lost, 2);
    /* A recorded event still merges. */
    policy("refuse", 0);
    assert_false(support_gate(SUPPORT_GATE_SCHED_RTDS, NULL, "fill0"));
    assert_int_equal(
        find(SUPPORT_GATE_SCHED_RTDS, "fill0", XEN_SUPPORT_DECISION_REFUSED)
            ->count,
        2);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_warn_at_boot),
        cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_readings),
        cmocka_unit_test(test_qualifier),
        cmocka_unit_test(test_exemptions),
        cmocka_unit_test(test_option_words),
        cmocka_unit_test(test_option_accumulates),
        cmocka_unit_test(test_merge_keeps_domain),
        cmocka_unit_test(test_flask_refusal),
        cmocka_unit_test(test_sched_fallback),
        cmocka_unit_test(test_shim_row),
        cmocka_unit_test(test_early_gate_no_time),
        cmocka_unit_test(test_cmdline_helpers),
        cmocka_unit_test(test_full_record),
    };
    char err[XENSUPPORT_ERRLEN];
    int rc;

    (void)argc;
    (void)argv;
    tab = xensupport_open_memory(xen_support_table, xen_support_table_size, 0,
                                 err, sizeof(err));
    if (!tab) {
        fprintf(stderr, "test_support_gate: %s\n", err);
        return 1;
    }
    rc = cmocka_run_group_tests_name("support_gate", tests, NULL, NULL);
    xensupport_close(tab);
    return rc;
}
