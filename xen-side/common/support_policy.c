/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support_policy.c: the boot policy of the built-in support statement.
 *
 * Answers the gates under the policy that support= chose
 * (support_param.c): a site about to enable a feature outside security
 * support learns whether it may, keeps the sticky record of gated
 * features that XEN_SYSCTL_support_table reads back, and reports them
 * (one line each, and the end-of-boot warning banner).
 * docs/support-policy.md describes the policy.  The same file builds on
 * Linux against xen-side/hosted/ for the unit tests.
 */

#include <xen/errno.h>
#include <xen/init.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/rcupdate.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/string.h>
#include <xen/support.h>
#include <xen/time.h>
#include <xen/warning.h>
#include <public/domctl.h>

#ifdef CONFIG_X86
#include <asm/pv/shim.h> /* pv_shim: 1, 0, or a boot-time bool */
#else
#define pv_shim false
#endif

#include "support_private.h"

/* The sticky record of gate events. */
DEFINE_SPINLOCK(support_events_lock);
struct xen_support_event support_events[XEN_SUPPORT_EVENTS_MAX];
unsigned int support_nr_events;
uint32_t support_events_generation;
uint32_t support_events_lost;

/*
 * Add an event to the record, under support_events_lock: 1 for a new
 * event, 0 for one merged into an equal one, -ENOSPC when full (lost).
 * otext is XEN_SUPPORT_ORIGIN_TEXT bytes, NUL-padded.
 */
static int add_event(unsigned int feature, unsigned int row, uint8_t reading,
                     unsigned int decision, unsigned int origin, domid_t domid,
                     const char *otext)
{
    struct xen_support_event *e;
    unsigned int i;

    for ( i = 0; i < support_nr_events; i++ )
    {
        e = &support_events[i];
        /*
         * The domain is part of the key: merging keeps whose it was.  A
         * destroyed domain's events are its own, not its id's next user's.
         */
        if ( e->feature == feature && e->origin == origin &&
             e->decision == decision && e->domid == domid &&
             !(e->flags & XEN_SUPPORT_EVENT_GONE) &&
             !memcmp(e->origin_text, otext, XEN_SUPPORT_ORIGIN_TEXT) )
        {
            if ( e->count < UINT16_MAX )
                e->count++;
            support_events_generation++;
            return 0;
        }
    }

    if ( support_nr_events == ARRAY_SIZE(support_events) )
    {
        if ( support_events_lost < UINT32_MAX )
            support_events_lost++;
        return -ENOSPC;
    }

    e = &support_events[support_nr_events];
    memset(e, 0, sizeof(*e));
    e->feature = feature;
    e->row = row;
    e->decision = decision;
    e->origin = origin;
    e->reading = reading;
    e->domid = domid;
    e->count = 1;
    e->seq = ++support_events_generation;
    /*
     * Time is kept from SMP boot on: earlier, NOW() may divide by a
     * cpu_khz still 0 (Arm's ACPI gate runs before preinit_xen_time()).
     * 0 means "while Xen booted".
     */
    e->time = system_state >= SYS_STATE_smp_boot ? NOW() : 0;
    memcpy(e->origin_text, otext, XEN_SUPPORT_ORIGIN_TEXT);
    support_nr_events++;
    return 1;
}

int support_record_in(const struct support_active *a, unsigned int feature,
                      unsigned int row, unsigned int decision,
                      unsigned int origin, domid_t domid, const char *text)
{
    const struct suptab *t = &a->t;
    struct suptab_row r = {0};
    char otext[XEN_SUPPORT_ORIGIN_TEXT];
    unsigned long flags;
    int rc;

    if ( feature >= t->h.nr_features ||
         (row != XEN_SUPPORT_ROW_NONE && row >= t->h.nr_rows) ||
         decision < XEN_SUPPORT_DECISION_WARNED ||
         decision > XEN_SUPPORT_DECISION_EXEMPTED ||
         origin < XEN_SUPPORT_ORIGIN_BOOT ||
         origin > XEN_SUPPORT_ORIGIN_RUNTIME )
        return -EINVAL;
    if ( row != XEN_SUPPORT_ROW_NONE )
        suptab_row(t, row, &r);

    memset(otext, 0, sizeof(otext));
    if ( text )
        strlcpy(otext, text, sizeof(otext));

    spin_lock_irqsave(&support_events_lock, flags);
    /* support_activate() swaps tables under this lock. */
    rc = a == support_active ? add_event(feature, row, r.reading, decision,
                                         origin, domid, otext)
                             : -EAGAIN;
    spin_unlock_irqrestore(&support_events_lock, flags);
    return rc;
}

