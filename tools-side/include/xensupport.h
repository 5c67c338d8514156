/*
 * xensupport.h: libxensupport, the validating reader of compiled feature
 * support tables (core/include/public/support_table.h).
 *
 * A table is opened from a source (memory, a table file, the running
 * hypervisor; a SUPPORT.md document compiled on the fly through
 * libxensupport-doc, see xensupport_doc.h), validated completely, and
 * only then handed out.  All accessors work on a validated table and
 * cannot fail on its contents.  This library needs libxenctrl (for the
 * hypervisor) and libc; the document compiler and its cmark are not in it.
 *
 * Errors: on error these functions set errno and return NULL or -1 (as
 * each one says); the open functions also write a one-line human message
 * to err[0..errlen) when err is not NULL.  These functions never log.
 *
 * Threads: a handle (table or session) is not thread-safe: strings are
 * expanded lazily and cached in a table handle.  Distinct handles may be
 * used from distinct threads at the same time.
 */
#ifndef XENSUPPORT_H
#define XENSUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct xensupport_table xensupport_table;

/* Where a table comes from. */
enum xensupport_source_kind {
    XENSUPPORT_SOURCE_MEMORY = 1,     /* buf/len */
    XENSUPPORT_SOURCE_FILE = 2,       /* path: a table blob */
    XENSUPPORT_SOURCE_DOCUMENT = 3,   /* path: a SUPPORT.md, compiled
                                         (libxensupport-doc only) */
    XENSUPPORT_SOURCE_HYPERVISOR = 4, /* the running Xen (dom0 only) */
};

/* xensupport_source.flags */
#define XENSUPPORT_BORROW                                                      \
    (1U << 0) /* MEMORY: use buf in place; it must                             \
                 outlive the handle and not change */
#define XENSUPPORT_DOC_STRICT       (1U << 1) /* DOCUMENT: warnings are errors */
#define XENSUPPORT_DOC_QUIET        (1U << 2) /* DOCUMENT: print no warnings */
#define XENSUPPORT_DOC_DESCRIPTIONS (1U << 3) /* DOCUMENT: keep prose */

struct xensupport_source {
    enum xensupport_source_kind kind;
    const char *path; /* FILE, DOCUMENT */
    const void *buf;  /* MEMORY */
    size_t len;       /* MEMORY */
    unsigned flags;   /* XENSUPPORT_* */
    FILE *diag;       /* DOCUMENT diagnostics; NULL means stderr */
};

/* Size of an err buffer that always holds the whole message. */
#define XENSUPPORT_ERRLEN 256

/*
 * Open and validate a table.  Returns a handle, or NULL with errno:
 *   EINVAL   bad argument (unknown kind, NULL path/buf);
 *   EBADMSG  the table is corrupt, truncated or hostile (err says what and
 *            at which byte offset);
 *   ENOTSUP  the table needs a newer reader (last_comp_version too high);
 *   ENOSYS   DOCUMENT: this library does not compile documents (use
 *            xensupport_doc_open() from libxensupport-doc);
 *   EFBIG    FILE: larger than XEN_SUPTAB_SIZE_MAX (1 MiB); a device or
 *            pipe is read only up to that limit;
 *   ENOMEM, or the errno of open()/read() (ENOENT, EACCES, EISDIR, ...)
 *            for FILE.
 * HYPERVISOR (libxenctrl, XEN_SYSCTL_support_table: two hypercalls, the
 * size then the whole table, in a session of its own; see
 * xensupport_session_open() to open libxenctrl once for several reads)
 * fails with EBADMSG/ENOTSUP as above, or:
 *   ENODEV   not running on Xen (no /dev/xen/privcmd);
 *   EPERM    not privileged (privcmd cannot be opened, or the hypervisor
 *            denied the op with EPERM);
 *   ENOSYS   this Xen has no built-in table (no such op: -ENOSYS, or its
 *            table failed the boot-time check: -EOPNOTSUPP);
 *   EPROTO   the hypervisor refused the op with EACCES: sysctl interface
 *            version mismatch (or an XSM policy that says EACCES);
 *   EIO      any other failure or an inconsistent answer (the table
 *            changed size between the two calls, a short read).
 */
