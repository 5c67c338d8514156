/*
 * xs_hv.c: the hypervisor source.  A session opens the transport
 * (libxenctrl) once; through it, the whole table in two
 * XEN_SYSCTL_support_table calls (the size, then one GET_WHOLE read),
 * validated like a file, and the boot policy facts (get_info).  The
 * one-shot calls (xensupport_open() with HYPERVISOR, xensupport_hv_info())
 * open a session of their own.  The hypervisor's errors become distinct
 * errnos and one-line messages (xs_hv_fail).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_hv_abi.h"
#include "xs_hv.h"
#include "xs_private.h"

/* The transport new sessions use; NULL: the real one. */
static _Atomic(const struct xs_transport *) S_transport;

void xs_hv_set_transport(const struct xs_transport *t)
{
    atomic_store(&S_transport, t);
}

xensupport_session *xensupport_session_open(char *err, size_t errlen)
{
    const struct xs_transport *tp = atomic_load(&S_transport);
    xensupport_session *s;
    int saved;

    if (err && errlen)
        err[0] = '\0';
    s = calloc(1, sizeof(*s));
    if (!s) {
        xs_seterr(err, errlen, "out of memory");
        return NULL;
    }
    s->tp = tp ? tp : &xs_transport_xc;
    if (s->tp->open(&s->sess, err, errlen)) {
        saved = errno;
        free(s);
        errno = saved;
        return NULL;
    }
    return s;
}

void xensupport_session_close(xensupport_session *s)
{
    int saved = errno;

    if (!s)
        return;
    s->tp->close(s->sess);
    free(s);
    errno = saved;
}

/* A failed call (rc < 0): errno and message; returns -1. */
int xs_hv_fail(int rc, const char *what, char *err, size_t errlen)
{
    switch (-rc) {
    case ENOSYS:
        xs_seterr(err, errlen,
                  "this Xen has no built-in support table; use --document "
                  "or --table");
        errno = ENOSYS;
        break;
    case EOPNOTSUPP:
        xs_seterr(err, errlen,
                  "this Xen has no built-in support table (its table failed "
                  "the boot-time check); use --document or --table");
        errno = ENOSYS;
        break;
    case EACCES:
        xs_seterr(err, errlen,
                  "the hypervisor refused XEN_SYSCTL_support_table (EACCES): "
                  "sysctl interface mismatch (these tools speak 0x%x) or "
                  "denied by the XSM policy",
                  XEN_SYSCTL_INTERFACE_VERSION);
        errno = EPROTO;
        break;
    case EPERM:
        xs_seterr(err, errlen,
                  "not privileged: the hypervisor denied "
                  "XEN_SYSCTL_support_table (EPERM); run it in dom0");
        errno = EPERM;
        break;
    default:
        xs_seterr(err, errlen, "XEN_SYSCTL_support_table %s failed: %s", what,
                  strerror(-rc));
        errno = EIO;
    }
    return -1;
}

int xs_hv_bad(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;

    if (err && errlen) {
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    errno = EIO;
    return -1;
}

void xs_hv_op(struct xen_sysctl_support_table *op, uint32_t cmd)
{
    memset(op, 0, sizeof(*op));
    op->cmd = cmd;
}

/*
 * The sysctl failed with rc and hypfs, tried instead, with herr: the
 * sysctl's errno and message, then why hypfs did not answer.
 */
static int S_fail_both(int rc, const char *what, const char *herr, char *err,
                       size_t errlen)
{
    size_t n;

    xs_hv_fail(rc, what, err, errlen);
    if (err && errlen && (n = strlen(err)) + 1 < errlen)
        snprintf(err + n, errlen - n, "; and hypfs: %s", herr);
    return -1;
}

static int S_read_table(xensupport_session *s, struct xs_fetched *out,
                        char *err, size_t errlen)
{
    struct xen_sysctl_support_table op;
    uint8_t *buf;
    uint32_t size;
    int rc;

    if (s->hypfs_only)
        return xs_hv_hypfs_table(s, out, err, errlen);

    /* 1: a NULL buffer learns the size. */
    xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_table);
    rc = s->tp->sysctl(s->sess, &op, NULL, 0);
    if (rc && xs_hv_hypfs_usable(rc)) {
        char herr[XENSUPPORT_ERRLEN];

        if (!xs_hv_hypfs_table(s, out, herr, sizeof(herr)))
            return 0;
        return S_fail_both(rc, "get_table", herr, err, errlen);
    }
    if (rc)
        return xs_hv_fail(rc, "get_table", err, errlen);
    size = op.u.table.size;
    if (op.u.table.len != size)
        return xs_hv_bad(err, errlen,
                         "the hypervisor's size answer is inconsistent "
                         "(%u bytes from offset 0 of %u)",
                         op.u.table.len, size);
    if (size < XEN_SUPTAB_HEADER_SIZE || size > XEN_SUPTAB_SIZE_MAX) {
        xs_seterr(err, errlen, "the hypervisor reports a table of %u bytes",
                  size);
        errno = EBADMSG;
        return -1;
    }
    buf = malloc(size);
    if (!buf) {
        xs_seterr(err, errlen, "out of memory");
        return -1;
    }

    /* 2: the whole table in one copy. */
    xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_table);
    op.u.table.len = size;
    op.u.table.flags = XEN_SUPPORT_GET_WHOLE;
    rc = s->tp->sysctl(s->sess, &op, buf, size);
    if (rc == -ENOBUFS)
        rc = xs_hv_bad(err, errlen,
                       "the hypervisor's table changed size between two "
                       "reads (%u, then %u bytes)",
                       size, op.u.table.size);
    else if (rc)
        rc = xs_hv_fail(rc, "get_table", err, errlen);
    else if (op.u.table.size != size || op.u.table.len != size)
        rc = xs_hv_bad(err, errlen,
                       "short read from the hypervisor: %u of %u bytes",
                       op.u.table.len, size);
    if (rc) {
        int saved = errno;
        free(buf);
        errno = saved;
        return -1;
    }
    out->owned = buf;
    out->p = buf;
    out->len = size;
    s->via = XS_VIA_SYSCTL;
    /* The header's checksum (little-endian at offset 12), for notes. */
    s->table_checksum = (uint32_t)buf[12] | (uint32_t)buf[13] << 8 |
                        (uint32_t)buf[14] << 16 | (uint32_t)buf[15] << 24;
    s->have_table = true;
    return 0;
}

