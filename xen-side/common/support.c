/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support.c: the feature support statement built into Xen.
 *
 * Owns the table that xen-support-gen compiled from SUPPORT.md and the
 * build linked in read-only (xen_support_table), answers lookups in it by
 * generated id and by name, applies the boot policy (support=) at the
 * gates, keeps the sticky record of gated features, and serves
 * XEN_SYSCTL_support_table.  The same file builds on Linux
 * against xen-side/hosted/ for the unit tests.
 */

#include <xen/errno.h>
#include <xen/guest_access.h>
#include <xen/init.h>
#include <xen/kernel.h>
#include <xen/lib.h>
#include <xen/nospec.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/string.h>
#include <xen/support.h>
#include <xen/time.h>
#include <xen/warning.h>
#include <xsm/xsm.h>
#include <public/domctl.h>
#include <public/sysctl.h>

#if defined(CONFIG_X86)
#define S_ARCH XEN_SUPTAB_ARCH_X86
#elif defined(CONFIG_ARM)
#define S_ARCH XEN_SUPTAB_ARCH_ARM
#else
#define S_ARCH XEN_SUPTAB_ARCH_ALL
#endif

/* The attached table (see support_table_attach()). */
static const uint8_t *__ro_after_init S_tab;
static uint32_t __ro_after_init S_size;
static bool __ro_after_init S_builtin_tried;

/* Boot policy: the support= option (docs/support-policy.md). */
#define S_EXEMPT_MAX 16
static uint8_t __ro_after_init S_policy = XEN_SUPPORT_POLICY_WARN;
static uint32_t __ro_after_init S_policy_flags = XEN_SUPPORT_PF_NOT_SECURITY;
static uint16_t __ro_after_init S_nr_exempt;
static uint16_t __ro_after_init S_exempt[S_EXEMPT_MAX];

/* The end-of-boot warning banner's text (warning_add() keeps a pointer). */
static char S_banner[256];
static unsigned int S_banner_len;

/* The sticky record of gate events. */
static DEFINE_SPINLOCK(S_lock);
static struct xen_support_event S_events[XEN_SUPPORT_EVENTS_MAX];
static unsigned int S_nr_events;
static uint32_t S_generation;
static uint32_t S_lost;

static const struct xen_suptab_header *S_hdr(void)
{
    return (const struct xen_suptab_header *)S_tab;
}

static const void *S_at(uint32_t off)
{
    return S_tab + off;
}

/* Is [off, off + nr * elem) inside the blob and off suitably aligned? */
static bool S_in_blob(uint32_t off, uint32_t nr, uint32_t elem, uint32_t size)
{
    if ( off % XEN_SUPTAB_ALIGN )
        return false;
    if ( off > size )
        return false;
    return nr <= (size - off) / elem;
}

/*
 * Expansion of a pair-encoded string, one byte at a time.  Pair codes
 * only refer to lower codes, so the pending stack never holds more than
 * one entry per pair code plus the current one.
 */
struct S_str {
    const uint8_t *p, *end;
    const struct xen_suptab_pair *pairs;
    unsigned int nr_pairs;
    unsigned int depth;
    uint8_t stack[XEN_SUPTAB_PAIRS_MAX + 2];
};

static void S_str_start(struct S_str *s, uint16_t ref)
{
    const struct xen_suptab_header *h = S_hdr();

    s->p = S_at(h->off_strings) + ref;
    s->end = S_at(h->off_strings) + h->strings_size;
    if ( ref >= h->strings_size )
        s->p = s->end;
    s->pairs = S_at(h->off_pairs);
    s->nr_pairs = h->nr_pairs;
    s->depth = 0;
}