xensupport_table *xensupport_open(const struct xensupport_source *src,
                                  char *err, size_t errlen);

/* Shorthands for xensupport_open() with one source kind. */
xensupport_table *xensupport_open_memory(const void *buf, size_t len,
                                         unsigned flags, char *err,
                                         size_t errlen);
xensupport_table *xensupport_open_file(const char *path, char *err,
                                       size_t errlen);

/*
 * Take a table made elsewhere: blob (malloc()ed, len bytes) becomes the
 * handle's, freed by xensupport_close(), or before NULL is returned.  The
 * handle reports kind as its source (libxensupport-doc passes DOCUMENT).
 * Fails as xensupport_open() does for MEMORY, or EINVAL (NULL blob,
 * unknown kind).
 */
xensupport_table *xensupport_open_adopt(void *blob, size_t len,
                                        enum xensupport_source_kind kind,
                                        char *err, size_t errlen);

/* Release a handle (NULL is allowed).  Never fails. */
void xensupport_close(xensupport_table *t);

/*
 * Check a blob without keeping it: 0 if valid, else -1 with errno EBADMSG
 * or ENOTSUP and the message in err.
 */
int xensupport_validate(const void *buf, size_t len, char *err, size_t errlen);

/* Header facts of an open table. */
struct xensupport_info {
    enum xensupport_source_kind source;
    unsigned version, last_comp_version;
    uint32_t size, checksum, flags;
    unsigned nr_facts, nr_sections, nr_features, nr_rows, nr_keys;
    unsigned nr_pairs;
    uint32_t strings_size;
    bool has_descriptions;
    unsigned nr_statuses, nr_subs;
};
void xensupport_get_info(const xensupport_table *t,
                         struct xensupport_info *info);

/* The raw, validated blob (for dump).  Never fails. */
const void *xensupport_blob(const xensupport_table *t, size_t *len);

/* Readings (values match XEN_SUPTAB_LEVEL_* / XEN_SUPTAB_SEC_*). */
enum xensupport_level {
    XENSUPPORT_LEVEL_OTHER = 0,
    XENSUPPORT_LEVEL_SUPPORTED = 1,
    XENSUPPORT_LEVEL_TECH_PREVIEW = 2,
    XENSUPPORT_LEVEL_EXPERIMENTAL = 3,
    XENSUPPORT_LEVEL_DEPRECATED = 4,
};
enum xensupport_security {
    XENSUPPORT_SEC_UNKNOWN = 0,
    XENSUPPORT_SEC_YES = 1,
    XENSUPPORT_SEC_NO = 2,
    XENSUPPORT_SEC_EXTERNAL = 3,
};
#define XENSUPPORT_ARCH_X86 1U
#define XENSUPPORT_ARCH_ARM 2U
#define XENSUPPORT_ARCH_ALL 3U

/*
 * Names: "supported", "tech-preview", "experimental", "deprecated",
 * "other"; "yes", "no", "external", "unknown".  Unknown values give NULL.
 * xensupport_level_parse() takes those names (any case, '_' or ' ' for
 * '-') and returns the level, or -1 with errno EINVAL.
 */
const char *xensupport_level_name(unsigned level);
const char *xensupport_security_name(unsigned sec);
int xensupport_level_parse(const char *name);

/*
 * Records.  Strings are NUL-terminated, owned by the handle and valid
 * until xensupport_close().  Each getter returns 0, or -1 with errno
 * EINVAL when the index is out of range (or ENOMEM).
 */
struct xensupport_fact {
    const char *key, *value;
};
struct xensupport_section {
    unsigned id;
    const char *name;
    unsigned first_feature, nr_features;
};
struct xensupport_feature {
    unsigned id;
    const char *name;
    unsigned section;
    int parent;     /* feature id, or -1 for a top-level feature */
    unsigned depth; /* 0 for top-level, 1 for its sub-features, ... */
    unsigned first_row, nr_rows;
    const char *description; /* NULL when the table has none */
};
struct xensupport_row {
    unsigned id, feature;
    const char *key, *qualifier, *value; /* qualifier "" if none */
    enum xensupport_level level;
    enum xensupport_security security;
    bool caveats;
    unsigned arch; /* XENSUPPORT_ARCH_* mask, never 0 */
};