/*
 * What the gates let through within support, kept so that a table made
 * active later can reassess it (support_reassess()): a feature enabled
 * since boot that the new statement puts outside support is recorded
 * then.  Under support_events_lock.  Beyond PASSED_MAX distinct ones,
 * later ones are not kept.
 */
#define PASSED_MAX 32
static struct passed {
    uint16_t id; /* built-in feature id, as the gate names it */
    uint8_t origin;
    domid_t domid;
    const char *qual; /* the call site's literal, or NULL */
    char text[XEN_SUPPORT_ORIGIN_TEXT];
} passed[PASSED_MAX];
static unsigned int nr_passed;

static void remember(unsigned int id, const char *qual, unsigned int origin,
                     domid_t domid, const char *text)
{
    struct passed p = {
        .id = id, .origin = origin, .domid = domid, .qual = qual};
    unsigned long flags;
    unsigned int i;

    if ( text )
        strlcpy(p.text, text, sizeof(p.text));
    spin_lock_irqsave(&support_events_lock, flags);
    for ( i = 0; i < nr_passed; i++ )
        if ( passed[i].id == id && passed[i].origin == origin &&
             passed[i].domid == domid && passed[i].qual == qual &&
             !memcmp(passed[i].text, p.text, sizeof(p.text)) )
            break;
    if ( i == nr_passed && nr_passed < PASSED_MAX )
        passed[nr_passed++] = p;
    spin_unlock_irqrestore(&support_events_lock, flags);
}

void support_forget_domain(domid_t domid)
{
    unsigned int i = 0;

    while ( i < nr_passed )
        if ( passed[i].origin != XEN_SUPPORT_ORIGIN_BOOT &&
             passed[i].domid == domid )
            passed[i] = passed[--nr_passed];
        else
            i++;
}

int support_record(unsigned int feature, unsigned int row,
                   unsigned int decision, unsigned int origin, domid_t domid,
                   const char *text)
{
    const struct support_active *a;
    int rc;

    do
    {
        rcu_read_lock(&support_rcu_lock);
        a = rcu_dereference(support_active);
        rc = a ? support_record_in(a, feature, row, decision, origin, domid,
                                   text)
               : -EINVAL;
        rcu_read_unlock(&support_rcu_lock);
    } while ( rc == -EAGAIN );

    return rc < 0 ? rc : 0;
}

/* The row of feature in to with the qualifier of row in from. */
static unsigned int same_row(const struct suptab *from, unsigned int row,
                             const struct suptab *to, unsigned int feature)
{
    struct suptab_feature f;
    struct suptab_row r;
    char qual[64] = "";
    unsigned int i;
    int len = 0;

    suptab_row(from, row, &r);
    if ( r.qualifier != XEN_SUPTAB_STR_NONE )
        len = suptab_str_copy(from, r.qualifier, qual, sizeof(qual));
    if ( len < 0 || (size_t)len >= sizeof(qual) )
        return XEN_SUPPORT_ROW_NONE;

    suptab_feature(to, feature, &f);
    for ( i = f.first_row; i < f.first_row + f.nr_rows; i++ )
    {
        struct suptab_row n;

        suptab_row(to, i, &n);
        if ( !(XEN_SUPTAB_ARCH(n.reading) & XEN_SUPTAB_ARCH(r.reading)) )
            continue;
        if ( r.qualifier == XEN_SUPTAB_STR_NONE
                 ? n.qualifier == XEN_SUPTAB_STR_NONE
                 : n.qualifier != XEN_SUPTAB_STR_NONE &&
                       !suptab_str_cmp(to, n.qualifier, qual) )
            return i;
    }
    return XEN_SUPPORT_ROW_NONE;
}