xensupport_table *xensupport_session_table(xensupport_session *s, char *err,
                                           size_t errlen)
{
    struct xs_fetched f = {0};

    if (err && errlen)
        err[0] = '\0';
    if (!s) {
        xs_seterr(err, errlen, "no session");
        errno = EINVAL;
        return NULL;
    }
    if (S_read_table(s, &f, err, errlen))
        return NULL;
    return xs_open_fetched(XENSUPPORT_SOURCE_HYPERVISOR, &f, err, errlen);
}

int xs_fetch_hypervisor(const struct xensupport_source *src,
                        struct xs_fetched *out, char *err, size_t errlen)
{
    xensupport_session *s;
    int rc;

    (void)src;
    s = xensupport_session_open(err, errlen);
    if (!s)
        return -1;
    rc = S_read_table(s, out, err, errlen);
    xensupport_session_close(s); /* keeps errno */
    return rc;
}

int xensupport_session_info(xensupport_session *s,
                            struct xensupport_hv_info *out, char *err,
                            size_t errlen)
{
    struct xen_sysctl_support_table op;
    const struct xen_sysctl_support_info *in = &op.u.info;
    int rc;

    if (err && errlen)
        err[0] = '\0';
    if (!s || !out) {
        errno = EINVAL;
        return -1;
    }
    if (s->hypfs_only)
        return xs_hv_hypfs_info(s, out, err, errlen);
    xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_info);
    rc = s->tp->sysctl(s->sess, &op, NULL, 0);
    if (rc && xs_hv_hypfs_usable(rc)) {
        char herr[XENSUPPORT_ERRLEN];

        if (!xs_hv_hypfs_info(s, out, herr, sizeof(herr)))
            return 0;
        return S_fail_both(rc, "get_info", herr, err, errlen);
    }
    if (rc)
        return xs_hv_fail(rc, "get_info", err, errlen);
    memset(out, 0, sizeof(*out));
    out->table_size = in->table_size;
    out->checksum = in->checksum;
    out->format_version = in->format_version;
    out->last_comp_version = in->last_comp_version;
    out->nr_features = in->nr_features;
    out->nr_rows = in->nr_rows;
    out->nr_sections = in->nr_sections;
    out->nr_facts = in->nr_facts;
    out->arch = in->arch;
    out->policy = in->policy;
    out->policy_flags = in->policy_flags;
    out->nr_exempt = in->nr_exempt;
    out->nr_events = in->nr_events;
    out->max_events = in->max_events;
    out->events_lost = in->events_lost;
    out->generation = in->generation;
    s->via = XS_VIA_SYSCTL;
    return 0;
}

int xensupport_session_use_hypfs(xensupport_session *s)
{
    if (!s) {
        errno = EINVAL;
        return -1;
    }
    s->hypfs_only = true;
    return 0;
}

const char *xensupport_session_via(const xensupport_session *s)
{
    switch (s ? s->via : XS_VIA_NONE) {
    case XS_VIA_SYSCTL:
        return "sysctl";
    case XS_VIA_HYPFS:
        return "hypfs";
    default:
        return NULL;
    }
}

