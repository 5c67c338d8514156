/*
 * xs_hv.c: the hypervisor source.  The whole table in two
 * XEN_SYSCTL_support_table calls (the size, then one GET_WHOLE read),
 * validated by xensupport_open() like a file, and the boot policy facts
 * (get_info).  The hypervisor's errors become distinct errnos and
 * one-line messages (xs_hv_fail).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_hv_abi.h"
#include "xs_hv.h"
#include "xs_private.h"

/* Tables are a few KiB; a bigger claimed size is a broken hypervisor. */
#define S_TABLE_MAX (16U << 20)

const struct xs_transport *xs_hv_transport = &xs_transport_xc;

void xs_hv_set_transport(const struct xs_transport *t)
{
    xs_hv_transport = t ? t : &xs_transport_xc;
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

static int S_read_table(void *s, struct xs_fetched *out, char *err,
                        size_t errlen)
{
    struct xen_sysctl_support_table op;
    uint8_t *buf;
    uint32_t size;
    int rc;

    /* 1: a NULL buffer learns the size. */
    xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_table);
    rc = xs_hv_transport->sysctl(s, &op, NULL, 0);
    if (rc)
        return xs_hv_fail(rc, "get_table", err, errlen);
    size = op.u.table.size;
    if (op.u.table.len != size)
        return xs_hv_bad(err, errlen,
                         "the hypervisor's size answer is inconsistent "
                         "(%u bytes from offset 0 of %u)",
                         op.u.table.len, size);
    if (size < XEN_SUPTAB_HEADER_SIZE || size > S_TABLE_MAX) {
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
    rc = xs_hv_transport->sysctl(s, &op, buf, size);
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
    return 0;
}

int xs_fetch_hypervisor(const struct xensupport_source *src,
                        struct xs_fetched *out, char *err, size_t errlen)
{
    void *s;
    int rc, saved;

    (void)src;
    if (xs_hv_transport->open(&s, err, errlen))
        return -1;
    rc = S_read_table(s, out, err, errlen);
    saved = errno;
    xs_hv_transport->close(s);
    errno = saved;
    return rc;
}

int xensupport_hv_info(struct xensupport_hv_info *out, char *err, size_t errlen)
{
    struct xen_sysctl_support_table op;
    const struct xen_sysctl_support_info *in = &op.u.info;
    void *s;
    int rc, saved;

    if (err && errlen)
        err[0] = '\0';
    if (!out) {
        errno = EINVAL;
        return -1;
    }
    if (xs_hv_transport->open(&s, err, errlen))
        return -1;
    xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_info);
    rc = xs_hv_transport->sysctl(s, &op, NULL, 0);
    saved = errno;
    xs_hv_transport->close(s);
    errno = saved;
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
    return 0;
}

const char *xensupport_policy_name(unsigned policy)
{
    static const char *const names[] = {"warn", "refuse", "quiet"};

    return policy < sizeof(names) / sizeof(names[0]) ? names[policy] : NULL;
}