void support_events_follow(const struct suptab *from, const struct suptab *to)
{
    unsigned int i;

    for ( i = 0; i < support_nr_events; i++ )
    {
        struct xen_support_event *e = &support_events[i];
        int id = XEN_SUPPORT_FEATURE_NONE;

        if ( e->feature < from->h.nr_features )
            id = support_same_feature(from, e->feature, to);
        if ( id < 0 || id == XEN_SUPPORT_FEATURE_NONE )
        {
            e->feature = XEN_SUPPORT_FEATURE_NONE;
            e->row = XEN_SUPPORT_ROW_NONE;
            continue;
        }
        e->row = e->row < from->h.nr_rows ? same_row(from, e->row, to, id)
                                          : XEN_SUPPORT_ROW_NONE;
        e->feature = id;
    }
    support_events_generation++;
}

/*
 * The row of feature (in t) that applies here: the first one for this
 * architecture whose qualifier contains qual, or without a qualifier when
 * qual is NULL; else the first one for this architecture.
 */
static unsigned int pick_row(const struct suptab *t, unsigned int feature,
                             const char *qual)
{
    unsigned int i, pick = XEN_SUPPORT_ROW_NONE;
    struct suptab_feature f;

    suptab_feature(t, feature, &f);
    for ( i = f.first_row; i < f.first_row + f.nr_rows; i++ )
    {
        struct suptab_row r;
        bool has_qual;

        suptab_row(t, i, &r);
        has_qual = r.qualifier != XEN_SUPTAB_STR_NONE;
        if ( !(XEN_SUPTAB_ARCH(r.reading) & SUPPORT_ARCH) )
            continue;
        if ( qual ? has_qual && suptab_str_has(t, r.qualifier, qual)
                  : !has_qual )
            return i;
        if ( pick == XEN_SUPPORT_ROW_NONE )
            pick = i;
    }
    return pick;
}

bool support_outside(const struct suptab *t, unsigned int row)
{
    struct suptab_row r;

    if ( row >= t->h.nr_rows )
        return true;
    suptab_row(t, row, &r);
    switch ( XEN_SUPTAB_LEVEL(r.reading) )
    {
    case XEN_SUPTAB_LEVEL_TECH_PREVIEW:
    case XEN_SUPTAB_LEVEL_EXPERIMENTAL:
    case XEN_SUPTAB_LEVEL_DEPRECATED:
        return true;
    }
    return XEN_SUPTAB_SEC(r.reading) == XEN_SUPTAB_SEC_NO &&
           (support_policy_flags & XEN_SUPPORT_PF_NOT_SECURITY);
}

void support_reassess(const struct support_active *a)
{
    const struct suptab *t = &a->t;
    unsigned int i;

    for ( i = 0; i < nr_passed; i++ )
    {
        const struct passed *p = &passed[i];
        unsigned int feature = support_gate_feature(a, p->id), row, decision;
        struct suptab_feature f;
        struct suptab_row r = {0};
        char name[80];

        if ( feature == XEN_SUPPORT_FEATURE_NONE )
            continue;
        row = pick_row(t, feature, p->qual);
        if ( !support_outside(t, row) )
            continue;
        /* Already enabled: recorded, and never refused. */
        decision = support_decide(p->id, false);
        if ( row < t->h.nr_rows )
            suptab_row(t, row, &r);
        if ( add_event(feature, row, r.reading, decision, p->origin, p->domid,
                       p->text) != 1 ||
             decision == XEN_SUPPORT_DECISION_RECORDED )
            continue;
        suptab_feature(t, feature, &f);
        suptab_str_copy(t, f.name, name, sizeof(name));
        printk(XENLOG_WARNING
               "support: %s: '%s' is outside security support "
               "in the statement now active; it was enabled before\n",
               p->text[0] ? p->text : "-", name);
    }
}

/*
 * The end-of-boot warning banner: the features the boot gates enabled
 * under support=warn, one name a line, read from the record once the boot
 * gates have run (an initcall: warning_add() and the banner are init-time
 * only, and no gate touches them).  Gates after the initcalls still print
 * their own line.
 */
