/*
 * xs_hv_note.c: a domain's configuration into the hypervisor's record
 * (XEN_SYSCTL_support_note): the toolstack's findings, decided on by the
 * hypervisor's policy, for the table the session read.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xs_hv_abi.h"
#include "xs_hv.h"
#include "xs_private.h"

_Static_assert(XENSUPPORT_NOTE_CHECK == XEN_SUPPORT_NOTE_CHECK,
               "one flag, two names");
_Static_assert(XENSUPPORT_DOMID_NEW == DOMID_INVALID, "one id, two names");
_Static_assert(XENSUPPORT_DECISION_EXEMPTED == XEN_SUPPORT_DECISION_EXEMPTED &&
                   XENSUPPORT_DECISION_REFUSED == XEN_SUPPORT_DECISION_REFUSED,
               "the decisions are the hypervisor's");

static int S_fail(int rc, char *err, size_t errlen)
{
    switch (-rc) {
    case EPERM:
        xs_seterr(err, errlen,
                  "not privileged: the record takes notes from the "
                  "control domain only");
        break;
    case EACCES:
        xs_seterr(err, errlen,
                  "permission denied: FLASK's xen2:support_note, or a "
                  "sysctl interface other than these tools' (0x%x)",
                  XEN_SYSCTL_INTERFACE_VERSION);
        break;
    case EAGAIN:
        xs_seterr(err, errlen,
                  "another support table became active since it was "
                  "read: read it again");
        break;
    case ESRCH:
        xs_seterr(err, errlen, "no such domain");
        break;
    case ENOSYS:
        xs_seterr(err, errlen,
                  "this hypervisor takes no notes "
                  "(no XEN_SYSCTL_support_note)");
        break;
    default:
        xs_seterr(err, errlen, "XEN_SYSCTL_support_note: %s", strerror(-rc));
        break;
    }
    errno = -rc;
    return -1;
}

int xensupport_session_note(xensupport_session *s, unsigned domid, int feature,
                            int row, unsigned flags, const char *text,
                            unsigned *decision, char *err, size_t errlen)
{
    struct xen_sysctl_support_note op;
    struct xen_sysctl_support_table info;
    size_t n = text ? strlen(text) : 0;
    int rc;

    if (err && errlen)
        err[0] = '\0';
    if (!s || feature < 0 || feature > 0xffff || row < -1 || row > 0xffff ||
        domid > 0xffff || (flags & ~XENSUPPORT_NOTE_CHECK) || !n ||
        n >= sizeof(op.text)) {
        xs_seterr(err, errlen, "bad arguments");
        errno = EINVAL;
        return -1;
    }
    if (!s->have_table) {
        xs_seterr(err, errlen,
                  "no table was read through the sysctl in this session");
        errno = EINVAL;
        return -1;
    }
    /*
     * The ids are the session's table's.  Which table is active now, and
     * its generation: the same bytes, or EAGAIN.  A table loaded after
     * this get_info changes the generation, and the hypervisor answers
     * EAGAIN itself.
     */
    xs_hv_op(&info, XEN_SYSCTL_SUPPORT_get_info);
    rc = s->tp->sysctl(s->sess, &info, NULL, 0);
    if (rc)
        return S_fail(rc, err, errlen);
    if (info.u.info.checksum != s->table_checksum)
        return S_fail(-EAGAIN, err, errlen);
    memset(&op, 0, sizeof(op));
    op.table_generation = info.u.info.table_generation;
    op.feature = (uint16_t)feature;
    op.row = row < 0 ? XEN_SUPPORT_ROW_NONE : (uint16_t)row;
    op.domid = (uint16_t)domid;
    op.flags = (uint8_t)flags;
    memcpy(op.text, text, n);
    rc = s->tp->note ? s->tp->note(s->sess, &op) : -ENOSYS;
    if (rc)
        return S_fail(rc, err, errlen);
    if (decision)
        *decision = op.decision;
    return 0;
}