int xensupport_hv_info(struct xensupport_hv_info *out, char *err, size_t errlen)
{
    xensupport_session *s;
    int rc;

    if (err && errlen)
        err[0] = '\0';
    if (!out) {
        errno = EINVAL;
        return -1;
    }
    s = xensupport_session_open(err, errlen);
    if (!s)
        return -1;
    rc = xensupport_session_info(s, out, err, errlen);
    xensupport_session_close(s); /* keeps errno */
    return rc;
}

const char *xensupport_policy_name(unsigned policy)
{
    static const char *const names[] = {"warn", "refuse", "quiet"};

    return policy < sizeof(names) / sizeof(names[0]) ? names[policy] : NULL;
}

const char *xensupport_table_origin_name(unsigned origin)
{
    static const char *const names[] = {"built-in", "module", "loaded"};

    return origin < sizeof(names) / sizeof(names[0]) ? names[origin] : NULL;
}

int xensupport_session_active(xensupport_session *s,
                              struct xensupport_hv_active *out, char *err,
                              size_t errlen)
{
    struct xen_sysctl_support_table op;
    const struct xen_sysctl_support_info *in = &op.u.info;
    int rc = 0;

    if (err && errlen)
        err[0] = '\0';
    if (!s || !out) {
        errno = EINVAL;
        return -1;
    }
    if (!s->hypfs_only) {
        xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_info);
        rc = s->tp->sysctl(s->sess, &op, NULL, 0);
        if (rc && !xs_hv_hypfs_usable(rc))
            return xs_hv_fail(rc, "get_info", err, errlen);
    }
    /* Read through hypfs (asked for, or the sysctl not usable). */
    if (s->hypfs_only || rc) {
        xs_seterr(err, errlen,
                  "where the active table came from is known through the "
                  "sysctl only, not hypfs");
        errno = ENOTSUP;
        return -1;
    }
    memset(out, 0, sizeof(*out));
    out->origin = in->source;
    out->generation = in->table_generation;
    out->size = in->table_size;
    out->checksum = in->checksum;
    out->builtin_size = in->builtin_size;
    out->builtin_checksum = in->builtin_checksum;
    s->via = XS_VIA_SYSCTL;
    return 0;
}

/* The message for a refused load; errno as the hypervisor said. */
static int S_load_fail(int rc, char *err, size_t errlen)
{
    switch (-rc) {
    case EPERM:
        xs_seterr(err, errlen,
                  "not privileged: loading a support table "
                  "needs the control domain");
        break;
    case EACCES:
        xs_seterr(err, errlen,
                  "permission denied: FLASK's xen2:support_load, or a "
                  "sysctl interface other than these tools' (0x%x)",
                  XEN_SYSCTL_INTERFACE_VERSION);
        break;
    case EBADMSG:
        xs_seterr(err, errlen,
                  "the hypervisor refused the table: it breaks "
                  "the table format (Xen's log says which rule)");
        break;
    case EOPNOTSUPP:
        xs_seterr(err, errlen,
                  "the hypervisor cannot read this table's "
                  "format version");
        break;
    case ENOEXEC:
        xs_seterr(err, errlen,
                  "the hypervisor refused the table: no status "
                  "row applies to its architecture");
        break;
    case E2BIG:
        xs_seterr(err, errlen,
                  "the hypervisor refused the table: larger than its cap of "
                  "%u bytes",
                  (unsigned)XEN_SYSCTL_SUPPORT_LOAD_MAX);
        break;
    case ENOSYS:
        xs_seterr(err, errlen,
                  "this hypervisor cannot load a support table "
                  "(no XEN_SYSCTL_support_load)");
        break;
    case EINVAL:
        xs_seterr(err, errlen,
                  "the hypervisor refused the request: an "
                  "empty table");
        break;
    default:
        xs_seterr(err, errlen, "XEN_SYSCTL_support_load: %s", strerror(-rc));
        break;
    }
    errno = -rc;
    return -1;
}

int xensupport_session_load(xensupport_session *s, const void *blob, size_t len,
                            struct xensupport_hv_active *out, char *err,
                            size_t errlen)
{
    struct xen_sysctl_support_load op;
    int rc;

    if (err && errlen)
        err[0] = '\0';
    if (!s || (!blob && len)) {
        errno = EINVAL;
        return -1;
    }
    memset(&op, 0, sizeof(op));
    rc = s->tp->load ? s->tp->load(s->sess, &op, blob, len) : -ENOSYS;
    if (rc)
        return S_load_fail(rc, err, errlen);
    s->via = XS_VIA_SYSCTL;
    return out ? xensupport_session_active(s, out, err, errlen) : 0;
}