static int __init cf_check support_banner(void)
{
    static const char head[] =
        "WARNING: SUPPORT: features outside security support enabled\n"
        "(support=warn; support=refuse keeps them off; see xen-support "
        "status):\n";
    static const char more[] = " ...\n";
    static char __initdata banner[256];
    unsigned int len = 0, i, j;
    unsigned long flags;
    char name[80];

    /* Secondary CPUs are up: a gate in IRQ context may be recording. */
    spin_lock_irqsave(&support_events_lock, flags);
    for ( i = 0; i < support_nr_events; i++ )
    {
        const struct xen_support_event *e = &support_events[i];

        if ( e->decision != XEN_SUPPORT_DECISION_WARNED ||
             e->origin != XEN_SUPPORT_ORIGIN_BOOT )
            continue;
        for ( j = 0; j < i; j++ ) /* each feature once */
            if ( support_events[j].feature == e->feature &&
                 support_events[j].decision == XEN_SUPPORT_DECISION_WARNED &&
                 support_events[j].origin == XEN_SUPPORT_ORIGIN_BOOT )
                break;
        if ( j < i )
            continue;
        if ( !len )
            len = snprintf(banner, sizeof(banner), "%s", head);
        if ( support_feature_name(e->feature, name, sizeof(name)) < 0 )
            strlcpy(name, e->origin_text, sizeof(name));
        if ( len + strlen(name) + 3 + sizeof(more) > sizeof(banner) )
        {
            snprintf(banner + len, sizeof(banner) - len, "%s", more);
            break;
        }
        len += snprintf(banner + len, sizeof(banner) - len, " %s\n", name);
    }
    spin_unlock_irqrestore(&support_events_lock, flags);
    if ( len )
        warning_add(banner);
    return 0;
}
__initcall(support_banner);

static const char *const decisions[] = {
    [XEN_SUPPORT_DECISION_WARNED] = "enabled (support=warn)",
    [XEN_SUPPORT_DECISION_REFUSED] = "refused (support=refuse)",
    [XEN_SUPPORT_DECISION_RECORDED] = "enabled (support=quiet)",
    [XEN_SUPPORT_DECISION_EXEMPTED] = "enabled (exempted)",
};

unsigned int support_decide(unsigned int id, bool refusable)
{
    if ( support_exempted(id) )
        return XEN_SUPPORT_DECISION_EXEMPTED;
    if ( support_policy == XEN_SUPPORT_POLICY_REFUSE && refusable )
        return XEN_SUPPORT_DECISION_REFUSED;
    if ( support_policy == XEN_SUPPORT_POLICY_QUIET )
        return XEN_SUPPORT_DECISION_RECORDED;
    return XEN_SUPPORT_DECISION_WARNED;
}

void support_report(const struct suptab *t, unsigned int feature,
                    unsigned int row, const char *text, unsigned int decision,
                    bool refusable)
{
    struct suptab_feature f;
    struct suptab_row r;
    char name[80], key[24], qualifier[32] = "", value[64] = "(no row)";

    suptab_feature(t, feature, &f);
    suptab_str_copy(t, f.name, name, sizeof(name));
    if ( row < t->h.nr_rows )
    {
        suptab_row(t, row, &r);
        suptab_str_copy(t, r.key, key, sizeof(key));
        if ( r.qualifier != XEN_SUPTAB_STR_NONE )
        {
            qualifier[0] = ',';
            qualifier[1] = ' ';
            suptab_str_copy(t, r.qualifier, qualifier + 2,
                            sizeof(qualifier) - 2);
        }
        suptab_str_copy(t, r.value, value, sizeof(value));
    }
    else
        strlcpy(key, "Status", sizeof(key));
    printk(XENLOG_WARNING
           "support: %s: '%s' is outside security support (%s%s: %s); %s\n",
           text ? text : "-", name, key, qualifier, value,
           refusable || support_policy != XEN_SUPPORT_POLICY_REFUSE
               ? decisions[decision]
               : "enabled (the fallback: support=refuse cannot keep it off)");
}

/*
 * The gate in table a (under RCU) for built-in feature id: 1 when the
 * caller may enable the feature, 0 when refused, -EAGAIN when a was
 * replaced meanwhile.  refusable: false for what Xen would fall back to
 * anyway (the default scheduler): refusing it could not keep it off, so
 * it is recorded as warned, with a line saying why, never as refused
 * while it runs.
 */
