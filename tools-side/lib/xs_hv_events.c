/*
 * xs_hv_events.c: the hypervisor's sticky record of gated features
 * (XEN_SYSCTL_SUPPORT_get_events, paged, restarted when it grows under
 * the read), through a session or a one-shot one.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_hv_abi.h"
#include "xs_hv.h"
#include "xs_private.h"

/* Record reads restarted because it grew meanwhile, at most. */
#define S_EVENT_TRIES 8
/* Events accepted from one read, at most (the record holds 64). */
#define S_EVENTS_MAX 4096U

/* bool gone took padding: the layout of LIBXENSUPPORT_1.0 is kept. */
_Static_assert(sizeof(struct xensupport_event) == 88 &&
                   offsetof(struct xensupport_event, gone) == 81,
               "struct xensupport_event keeps its size");

static void S_event(struct xensupport_event *o,
                    const struct xen_support_event *e)
{
    size_t n = sizeof(e->origin_text);

    memset(o, 0, sizeof(*o));
    o->feature = e->feature;
    o->row = e->row == XEN_SUPPORT_ROW_NONE ? -1 : e->row;
    o->decision = e->decision;
    o->origin = e->origin;
    o->reading = e->reading;
    o->domid = e->domid;
    o->gone = (e->flags & XEN_SUPPORT_EVENT_GONE) != 0;
    o->count = e->count;
    o->seq = e->seq;
    o->time_ns = e->time;
    memcpy(o->origin_text, e->origin_text, n);
    o->origin_text[n] = '\0';
}

/*
 * One pass over the record into ev[0..*nr): 0, 1 if the record changed
 * under it (start again), -1 on error.
 */
static int S_read_events(xensupport_session *s, struct xensupport_event **ev,
                         unsigned *nr, uint32_t *lost, char *err, size_t errlen)
{
    struct xen_sysctl_support_table op;
    struct xen_support_event page[XEN_SUPPORT_EVENTS_PER_CALL];
    uint32_t total, gen;
    int rc;

    xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_events);
    rc = s->hypfs_only ? -EACCES : s->tp->sysctl(s->sess, &op, NULL, 0);
    if (rc && xs_hv_hypfs_usable(rc)) {
        struct xensupport_hv_info info;

        if (!xs_hv_hypfs_info(s, &info, NULL, 0)) {
            xs_seterr(err, errlen,
                      "the record's events are read by "
                      "XEN_SYSCTL_support_table%s%s%s; hypfs has only their "
                      "count, %u",
                      s->hypfs_only ? " (not used: hypfs only)" : "",
                      s->hypfs_only ? "" : ", which this hypervisor refuses: ",
                      s->hypfs_only ? "" : strerror(-rc), info.nr_events);
            errno = ENOTSUP;
            return -1;
        }
    }
    if (rc)
        return xs_hv_fail(rc, "get_events", err, errlen);
    total = op.u.events.total;
    gen = op.u.events.generation;
    *lost = op.u.events.lost;
    if (total > S_EVENTS_MAX)
        return xs_hv_bad(err, errlen,
                         "the hypervisor reports %u events (at most %u)", total,
                         S_EVENTS_MAX);
    *ev = calloc(total ? total : 1, sizeof(**ev));
    if (!*ev) {
        xs_seterr(err, errlen, "out of memory");
        return -1;
    }
    for (*nr = 0; *nr < total;) {
        uint32_t want = total - *nr;

        if (want > XEN_SUPPORT_EVENTS_PER_CALL)
            want = XEN_SUPPORT_EVENTS_PER_CALL;
        xs_hv_op(&op, XEN_SYSCTL_SUPPORT_get_events);
        op.u.events.idx = *nr;
        op.u.events.nr = want;
        rc = s->tp->sysctl(s->sess, &op, page, want * sizeof(page[0]));
        if (!rc && op.u.events.generation != gen)
            return 1; /* the record grew meanwhile */
        if (rc)
            return xs_hv_fail(rc, "get_events", err, errlen);
        if (!op.u.events.nr || op.u.events.nr > want)
            return xs_hv_bad(err, errlen,
                             "the hypervisor returned %u events for a "
                             "page of %u",
                             op.u.events.nr, want);
        for (uint32_t i = 0; i < op.u.events.nr; i++)
            S_event(&(*ev)[*nr + i], &page[i]);
        *nr += op.u.events.nr;
    }
    return 0;
}

int xensupport_session_events(xensupport_session *s,
                              struct xensupport_event **events, unsigned *nr,
                              uint32_t *lost, char *err, size_t errlen)
{
    uint32_t lost_ = 0;
    int rc = 1, saved;

    if (err && errlen)
        err[0] = '\0';
    if (!s || !events || !nr) {
        errno = EINVAL;
        return -1;
    }
    *events = NULL;
    *nr = 0;
    for (unsigned i = 0; rc == 1 && i < S_EVENT_TRIES; i++) {
        free(*events);
        *events = NULL;
        *nr = 0;
        rc = S_read_events(s, events, nr, &lost_, err, errlen);
    }
    if (rc == 1)
        rc = xs_hv_bad(err, errlen,
                       "the hypervisor's record kept changing (%u reads, "
                       "%u events)",
                       S_EVENT_TRIES, *nr);
    if (rc) {
        saved = errno;
        free(*events);
        *events = NULL;
        *nr = 0;
        errno = saved;
    } else if (lost) {
        *lost = lost_;
    }
    return rc;
}

int xensupport_hv_events(struct xensupport_event **events, unsigned *nr,
                         uint32_t *lost, char *err, size_t errlen)
{
    xensupport_session *s;
    int rc;

    if (err && errlen)
        err[0] = '\0';
    if (!events || !nr) {
        errno = EINVAL;
        return -1;
    }
    *events = NULL;
    *nr = 0;
    s = xensupport_session_open(err, errlen);
    if (!s)
        return -1;
    rc = xensupport_session_events(s, events, nr, lost, err, errlen);
    xensupport_session_close(s); /* keeps errno */
    return rc;
}