int xensupport_get_fact(xensupport_table *t, unsigned i,
                        struct xensupport_fact *out);
int xensupport_get_section(xensupport_table *t, unsigned i,
                           struct xensupport_section *out);
int xensupport_get_feature(xensupport_table *t, unsigned id,
                           struct xensupport_feature *out);
int xensupport_get_row(xensupport_table *t, unsigned id,
                       struct xensupport_row *out);

/*
 * Value of the release fact whose key equals key (ASCII case folded), or
 * NULL with errno ENOENT (ENOMEM).
 */
const char *xensupport_fact_value(xensupport_table *t, const char *key);

/*
 * The release's lifecycle (since 1.2): its Supported-Until and
 * Security-Support-Until facts against a day.  A term is
 *   ABSENT   the statement has no such fact;
 *   UNDATED  the fact is not a YYYY-MM-DD date ("TBD", "Unreleased - not
 *            yet security-supported"): text says what it is;
 *   RUNNING  the day is on or before the date (days >= 0 left);
 *   ENDED    the date is past (days < 0: how long ago).
 */
enum xensupport_term_state {
    XENSUPPORT_TERM_ABSENT = 0,
    XENSUPPORT_TERM_UNDATED = 1,
    XENSUPPORT_TERM_RUNNING = 2,
    XENSUPPORT_TERM_ENDED = 3,
};
struct xensupport_term {
    enum xensupport_term_state state;
    const char *text; /* the fact's value (owned by the table), or NULL */
    int64_t date;     /* RUNNING/ENDED: the date, 00:00 UTC, Unix time */
    long days;        /* RUNNING/ENDED: date minus today, in days */
};
struct xensupport_lifecycle {
    struct xensupport_term support;  /* Supported-Until */
    struct xensupport_term security; /* Security-Support-Until */
};

/*
 * Today as Unix time of 00:00 UTC: the environment variable
 * XEN_SUPPORT_TODAY (YYYY-MM-DD) when set, for tests and for asking
 * "what about next month?"; else the clock.  Returns -1 with errno EINVAL
 * when XEN_SUPPORT_TODAY is set but not a valid date.
 */
int64_t xensupport_today(void);

/*
 * Fill *out for table t against today (Unix time, any time of that UTC
 * day).  Returns 0, or -1 with errno ENOMEM.
 */
int xensupport_get_lifecycle(xensupport_table *t, int64_t today,
                             struct xensupport_lifecycle *out);

/* "YYYY-MM-DD" of Unix time t (UTC), into buf; returns buf. */
const char *xensupport_format_date(int64_t t, char *buf, size_t len);

/*
 * A term in words, into buf (returned): "until 2028-03-05 (823 days
 * left)", "ended 2025-12-12 (355 days ago)", "no date (TBD)" or "n/a".
 */
const char *xensupport_format_term(const struct xensupport_term *t, char *buf,
                                   size_t len);

/* "absent", "undated", "running", "ended"; NULL for other values. */
const char *xensupport_term_name(unsigned state);

/*
 * Parse a strict YYYY-MM-DD (a real calendar day, 1970-01-01 or later)
 * into Unix time of 00:00 UTC; -1 with errno EINVAL otherwise.
 */
int64_t xensupport_parse_date(const char *s);

/*
 * Feature id whose name equals name (ASCII case folded), by binary search
 * over the name index: O(log n), expanding only the names it compares.
 * When several features share the name, the lowest id.  Returns -1 with
 * errno ENOENT if there is none, EINVAL if name is NULL.
 */
int xensupport_lookup(const xensupport_table *t, const char *name);

/*
 * Finding a feature by any name a user types (since 1.2), tried in this
 * order: the full name (any case); the generated id (RTDS_BASED_SCHEDULER,
 * with or without SUPPORT_FEAT_); then the stable identities
 * (core/include/xen/suptab_features.def): the stable key (SCHED_RTDS), a
 * gate's origin (sched=rtds), an alias (rtds), a heading the feature had
 * in another release ("x86/PVH guest" finds "x86/PVH", and back); last,
 * a unique token prefix (every word of name starts a word of the
 * feature's, in order: "null sched").  Returns the feature id and *how
 * (if not NULL), or -1 with errno ENOENT (nothing matches), EEXIST
 * (several features match the prefix: up to *nr_cand of them in cand[],
 * *nr_cand updated) or EINVAL.
 */