/* Next byte of the expanded string, or 0 at its end. */
static uint8_t S_str_next(struct S_str *s)
{
    for ( ;; )
    {
        uint8_t c;
        const struct xen_suptab_pair *pair;

        if ( s->depth )
            c = s->stack[--s->depth];
        else
        {
            if ( s->p >= s->end )
                return 0;
            c = *s->p++;
            if ( c == 0 )
            {
                s->p = s->end;
                return 0;
            }
            if ( c == XEN_SUPTAB_CODE_ESCAPE )
                return s->p < s->end ? *s->p++ : 0;
        }

        if ( c < XEN_SUPTAB_CODE_PAIR )
            return c;

        /* Attach checked every pair; a bad code in a string ends it. */
        if ( (unsigned int)(c - XEN_SUPTAB_CODE_PAIR) >= s->nr_pairs ||
             s->depth + 2 > ARRAY_SIZE(s->stack) )
        {
            s->p = s->end;
            s->depth = 0;
            return 0;
        }
        pair = &s->pairs[c - XEN_SUPTAB_CODE_PAIR];
        s->stack[s->depth++] = pair->right;
        s->stack[s->depth++] = pair->left;
    }
}

static uint8_t S_fold(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* Compare string ref with name, ASCII case folded, as the name index. */
static int S_str_cmp(uint16_t ref, const char *name)
{
    struct S_str s;

    S_str_start(&s, ref);
    for ( ;; )
    {
        uint8_t a = S_fold(S_str_next(&s));
        uint8_t b = S_fold(*name++);

        if ( a != b )
            return a < b ? -1 : 1;
        if ( !a )
            return 0;
    }
}

static bool S_pairs_ok(const struct xen_suptab_header *h)
{
    const struct xen_suptab_pair *pairs =
        (const void *)((const uint8_t *)h + h->off_pairs);
    unsigned int i;

    for ( i = 0; i < h->nr_pairs; i++ )
    {
        unsigned int own = XEN_SUPTAB_CODE_PAIR + i;

        if ( !pairs[i].left || !pairs[i].right || pairs[i].left >= own ||
             pairs[i].right >= own )
            return false;
    }
    return true;
}

int support_table_attach(const uint8_t *blob, uint32_t size)
{
    const struct xen_suptab_header *h = (const void *)blob;
    const struct xen_suptab_feature *feats;
    const uint16_t *idx;
    unsigned int i;

    if ( !blob || size < sizeof(*h) || ((unsigned long)blob & 7) )
        return -EINVAL;
    if ( h->magic != XEN_SUPTAB_MAGIC ||
         h->last_comp_version > XEN_SUPTAB_VERSION || h->total_size != size ||
         h->nr_pairs > XEN_SUPTAB_PAIRS_MAX )
        return -EINVAL;
    if ( !S_in_blob(h->off_facts, h->nr_facts, sizeof(struct xen_suptab_fact),
                    size) ||
         !S_in_blob(h->off_sections, h->nr_sections,
                    sizeof(struct xen_suptab_section), size) ||
         !S_in_blob(h->off_features, h->nr_features,
                    sizeof(struct xen_suptab_feature), size) ||
         !S_in_blob(h->off_rows, h->nr_rows, sizeof(struct xen_suptab_row),
                    size) ||
         !S_in_blob(h->off_keys, h->nr_keys, sizeof(uint16_t), size) ||
         !S_in_blob(h->off_name_index, h->nr_features, sizeof(uint16_t),
                    size) ||
         !S_in_blob(h->off_pairs, h->nr_pairs, sizeof(struct xen_suptab_pair),
                    size) ||
         h->off_strings > size || h->strings_size > size - h->off_strings ||
         !h->strings_size || !S_pairs_ok(h) )
        return -EINVAL;

    /* Lookups index rows by feature and features by the name index. */
    feats = (const void *)(blob + h->off_features);
    idx = (const void *)(blob + h->off_name_index);
    for ( i = 0; i < h->nr_features; i++ )
    {
        if ( feats[i].first_row > h->nr_rows || idx[i] >= h->nr_features ||
             (i && feats[i].first_row < feats[i - 1].first_row) )
            return -EINVAL;
    }

    S_tab = blob;
    S_size = size;
    return 0;
}

const struct xen_suptab_header *support_table_header(void)
{
    return S_tab ? S_hdr() : NULL;
}

const struct xen_suptab_feature *support_feature(unsigned int id)
{
    const struct xen_suptab_feature *f;

    if ( !S_tab || id >= S_hdr()->nr_features )
        return NULL;
    f = S_at(S_hdr()->off_features);
    return &f[id];
}

int support_feature_by_name(const char *name)
{
    const struct xen_suptab_header *h = S_hdr();
    const uint16_t *idx;
    unsigned int lo = 0, hi;

    if ( !S_tab || !name )
        return -ENOENT;
    idx = S_at(h->off_name_index);
    hi = h->nr_features;

    /* Lower bound: equal names (after folding) are ordered by id. */
    while ( lo < hi )
    {
        unsigned int mid = lo + (hi - lo) / 2;

        if ( S_str_cmp(support_feature(idx[mid])->name, name) < 0 )
            lo = mid + 1;
        else
            hi = mid;
    }
    if ( lo < h->nr_features &&
         !S_str_cmp(support_feature(idx[lo])->name, name) )
        return idx[lo];
    return -ENOENT;
}

/* Expand string ref into buf (NUL-terminated, truncated); full length. */
static unsigned int S_str_expand(uint16_t ref, char *buf, size_t size)
{
    struct S_str s;
    unsigned int len = 0;
    uint8_t c;

    S_str_start(&s, ref);
    while ( (c = S_str_next(&s)) != 0 )
    {
        if ( len + 1 < size )
            buf[len] = c;
        len++;
    }
    if ( size )
        buf[len < size ? len : size - 1] = '\0';
    return len;
}

int support_feature_name(unsigned int id, char *buf, size_t size)
{
    const struct xen_suptab_feature *f = support_feature(id);

    if ( !f )
        return -ENOENT;
    return S_str_expand(f->name, buf, size);
}

int support_feature_rows(unsigned int id, unsigned int *first, unsigned int *nr)
{
    const struct xen_suptab_feature *f = support_feature(id);
    unsigned int end;

    if ( !f )
        return -ENOENT;
    end = (id + 1 < S_hdr()->nr_features) ? f[1].first_row : S_hdr()->nr_rows;
    *first = f->first_row;
    *nr = end - f->first_row;
    return 0;
}

const struct xen_suptab_row *support_row(unsigned int idx)
{
    const struct xen_suptab_row *r;

    if ( !S_tab || idx >= S_hdr()->nr_rows )
        return NULL;
    r = S_at(S_hdr()->off_rows);
    return &r[idx];
}

/* As support_record(), but returns 1 for a new event, 0 for a merged one. */
static int S_record(unsigned int feature, unsigned int row,
                    unsigned int decision, unsigned int origin, domid_t domid,
                    const char *text)
{
    const struct xen_suptab_row *r = support_row(row);
    char otext[XEN_SUPPORT_ORIGIN_TEXT];
    struct xen_support_event *e;
    unsigned long flags;
    unsigned int i;
    int rc = 1;

    if ( !support_feature(feature) || (row != XEN_SUPPORT_ROW_NONE && !r) ||
         decision < XEN_SUPPORT_DECISION_WARNED ||
         decision > XEN_SUPPORT_DECISION_EXEMPTED ||
         origin < XEN_SUPPORT_ORIGIN_BOOT ||
         origin > XEN_SUPPORT_ORIGIN_RUNTIME )
        return -EINVAL;

    memset(otext, 0, sizeof(otext));
    if ( text )
        strlcpy(otext, text, sizeof(otext));

    spin_lock_irqsave(&S_lock, flags);
    for ( i = 0; i < S_nr_events; i++ )
    {
        e = &S_events[i];
        if ( e->feature == feature && e->origin == origin &&
             e->decision == decision &&
             !memcmp(e->origin_text, otext, sizeof(otext)) )
        {
            if ( e->count < UINT16_MAX )
                e->count++;
            S_generation++;
            rc = 0;
            goto out;
        }
    }

    if ( S_nr_events == ARRAY_SIZE(S_events) )
    {
        if ( S_lost < UINT32_MAX )
            S_lost++;
        rc = -ENOSPC;
        goto out;
    }

    e = &S_events[S_nr_events];
    memset(e, 0, sizeof(*e));
    e->feature = feature;
    e->row = row;
    e->decision = decision;
    e->origin = origin;
    e->reading = r ? r->reading : 0;
    e->domid = domid;
    e->count = 1;
    e->seq = ++S_generation;
    e->time = NOW();
    memcpy(e->origin_text, otext, sizeof(otext));
    S_nr_events++;

out:
    spin_unlock_irqrestore(&S_lock, flags);
    return rc;
}

int support_record(unsigned int feature, unsigned int row,
                   unsigned int decision, unsigned int origin, domid_t domid,
                   const char *text)
{
    int rc = S_record(feature, row, decision, origin, domid, text);

    return rc < 0 ? rc : 0;
}

/*
 * Attach the linked table once: support= and the early gates run before
 * the initcall.
 */
static void S_attach_builtin(void)
{
    if ( S_tab || S_builtin_tried )
        return;
    S_builtin_tried = true;
    if ( support_table_attach(xen_support_table, xen_support_table_size) )
        printk(XENLOG_ERR
               "support: built-in support table is malformed; not used\n");
}

/*
 * Names as support= takes them: ASCII letters folded, every run of other
 * characters one '-', none at either end ("RTDS based Scheduler" and
 * "rtds-based-scheduler" both give "rtds-based-scheduler").
 */
static void S_slug(const char *in, size_t len, char *out, size_t size)
{
    size_t n = 0, i;
    bool dash = false;

    for ( i = 0; i < len && in[i] && n + 2 < size; i++ )
    {
        uint8_t c = S_fold(in[i]);

        if ( (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') )
        {
            if ( dash && n )
                out[n++] = '-';
            out[n++] = c;
            dash = false;
        }
        else
            dash = true;
    }
    out[n] = '\0';
}

/* Exempt every feature whose name matches name[0..len); 0 or -EINVAL. */
static int S_exempt_add(const char *name, size_t len)
{
    char want[80], have[80], full[128];
    unsigned int id, found = 0;

    S_slug(name, len, want, sizeof(want));
    for ( id = 0; want[0] && support_feature(id); id++ )
    {
        support_feature_name(id, full, sizeof(full));
        S_slug(full, sizeof(full), have, sizeof(have));
        if ( strcmp(have, want) )
            continue;
        found++;
        if ( S_nr_exempt >= S_EXEMPT_MAX )
        {
            printk(XENLOG_WARNING "support=: more than %u exemptions\n",
                   S_EXEMPT_MAX);
            return -EINVAL;
        }
        S_exempt[S_nr_exempt++] = id;
    }
    if ( !found )
    {
        printk(XENLOG_WARNING "support=: exempt: no feature '%s'\n", want);
        return -EINVAL;
    }
    S_policy_flags |= XEN_SUPPORT_PF_EXEMPTIONS;
    return 0;
}

static bool S_is(const char *s, size_t len, const char *word)
{
    return strlen(word) == len && !strncmp(s, word, len);
}

/*
 * support=[warn|refuse|quiet][,strict|no-strict][,exempt:NAME]...: each
 * use of the option starts again from the defaults (warn, strict, no
 * exemptions).  Unknown words are reported; the others still apply.
 */
static int __init cf_check S_parse_support(const char *s)
{
    const char *ss;
    int rc = 0;

    S_attach_builtin();
    S_policy = XEN_SUPPORT_POLICY_WARN;
    S_policy_flags = XEN_SUPPORT_PF_NOT_SECURITY;
    S_nr_exempt = 0;

    do
    {
        size_t len;

        ss = strchr(s, ',');
        if ( !ss )
            ss = strchr(s, '\0');
        len = ss - s;

        if ( S_is(s, len, "warn") )
            S_policy = XEN_SUPPORT_POLICY_WARN;
        else if ( S_is(s, len, "refuse") )
            S_policy = XEN_SUPPORT_POLICY_REFUSE;
        else if ( S_is(s, len, "quiet") )
            S_policy = XEN_SUPPORT_POLICY_QUIET;
        else if ( S_is(s, len, "strict") )
            S_policy_flags |= XEN_SUPPORT_PF_NOT_SECURITY;
        else if ( S_is(s, len, "no-strict") )
            S_policy_flags &= ~XEN_SUPPORT_PF_NOT_SECURITY;
        else if ( len > 7 && !strncmp(s, "exempt:", 7) )
        {
            if ( !S_tab )
                rc = -EINVAL;
            else if ( S_exempt_add(s + 7, len - 7) )
                rc = -EINVAL;
        }
        else
            rc = -EINVAL;

        s = ss + 1;
    } while ( *ss );

    return rc;
}
custom_param("support", S_parse_support);

/* Does the expansion of string ref contain text (ASCII case folded)? */
static bool S_str_has(uint16_t ref, const char *text)
{
    char buf[64];
    size_t i, j, n = strlen(text);
    unsigned int len = S_str_expand(ref, buf, sizeof(buf));

    if ( len >= sizeof(buf) )
        len = sizeof(buf) - 1;
    for ( i = 0; i + n <= len; i++ )
    {
        for ( j = 0; j < n && S_fold(buf[i + j]) == S_fold(text[j]); j++ )
            ;
        if ( j == n )
            return true;
    }
    return false;
}

/*
 * The row of feature that applies here: the first one for this
 * architecture whose qualifier contains qual, or without a qualifier when
 * qual is NULL; else the first one for this architecture.
 */
static unsigned int S_pick_row(unsigned int feature, const char *qual)
{
    unsigned int first, nr, i, pick = XEN_SUPPORT_ROW_NONE;

    if ( support_feature_rows(feature, &first, &nr) )
        return XEN_SUPPORT_ROW_NONE;
    for ( i = first; i < first + nr; i++ )
    {
        const struct xen_suptab_row *r = support_row(i);
        bool has_qual = r->qualifier != XEN_SUPTAB_STR_NONE;

        if ( !(XEN_SUPTAB_ARCH(r->reading) & S_ARCH) )
            continue;
        if ( qual ? has_qual && S_str_has(r->qualifier, qual) : !has_qual )
            return i;
        if ( pick == XEN_SUPPORT_ROW_NONE )
            pick = i;
    }
    return pick;
}

/*
 * Outside security support: no row for this architecture, Tech Preview,
 * Experimental or Deprecated, or (strict, the default) not security
 * supported.
 */
static bool S_outside(unsigned int row)
{
    const struct xen_suptab_row *r = support_row(row);

    if ( !r )
        return true;
    switch ( XEN_SUPTAB_LEVEL(r->reading) )
    {
    case XEN_SUPTAB_LEVEL_TECH_PREVIEW:
    case XEN_SUPTAB_LEVEL_EXPERIMENTAL:
    case XEN_SUPTAB_LEVEL_DEPRECATED:
        return true;
    }
    return XEN_SUPTAB_SEC(r->reading) == XEN_SUPTAB_SEC_NO &&
           (S_policy_flags & XEN_SUPPORT_PF_NOT_SECURITY);
}

static bool S_exempted(unsigned int feature)
{
    unsigned int i;

    for ( i = 0; i < S_nr_exempt; i++ )
        if ( S_exempt[i] == feature )
            return true;
    return false;
}

/*
 * Add a feature to the end-of-boot warning banner, one name a line (one
 * warning_add() in all; the banner is printed after the boot gates ran).
 */
static void S_banner_add(const char *name)
{
    static const char head[] =
        "WARNING: SUPPORT: features outside security support enabled\n"
        "(support=warn; support=refuse keeps them off; see xen-support "
        "status):\n";
    static const char more[] = " ...\n";

    if ( !S_banner_len )
    {
        S_banner_len = snprintf(S_banner, sizeof(S_banner), "%s", head);
        warning_add(S_banner);
    }
    if ( S_banner_len + sizeof(more) >= sizeof(S_banner) )
        return; /* already full */
    if ( S_banner_len + strlen(name) + 3 + sizeof(more) <= sizeof(S_banner) )
        S_banner_len +=
            snprintf(S_banner + S_banner_len, sizeof(S_banner) - S_banner_len,
                     " %s\n", name);
    else
    {
        snprintf(S_banner + S_banner_len, sizeof(S_banner) - S_banner_len, "%s",
                 more);
        S_banner_len = sizeof(S_banner); /* full */
    }
}

static const char *const S_decisions[] = {
    [XEN_SUPPORT_DECISION_WARNED] = "enabled (support=warn)",
    [XEN_SUPPORT_DECISION_REFUSED] = "refused (support=refuse)",
    [XEN_SUPPORT_DECISION_RECORDED] = "enabled (support=quiet)",
    [XEN_SUPPORT_DECISION_EXEMPTED] = "enabled (exempted)",
};

static bool S_gate(unsigned int feature, const char *qual, unsigned int origin,
                   domid_t domid, const char *text)
{
    const struct xen_suptab_row *r;
    char name[80], key[24], qualifier[32] = "", value[64] = "(no row)";
    unsigned int row, decision;
    int fresh;

    S_attach_builtin();
    if ( !support_feature(feature) )
        return true; /* no table, no policy */
    row = S_pick_row(feature, qual);
    if ( !S_outside(row) )
        return true;

    if ( S_exempted(feature) )
        decision = XEN_SUPPORT_DECISION_EXEMPTED;
    else if ( S_policy == XEN_SUPPORT_POLICY_REFUSE )
        decision = XEN_SUPPORT_DECISION_REFUSED;
    else if ( S_policy == XEN_SUPPORT_POLICY_QUIET )
        decision = XEN_SUPPORT_DECISION_RECORDED;
    else
        decision = XEN_SUPPORT_DECISION_WARNED;

    fresh = S_record(feature, row, decision, origin, domid, text);
    if ( fresh == 0 || decision == XEN_SUPPORT_DECISION_RECORDED )
        return decision != XEN_SUPPORT_DECISION_REFUSED;

    /* A new event (or one the full record lost): say so once. */
    support_feature_name(feature, name, sizeof(name));
    r = support_row(row);
    if ( r )
    {
        const uint16_t *keys = S_at(S_hdr()->off_keys);

        S_str_expand(r->key < S_hdr()->nr_keys ? keys[r->key] : 0, key,
                     sizeof(key));
        if ( r->qualifier != XEN_SUPTAB_STR_NONE )
        {
            qualifier[0] = ',';
            qualifier[1] = ' ';
            S_str_expand(r->qualifier, qualifier + 2, sizeof(qualifier) - 2);
        }
        S_str_expand(r->value, value, sizeof(value));
    }
    else
        strlcpy(key, "Status", sizeof(key));
    printk(XENLOG_WARNING
           "support: %s: '%s' is outside security support (%s%s: %s); %s\n",
           text ? text : "-", name, key, qualifier, value,
           S_decisions[decision]);
    if ( decision == XEN_SUPPORT_DECISION_WARNED &&
         system_state < SYS_STATE_active )
        S_banner_add(name);

    return decision != XEN_SUPPORT_DECISION_REFUSED;
}

bool support_gate(unsigned int feature, const char *qual, const char *text)
{
    if ( system_state < SYS_STATE_active )
        return S_gate(feature, qual, XEN_SUPPORT_ORIGIN_BOOT, DOMID_XEN, text);
    return S_gate(feature, qual, XEN_SUPPORT_ORIGIN_RUNTIME,
                  current->domain->domain_id, text);
}

bool support_gate_domain(unsigned int feature, const char *qual, domid_t domid,
                         const char *text)
{
    return S_gate(feature, qual, XEN_SUPPORT_ORIGIN_DOMAIN, domid, text);
}

bool support_gate_sched(unsigned int sched_id, const char *prefix)
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
        return support_gate(scheds[i].gate, NULL, text);
    }
    return true;
}

static int S_get_info(struct xen_sysctl_support_info *info)
{
    const struct xen_suptab_header *h = S_hdr();
    struct xen_sysctl_support_info out;
    unsigned long flags;

    memset(&out, 0, sizeof(out));
    out.table_size = S_size;
    out.checksum = h->checksum;
    out.format_version = h->version;
    out.last_comp_version = h->last_comp_version;
    out.nr_features = h->nr_features;
    out.nr_rows = h->nr_rows;
    out.nr_sections = h->nr_sections;
    out.nr_facts = h->nr_facts;
    out.arch = S_ARCH;
    out.policy = S_policy;
    out.nr_exempt = S_nr_exempt;
    out.policy_flags = S_policy_flags;
    out.max_events = ARRAY_SIZE(S_events);

    spin_lock_irqsave(&S_lock, flags);
    out.nr_events = S_nr_events;
    out.events_lost = S_lost;
    out.generation = S_generation;
    spin_unlock_irqrestore(&S_lock, flags);

    *info = out;
    return 0;
}

static int S_get_table(struct xen_sysctl_support_get_table *t)
{
    uint32_t avail, n;

    if ( t->flags & ~XEN_SUPPORT_GET_WHOLE )
        return -EINVAL;
    if ( t->offset > S_size )
        return -EINVAL;

    avail = S_size - t->offset;
    if ( guest_handle_is_null(t->buffer) )
        n = avail;
    else if ( t->len < avail && (t->flags & XEN_SUPPORT_GET_WHOLE) )
    {
        t->size = S_size;
        t->len = avail;
        return -ENOBUFS;
    }
    else
    {
        const uint8_t *from = S_tab + array_index_nospec(t->offset, S_size + 1);

        n = min(t->len, avail);
        /*
         * One copy, after every check: a fault leaves the OUT fields
         * unwritten, though bytes copied before it stay in the buffer.
         */
        if ( n && copy_to_guest(t->buffer, from, n) )
            return -EFAULT;
    }

    t->size = S_size;
    t->len = n;
    return 0;
}

static int S_get_events(struct xen_sysctl_support_get_events *ev)
{
    unsigned int total, n = 0;
    unsigned long flags;
    int rc = 0;

    if ( ev->pad )
        return -EINVAL;

    spin_lock_irqsave(&S_lock, flags);
    total = S_nr_events;
    if ( ev->idx > total )
        rc = -EINVAL;
    else if ( ev->nr && !guest_handle_is_null(ev->buffer) )
    {
        const struct xen_support_event *from =
            S_events + array_index_nospec(ev->idx, total + 1);

        n = min(ev->nr, total - ev->idx);
        n = min(n, (unsigned int)XEN_SUPPORT_EVENTS_PER_CALL);
        if ( n && copy_to_guest(ev->buffer, from, n) )
            rc = -EFAULT;
    }
    if ( !rc )
    {
        ev->nr = n;
        ev->total = total;
        ev->generation = S_generation;
        ev->lost = S_lost;
    }
    spin_unlock_irqrestore(&S_lock, flags);

    return rc;
}

int support_table_sysctl(struct xen_sysctl_support_table *op)
{
    int rc;

    BUILD_BUG_ON(sizeof(*op) > 128); /* xen_sysctl's u.pad */
    BUILD_BUG_ON(sizeof(struct xen_support_event) != 64);

    if ( op->pad )
        return -EINVAL;

    switch ( op->cmd )
    {
    case XEN_SYSCTL_SUPPORT_get_info:
    case XEN_SYSCTL_SUPPORT_get_table:
    case XEN_SYSCTL_SUPPORT_get_events:
        break;

    default:
        return -EINVAL;
    }

    rc = xsm_support_table(XSM_PRIV, op->cmd);
    if ( rc )
        return rc;

    if ( !S_tab )
        return -EOPNOTSUPP;

    switch ( op->cmd )
    {
    case XEN_SYSCTL_SUPPORT_get_info:
        return S_get_info(&op->u.info);

    case XEN_SYSCTL_SUPPORT_get_table:
        return S_get_table(&op->u.table);

    default:
        return S_get_events(&op->u.events);
    }
}

static int __init cf_check support_table_init(void)
{
    const struct xen_suptab_header *h;
    const struct xen_suptab_fact *facts;
    char version[32] = "(unknown)";
    unsigned int i;

    S_attach_builtin();
    if ( !S_tab )
        return 0;

    h = S_hdr();
    facts = S_at(h->off_facts);
    for ( i = 0; i < h->nr_facts; i++ )
    {
        if ( !S_str_cmp(facts[i].key, "Xen-Version") )
            S_str_expand(facts[i].value, version, sizeof(version));
    }
    if ( h->nr_features != XEN_SUPPORT_NR_FEATURES )
        printk(XENLOG_WARNING
               "support: table has %u features, build expected %u\n",
               h->nr_features, XEN_SUPPORT_NR_FEATURES);

    printk(XENLOG_INFO
           "support: statement for Xen %s: %u features, %u rows, %u bytes\n",
           version, h->nr_features, h->nr_rows, S_size);
    return 0;
}
__initcall(support_table_init);

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
