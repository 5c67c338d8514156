/*
 * xs_hv_hypfs.c: the hypervisor source through hypfs, for when
 * XEN_SYSCTL_support_table is not usable: a hypervisor whose sysctl
 * interface version is not these tools' (4.21 and later speak 0x16,
 * Debian 12's libxenctrl 0x15), or one without the op.  The patched
 * hypervisor publishes /support/table (the table), /support/policy and
 * /support/record (xen-side/common/support_hypfs.c); hypfs has a stable
 * ABI.  The record's events are not in hypfs, only its counts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_hv_abi.h"
#include "xs_hv.h"
#include "xs_private.h"

int xs_hv_hypfs_usable(int rc)
{
    return rc == -EACCES || rc == -ENOSYS;
}

/* Node path as a NUL-terminated string (strings carry their NUL). */
static char *S_text(struct xensupport_session *s, const char *path, int *rc)
{
    void *buf = NULL;
    size_t len = 0;
    char *t;

    *rc = s->tp->hypfs_read ? s->tp->hypfs_read(s->sess, path, &buf, &len)
                            : -ENOSYS;
    if (*rc)
        return NULL;
    t = realloc(buf, len + 1);
    if (!t) {
        free(buf);
        *rc = -ENOMEM;
        return NULL;
    }
    t[len] = '\0';
    return t;
}

int xs_hv_hypfs_table(struct xensupport_session *s, struct xs_fetched *out,
                      char *err, size_t errlen)
{
    void *buf = NULL;
    size_t len = 0;
    int rc;

    rc = s->tp->hypfs_read
             ? s->tp->hypfs_read(s->sess, "/support/table", &buf, &len)
             : -ENOSYS;
    if (rc) {
        xs_seterr(err, errlen, "hypfs /support/table: %s", strerror(-rc));
        errno = -rc;
        return -1;
    }
    if (len < XEN_SUPTAB_HEADER_SIZE || len > XEN_SUPTAB_SIZE_MAX) {
        free(buf);
        xs_seterr(err, errlen, "hypfs /support/table holds %zu bytes", len);
        errno = EBADMSG;
        return -1;
    }
    out->owned = buf;
    out->p = buf;
    out->len = len;
    s->via = XS_VIA_HYPFS;
    return 0;
}

/* "refuse\nno-strict\nexempt:NAME\n...": 0, or -1 if malformed. */
static int S_policy(const char *t, struct xensupport_hv_info *out)
{
    size_t n = strcspn(t, "\n");

    if (n == 4 && !strncmp(t, "warn", 4))
        out->policy = XENSUPPORT_POLICY_WARN;
    else if (n == 6 && !strncmp(t, "refuse", 6))
        out->policy = XENSUPPORT_POLICY_REFUSE;
    else if (n == 5 && !strncmp(t, "quiet", 5))
        out->policy = XENSUPPORT_POLICY_QUIET;
    else
        return -1;
    t += n + (t[n] == '\n');
    n = strcspn(t, "\n");
    if (n == 6 && !strncmp(t, "strict", 6))
        out->policy_flags |= XENSUPPORT_PF_NOT_SECURITY;
    else if (!(n == 9 && !strncmp(t, "no-strict", 9)))
        return -1;
    for (t += n + (t[n] == '\n'); *t; t += n + (t[n] == '\n')) {
        n = strcspn(t, "\n");
        if (strncmp(t, "exempt:", 7))
            return -1;
        out->nr_exempt++;
    }
    if (out->nr_exempt)
        out->policy_flags |= XENSUPPORT_PF_EXEMPTIONS;
    return 0;
}

int xs_hv_hypfs_info(struct xensupport_session *s,
                     struct xensupport_hv_info *out, char *err, size_t errlen)
{
    struct xensupport_hv_info info = {0};
    struct xs_fetched f = {0};
    struct xen_suptab_header h;
    char *policy, *record;
    unsigned nr, lost, max, gen;
    int rc;

    if (xs_hv_hypfs_table(s, &f, err, errlen))
        return -1;
    suptab_header_read(f.p, &h);
    info.table_size = (uint32_t)f.len;
    info.checksum = h.checksum;
    info.format_version = h.version;
    info.last_comp_version = h.last_comp_version;
    info.nr_features = h.nr_features;
    info.nr_rows = h.nr_rows;
    info.nr_sections = h.nr_sections;
    info.nr_facts = h.nr_facts;
    free(f.owned);
    /* Xen runs a control domain of its own architecture. */
#if defined(__x86_64__) || defined(__i386__)
    info.arch = XENSUPPORT_ARCH_X86;
#else
    info.arch = XENSUPPORT_ARCH_ARM;
#endif

    policy = S_text(s, "/support/policy", &rc);
    if (!policy) {
        xs_seterr(err, errlen, "hypfs /support/policy: %s", strerror(-rc));
        errno = -rc;
        return -1;
    }
    rc = S_policy(policy, &info);
    free(policy);
    if (rc)
        return xs_hv_bad(err, errlen, "hypfs /support/policy is malformed");

    record = S_text(s, "/support/record", &rc);
    if (!record) {
        xs_seterr(err, errlen, "hypfs /support/record: %s", strerror(-rc));
        errno = -rc;
        return -1;
    }
    rc = sscanf(record, "events %u lost %u max %u generation %u", &nr, &lost,
                &max, &gen);
    free(record);
    if (rc != 4)
        return xs_hv_bad(err, errlen, "hypfs /support/record is malformed");
    info.nr_events = nr;
    info.events_lost = lost;
    info.max_events = max;
    info.generation = gen;
    *out = info;
    s->via = XS_VIA_HYPFS;
    return 0;
}