enum xensupport_match {
    XENSUPPORT_MATCH_NAME = 1,
    XENSUPPORT_MATCH_IDENT = 2,
    XENSUPPORT_MATCH_KEY = 3,
    XENSUPPORT_MATCH_ORIGIN = 4,
    XENSUPPORT_MATCH_ALIAS = 5,
    XENSUPPORT_MATCH_HEADING = 6,
    XENSUPPORT_MATCH_PREFIX = 7,
};
int xensupport_find(xensupport_table *t, const char *name,
                    enum xensupport_match *how, unsigned *cand,
                    unsigned *nr_cand);
/* "name", "id", "key", "origin", "alias", "heading", "prefix"; or NULL. */
const char *xensupport_match_name(unsigned how);

/*
 * The stable key of feature id (SCHED_RTDS), or NULL with errno ENOENT
 * when it has none (most features have none; only those a gate, an
 * alias or a rename needs).
 */
const char *xensupport_feature_key(xensupport_table *t, unsigned id);

/* Feature id's generated identifier (RTDS_BASED_SCHEDULER) into buf. */
int xensupport_feature_ident(xensupport_table *t, unsigned id, char *buf,
                             size_t len);

/*
 * How well query's words match name's (for "did you mean"): 2 per query
 * word equal to a word of name, 1 per word that only starts one.
 */
unsigned xensupport_word_overlap(const char *query, const char *name);

/*
 * Compare two tables.  Features match by section name + feature name,
 * rows by key + qualifier within matched features (ASCII case folded;
 * the n-th duplicate matches the n-th duplicate).  For every difference,
 * in a's order then b's, cb() is called once; a non-zero return stops
 * the walk and is returned.  Returns 0 when the walk completed, or -1
 * with errno ENOMEM.
 */
enum xensupport_change_kind {
    XENSUPPORT_ROW_ADDED = 1,   /* only in b: a_row is NULL */
    XENSUPPORT_ROW_REMOVED = 2, /* only in a: b_row is NULL */
    XENSUPPORT_ROW_CHANGED = 3, /* level or security support differ */
};
struct xensupport_change {
    enum xensupport_change_kind kind;
    const char *section, *feature; /* names (from b when added) */
    const struct xensupport_row *a_row, *b_row;
};
typedef int xensupport_change_cb(const struct xensupport_change *c, void *arg);
int xensupport_compare(xensupport_table *a, xensupport_table *b,
                       xensupport_change_cb *cb, void *arg);

/*
 * What changed from a to b (since 1.2), for "xen-support diff": cb() is
 * called once per difference, in this order: the release facts (a's
 * order, then those only b has); then b's features in b's order, with
 * a's removed features at their place in a's order.  Features pair by
 * section and name, then by name alone (moved section), then by stable
 * key (renamed heading); a pair whose section or name differs is
 * FEATURE_RENAMED.  An added or removed feature comes with its rows as
 * ROW_ADDED or ROW_REMOVED.  Rows pair by key and qualifier; ROW_CHANGED
 * when the value, the level or the security support differ.  Names and
 * rows of a side that has none are NULL.  A non-zero return from cb()
 * stops the walk and is returned; else 0, or -1 with errno ENOMEM or
 * EINVAL.
 */
enum xensupport_diff_kind {
    XENSUPPORT_DIFF_FACT = 1,
    XENSUPPORT_DIFF_FEATURE_ADDED = 2,
    XENSUPPORT_DIFF_FEATURE_REMOVED = 3,
    XENSUPPORT_DIFF_FEATURE_RENAMED = 4,
    XENSUPPORT_DIFF_ROW_ADDED = 5,
    XENSUPPORT_DIFF_ROW_REMOVED = 6,
    XENSUPPORT_DIFF_ROW_CHANGED = 7,
};
struct xensupport_diff {
    enum xensupport_diff_kind kind;
    const char *fact, *a_value, *b_value; /* FACT */
    const char *a_section, *a_feature;    /* the feature in a */
    const char *b_section, *b_feature;    /* the feature in b */
    const char *key;                      /* its stable key, or NULL */
    const struct xensupport_row *a_row, *b_row;
};
typedef int xensupport_diff_cb(const struct xensupport_diff *d, void *arg);
int xensupport_diff(xensupport_table *a, xensupport_table *b,
                    xensupport_diff_cb *cb, void *arg);
