/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * support.h: the feature support statement built into Xen (SUPPORT.md
 * compiled by xen-support-gen into public/support_table.h's format),
 * lookups in it, the boot policy (support=) and its gates, the record of
 * gated features, and the XEN_SYSCTL_support_table handler.
 */
#ifndef __XEN_SUPPORT_H__
#define __XEN_SUPPORT_H__

#include <xen/types.h>
#include <public/xen.h>           /* domid_t */
#include <xen/support_features.h> /* generated: SUPPORT_FEAT_<NAME> ids */
#include <xen/support_gates.h>    /* SUPPORT_GATE_<NAME>: feature per gate */
#include <xen/suptab.h>

struct xen_sysctl_support_table;
struct xen_sysctl_support_load;
struct xen_sysctl_support_note;

/*
 * A table given as a boot module: copy it, check it (every rule of the
 * format, and a status row for this architecture) and make it the active
 * table, in place of the one linked into Xen (xen_support_table, which
 * support.c attaches itself, from an initcall or the first gate before
 * it).  Gates that ran before keep the readings they recorded.  Returns
 * 0, or -EINVAL, -E2BIG, -ENOMEM, -EOPNOTSUPP, -EBADMSG or -ENOEXEC with
 * the active table unchanged and why saying why in one line.
 */
int support_table_attach(const uint8_t *blob, uint32_t size, char *why,
                         size_t why_len);

/*
 * The active table's header (decoded), or NULL if none: valid until
 * another table is made active (boot time, tests).
 */
const struct xen_suptab_header *support_table_header(void);

/* Is id a feature of the attached table? */
bool support_feature(unsigned int id);

/*
 * Expand feature id's name into buf (always NUL-terminated when size is
 * non-zero, truncated if needed).  Returns the full length, or -ENOENT.
 */
int support_feature_name(unsigned int id, char *buf, size_t size);

/* Rows [*first, *first + *nr) belong to feature id; 0 or -ENOENT. */
int support_feature_rows(unsigned int id, unsigned int *first,
                         unsigned int *nr);

/* Row by index into *r (decoded); 0, or -ENOENT if out of range. */
int support_row(unsigned int idx, struct suptab_row *r);

/*
 * Add a gate event to the sticky record (XEN_SUPPORT_DECISION_* and
 * XEN_SUPPORT_ORIGIN_* from public/sysctl.h; row may be
 * XEN_SUPPORT_ROW_NONE; text, e.g. "sched=rtds", may be NULL).  An event
 * equal in feature, origin, decision and text to a recorded one bumps its
 * count.  Returns 0, -EINVAL for a bad argument, or -ENOSPC if the record
 * is full (the event is counted as lost).
 */
int support_record(unsigned int feature, unsigned int row,
                   unsigned int decision, unsigned int origin, domid_t domid,
                   const char *text);

/*
 * Gates (docs/support-policy.md): a site about to enable feature (a
 * SUPPORT_GATE_* id from xen/support_gates.h) asks the boot policy.  The
 * row that applies is the first status row of the feature for this
 * architecture whose qualifier contains qual (ASCII case folded; NULL
 * prefers the row without a qualifier).  A feature outside security
 * support is recorded (origin text, e.g. "sched=rtds") and, under
 * support=warn, reported with one line; support=refuse returns false and
 * the caller keeps or falls back to its default behaviour.  Returns true
 * when the caller may enable the feature.
 *
 * support_gate(): origin BOOT while Xen boots (domid DOMID_XEN), RUNTIME
 * afterwards (the current domain).  support_gate_domain(): origin DOMAIN,
 * for a domain's creation or configuration.  support_gate_sched(): the
 * gate of scheduler sched_id (XEN_SCHEDULER_*), origin text prefix plus
 * the scheduler's name, e.g. "sched=" gives "sched=rtds"; schedulers
 * the table does not name pass; fallback says it is the scheduler Xen
 * would fall back to, which is recorded but never refused; the PV shim's
 * scheduler takes the statement's shim row.  support_gate_flask(): FLASK at boot,
 * which panics when refused rather than leave Xen on the dummy policy.
 */
#ifdef CONFIG_SUPPORT_TABLE
bool support_gate(unsigned int feature, const char *qual, const char *text);
bool support_gate_domain(unsigned int feature, const char *qual, domid_t domid,
                         const char *text);
bool support_gate_sched(unsigned int sched_id, const char *prefix,
                        bool fallback);
void support_gate_flask(void);
#else /* no table, no policy: every gate passes */
static inline bool support_gate(unsigned int feature, const char *qual,
                                const char *text)
{
    return true;
}
static inline bool support_gate_domain(unsigned int feature, const char *qual,
                                       domid_t domid, const char *text)
{
    return true;
}
static inline bool support_gate_sched(unsigned int sched_id, const char *prefix,
                                      bool fallback)
{
    return true;
}
static inline void support_gate_flask(void)
{}
#endif

/* XEN_SYSCTL_support_table (public/sysctl.h documents the errors). */
int support_table_sysctl(struct xen_sysctl_support_table *op);

/* XEN_SYSCTL_support_load (public/sysctl.h documents the errors). */
int support_load_sysctl(struct xen_sysctl_support_load *op);

/* XEN_SYSCTL_support_note (public/sysctl.h documents the errors). */
int support_note_sysctl(struct xen_sysctl_support_note *op);

/*
 * Domain domid is being destroyed (domain_destroy(), before its id can be
 * reused): its events stay in the record, marked XEN_SUPPORT_EVENT_GONE.
 */
#ifdef CONFIG_SUPPORT_TABLE
void support_domain_destroyed(domid_t domid);
#else
static inline void support_domain_destroyed(domid_t domid)
{}
#endif

#endif /* __XEN_SUPPORT_H__ */

/*
 * Local variables:
 * mode: C
 * c-file-style: "BSD"
 * c-basic-offset: 4
 * tab-width: 4
 * indent-tabs-mode: nil
 * End:
 */