static int gate_in(const struct support_active *a, unsigned int id,
                   const char *qual, unsigned int origin, domid_t domid,
                   const char *text, bool refusable)
{
    const struct suptab *t = &a->t;
    unsigned int feature = support_gate_feature(a, id);
    unsigned int row, decision;
    int fresh;

    /* Not in this statement: no reading, no policy. */
    if ( feature == XEN_SUPPORT_FEATURE_NONE )
        return 1;
    row = pick_row(t, feature, qual);
    if ( !support_outside(t, row) )
    {
        remember(id, qual, origin, domid, text);
        return 1;
    }

    decision = support_decide(id, refusable);
    fresh = support_record_in(a, feature, row, decision, origin, domid, text);
    if ( fresh == -EAGAIN )
        return fresh;
    /* A new event (or one the full record lost): say so once. */
    if ( fresh != 0 && decision != XEN_SUPPORT_DECISION_RECORDED )
        support_report(t, feature, row, text, decision, refusable);
    return decision != XEN_SUPPORT_DECISION_REFUSED;
}

static bool gate(unsigned int id, const char *qual, unsigned int origin,
                 domid_t domid, const char *text, bool refusable)
{
    const struct support_active *a;
    int verdict;

    support_attach_builtin();
    do
    {
        rcu_read_lock(&support_rcu_lock);
        a = rcu_dereference(support_active);
        verdict = a ? gate_in(a, id, qual, origin, domid, text, refusable)
                    : 1; /* no table, no policy */
        rcu_read_unlock(&support_rcu_lock);
    } while ( verdict == -EAGAIN );

    return verdict;
}

bool support_gate(unsigned int feature, const char *qual, const char *text)
{
    if ( system_state < SYS_STATE_active )
        return gate(feature, qual, XEN_SUPPORT_ORIGIN_BOOT, DOMID_XEN, text,
                    true);
    return gate(feature, qual, XEN_SUPPORT_ORIGIN_RUNTIME,
                current->domain->domain_id, text, true);
}

bool support_gate_domain(unsigned int feature, const char *qual, domid_t domid,
                         const char *text)
{
    return gate(feature, qual, XEN_SUPPORT_ORIGIN_DOMAIN, domid, text, true);
}

/*
 * FLASK asked for at boot (flask= not disabled).  Refusing it must not
 * leave Xen on the dummy policy in place of the enforcing one asked for:
 * that is weaker, and silent.  So a refusal stops the boot, saying how to
 * go on; otherwise the event is recorded like any other.
 */
void __init support_gate_flask(void)
{
    if ( !support_gate(SUPPORT_GATE_XSM_FLASK, NULL, "flask") )
        panic("support=refuse refuses FLASK, which is outside security "
              "support; boot with support=exempt:<its name> to use it, or "
              "flask=disabled\n");
}

bool support_gate_sched(unsigned int sched_id, const char *prefix,
                        bool fallback)
{
    static const struct {
        unsigned int id;
        const char *name;
        unsigned int gate;
    } scheds[] = {
        {XEN_SCHEDULER_CREDIT, "credit", SUPPORT_GATE_SCHED_CREDIT},
        {XEN_SCHEDULER_CREDIT2, "credit2", SUPPORT_GATE_SCHED_CREDIT2},
        {XEN_SCHEDULER_ARINC653, "arinc653", SUPPORT_GATE_SCHED_ARINC653},
        {XEN_SCHEDULER_RTDS, "rtds", SUPPORT_GATE_SCHED_RTDS},
        {XEN_SCHEDULER_NULL, "null", SUPPORT_GATE_SCHED_NULL},
    };
    char text[XEN_SUPPORT_ORIGIN_TEXT];
    unsigned int i;

    for ( i = 0; i < ARRAY_SIZE(scheds); i++ )
    {
        if ( scheds[i].id != sched_id )
            continue;
        snprintf(text, sizeof(text), "%s%s", prefix ? prefix : "",
                 scheds[i].name);
        /*
         * The PV shim runs the null scheduler by design: the statement's
         * row for it is "Status, x86/shim: Supported".
         */
        return gate(
            scheds[i].gate, pv_shim ? "shim" : NULL,
            system_state < SYS_STATE_active ? XEN_SUPPORT_ORIGIN_BOOT
                                            : XEN_SUPPORT_ORIGIN_RUNTIME,
            system_state < SYS_STATE_active ? DOMID_XEN
                                            : current->domain->domain_id,
            text, !fallback);
    }
    return true;
}

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