/* "fact", "feature-added", ..., "added", "removed", "changed"; or NULL. */
const char *xensupport_diff_kind_name(unsigned kind);

/*
 * A guest's xl configuration against the statement (since 1.2).  The
 * caller parses the configuration (xl's libxlutil) and hands over each
 * setting with its values: a list (disk, vif, pci, ...) gives one value
 * per item, a string or number one value.  Each value goes through the
 * mapping of tools-side/lib/xs_xlmap.def to a feature's stable key and
 * the rows that apply on arch (XENSUPPORT_ARCH_X86 or _ARM) with the
 * mapped qualifier; cb() gets one finding per value (one per setting for
 * settings deliberately not mapped):
 *   MAPPED    row is the row that applies (the first one outside
 *             security support, else the first), outside says whether
 *             it is outside security support;
 *   ABSENT    the statement has no such feature (outside);
 *   NO_ROW    no row applies on arch with that qualifier (outside);
 *   UNMAPPED  a setting that selects nothing of the statement (why);
 *   UNKNOWN   a setting, or a value, the mapping does not cover (listed,
 *             not counted outside);
 *   OFF       a mapped setting turned off (0, "none", ...).
 * A non-zero return from cb() stops the walk and is returned.  Returns
 * the number of findings outside security support, or -1 with errno
 * EINVAL or ENOMEM.
 */
struct xensupport_xl_setting {
    const char *name;
    const char *const *values;
    unsigned nr_values;
    unsigned line; /* in the configuration file, 0 if unknown */
};
enum xensupport_audit_kind {
    XENSUPPORT_AUDIT_MAPPED = 1,
    XENSUPPORT_AUDIT_ABSENT = 2,
    XENSUPPORT_AUDIT_NO_ROW = 3,
    XENSUPPORT_AUDIT_UNMAPPED = 4,
    XENSUPPORT_AUDIT_UNKNOWN = 5,
    XENSUPPORT_AUDIT_OFF = 6,
};
struct xensupport_audit_finding {
    enum xensupport_audit_kind kind;
    const struct xensupport_xl_setting *setting;
    const char *value;         /* the value this finding is about */
    const char *key;           /* the feature's stable key, or NULL */
    int feature;               /* its id in the table, or -1 */
    const char *feature_name;  /* its name, or NULL */
    struct xensupport_row row; /* MAPPED: the row that applies */
    bool outside;
    const char *why; /* why not MAPPED, or NULL */
};
typedef int xensupport_audit_cb(const struct xensupport_audit_finding *f,
                                void *arg);
int xensupport_audit(xensupport_table *t, unsigned arch,
                     const struct xensupport_xl_setting *s, unsigned n,
                     xensupport_audit_cb *cb, void *arg);
/* "mapped", "absent", "no-row", "unmapped", "unknown", "off"; or NULL. */
const char *xensupport_audit_kind_name(unsigned kind);

/*
 * A session with the running hypervisor: libxenctrl (xc_interface_open,
 * with a silent logger) opened once, for any number of reads below, in
 * the calling process.  Use it from one thread at a time; distinct
 * sessions may be used from distinct threads.
 *
 * xensupport_session_open() returns a session, or NULL with errno and the
 * message in err: ENODEV not running on Xen (no /dev/xen/privcmd), EPERM
 * not privileged (privcmd cannot be opened), ENOMEM, or the errno of
 * xc_interface_open().  No hypercall is made: whether this Xen has a
 * table shows at the first read.  xensupport_session_close() releases it
 * (NULL is allowed), keeps errno and never fails; handles of tables read
 * through it stay valid.
 *
 * xensupport_session_table() reads the hypervisor's table (two hypercalls)
 * into a new handle, as xensupport_open() with HYPERVISOR does: the handle
 * or NULL with errno EBADMSG, ENOTSUP, EPERM, ENOSYS, EPROTO, EIO (as
 * documented there), EINVAL (NULL session) or ENOMEM.
 */
typedef struct xensupport_session xensupport_session;

xensupport_session *xensupport_session_open(char *err, size_t errlen);
void xensupport_session_close(xensupport_session *s);
xensupport_table *xensupport_session_table(xensupport_session *s, char *err,
                                           size_t errlen);

/*
 * How the session's last successful read reached the hypervisor:
 * "sysctl" (XEN_SYSCTL_support_table) or "hypfs" (/support/ in hypfs,
 * used when the sysctl is not: a hypervisor speaking another sysctl
 * interface version than these tools, or one without the op); NULL
 * before any.  Through hypfs, the table and get_info's facts are read;
 * the record's events are not (xensupport_session_events() fails with
 * ENOTSUP and says how many there are).
 */
const char *xensupport_session_via(const xensupport_session *s);

/*
 * Read the hypervisor through hypfs only, never the sysctl (to read a
 * hypervisor as any hypfs client would, or to check that view): 0, or -1
 * with errno EINVAL for a NULL session.
 */
int xensupport_session_use_hypfs(xensupport_session *s);

/*
 * The running hypervisor's boot policy and record (XEN_SYSCTL_support_table
 * get_info / get_events).  The xensupport_session_* calls go through the
 * caller's session; xensupport_hv_info() and xensupport_hv_events() open
 * one of their own for the call (so they can also fail with ENODEV).  They
 * return 0, or -1 with errno as xensupport_session_table() (EPERM, ENOSYS,
 * EPROTO, EIO, EINVAL, ENOMEM) and the message in err.
 */
enum xensupport_policy {
    XENSUPPORT_POLICY_WARN = 0,   /* enable, warn, record (default) */
    XENSUPPORT_POLICY_REFUSE = 1, /* do not enable, record */
    XENSUPPORT_POLICY_QUIET = 2,  /* enable, record only */
};
#define XENSUPPORT_PF_NOT_SECURITY                                             \
    (1U << 0)                              /* supported, not security          \
                                              supported counts outside */
#define XENSUPPORT_PF_EXEMPTIONS (1U << 1) /* some features exempted */

struct xensupport_hv_info {
    uint32_t table_size, checksum; /* of the built-in table */
    unsigned format_version, last_comp_version;
    unsigned nr_features, nr_rows, nr_sections, nr_facts;
    unsigned arch;         /* XENSUPPORT_ARCH_X86 or _ARM: this hypervisor */
    unsigned policy;       /* enum xensupport_policy */
    uint32_t policy_flags; /* XENSUPPORT_PF_* */
    unsigned nr_exempt;
    uint32_t nr_events, max_events, events_lost, generation;
};
int xensupport_session_info(xensupport_session *s,
                            struct xensupport_hv_info *out, char *err,
                            size_t errlen);
int xensupport_hv_info(struct xensupport_hv_info *out, char *err,
                       size_t errlen);

/* "warn", "refuse", "quiet"; NULL for an unknown value. */
const char *xensupport_policy_name(unsigned policy);

/* One gate event (values as XEN_SUPPORT_DECISION_* / _ORIGIN_*). */
enum xensupport_decision {
    XENSUPPORT_DECISION_WARNED = 1,   /* enabled, warning printed */
    XENSUPPORT_DECISION_REFUSED = 2,  /* not enabled */
    XENSUPPORT_DECISION_RECORDED = 3, /* enabled (quiet policy) */
    XENSUPPORT_DECISION_EXEMPTED = 4, /* enabled, exempted by name */
};
enum xensupport_origin {
    XENSUPPORT_ORIGIN_BOOT = 1,    /* Xen's command line or build */
    XENSUPPORT_ORIGIN_DOMAIN = 2,  /* a domain's creation/config */
    XENSUPPORT_ORIGIN_RUNTIME = 3, /* a later operation */
};
struct xensupport_event {
    unsigned feature; /* feature id in the hypervisor's table */
    int row;          /* row id that applied, or -1 */
    unsigned decision, origin, reading;
    unsigned domid, count;
    uint32_t seq;         /* generation when first recorded */
    uint64_t time_ns;     /* hypervisor system time when first recorded */
    char origin_text[41]; /* e.g. "sched=rtds" */
    bool gone;            /* the domain was destroyed since (sticky) */
};

/*
 * The whole record: *events (malloc()ed; free() it) holds *nr events;
 * *lost (if not NULL) counts the events the full record dropped.  The
 * read starts again when the record grows under it.
 */
int xensupport_session_events(xensupport_session *s,
                              struct xensupport_event **events, unsigned *nr,
                              uint32_t *lost, char *err, size_t errlen);
int xensupport_hv_events(struct xensupport_event **events, unsigned *nr,
                         uint32_t *lost, char *err, size_t errlen);

/*
 * Tell the hypervisor what a domain's configuration selects
 * (XEN_SYSCTL_support_note), for a finding of xensupport_audit() on the
 * table this session read last (xensupport_session_table(): feature and
 * row are its ids; row -1 when the feature has no row here).  The
 * hypervisor decides as its own gates do, under its policy and
 * exemptions: *decision is 0 within support, else an enum
 * xensupport_decision, REFUSED meaning the domain must not run.  With
 * XENSUPPORT_NOTE_CHECK nothing is recorded; otherwise the finding is
 * recorded against domid (XENSUPPORT_DOMID_NEW: a domain not built, e.g.
 * the one refused) with text ("nestedhvm=1", at most 39 printable
 * characters) and reported on Xen's console.
 * Returns 0, or -1 with errno and err: EAGAIN another table became active
 * since this session read its own (read and audit again), ESRCH no such
 * domain, EPERM / EACCES not privileged or denied by FLASK
 * (xen2:support_note), ENOSYS a hypervisor without the op, EINVAL bad
 * arguments (or no table read through the sysctl yet).
 */
#define XENSUPPORT_NOTE_CHECK (1U << 0)
#define XENSUPPORT_DOMID_NEW  0x7ff4U /* DOMID_INVALID */
int xensupport_session_note(xensupport_session *s, unsigned domid, int feature,
                            int row, unsigned flags, const char *text,
                            unsigned *decision, char *err, size_t errlen);

/*
 * The table the hypervisor answers from: the one it was built with, a
 * boot module's, or one loaded since (XEN_SYSCTL_support_load); both
 * tables' sizes and checksums.  Known through the sysctl only:
 * xensupport_session_active() fails with ENOTSUP when the session reads
 * through hypfs, or the sysctl is not usable (another interface version,
 * or no such op: what makes the session fall back to hypfs), else as
 * xensupport_session_info().
 */
enum xensupport_table_origin {
    XENSUPPORT_TABLE_BUILTIN = 0, /* linked into Xen at build time */
    XENSUPPORT_TABLE_MODULE = 1,  /* a boot module */
    XENSUPPORT_TABLE_LOADED = 2,  /* xensupport_session_load() */
};
struct xensupport_hv_active {
    unsigned origin;                         /* enum xensupport_table_origin */
    uint32_t generation;                     /* tables made active since boot */
    uint32_t size, checksum;                 /* the active table */
    uint32_t builtin_size, builtin_checksum; /* 0: not valid */
};
int xensupport_session_active(xensupport_session *s,
                              struct xensupport_hv_active *out, char *err,
                              size_t errlen);
/* "built-in", "module", "loaded"; NULL for an unknown value. */
const char *xensupport_table_origin_name(unsigned origin);

/*
 * Make blob[0..len) the hypervisor's active table
 * (XEN_SYSCTL_support_load): the hypervisor checks it whole and swaps it
 * in atomically, or changes nothing.  Validate it first
 * (xensupport_open_memory()) for a precise message.  Returns 0 with *out
 * (may be NULL) as after the load, or -1 with errno and err: EPERM not
 * privileged, EACCES denied (FLASK xen2:support_load, or another sysctl
 * interface), EBADMSG the table breaks the format, EOPNOTSUPP a format
 * version the hypervisor cannot read, ENOEXEC no row for its
 * architecture, E2BIG over its cap, ENOSYS no such operation, EINVAL
 * (an empty table, a NULL argument).
 */
int xensupport_session_load(xensupport_session *s, const void *blob, size_t len,
                            struct xensupport_hv_active *out, char *err,
                            size_t errlen);

#endif
