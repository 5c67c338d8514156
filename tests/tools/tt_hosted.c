/*
 * tt_hosted.c: the in-process transport (see tt_hosted.h).  The op goes
 * to hosted_do_sysctl() (XSM, then the handler) as do_sysctl() would,
 * data buffers are the caller's own (the shim's guest copies are
 * memcpy()), and each fault is applied around the real handler.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <hosted/shim.h>
#include <public/sysctl.h>
#include <xen/hypfs.h>
#include <xen/support.h>

#include "tt_hosted.h"
#include "xs_hv.h"

struct tt_hv tt_hv;

_Static_assert(sizeof(struct xen_sysctl_support_table) == 72,
               "the hosted op has the dom0 layout");

static int S_open(void **sess, char *err, size_t errlen)
{
    if (tt_hv.open_errno) {
        if (err && errlen)
            strncpy(err, strerror(tt_hv.open_errno), errlen - 1)[errlen - 1] =
                '\0';
        errno = tt_hv.open_errno;
        return -1;
    }
    tt_hv.opens++;
    *sess = &tt_hv;
    return 0;
}

static void S_close(void *sess)
{
    (void)sess;
    tt_hv.closes++;
}

/*
 * What do_sysctl() and the test answer before the handler for call n:
 * -EACCES for another interface version (do_sysctl()'s check), the
 * injected failure, or 0 to go on.
 */
static int S_before(unsigned n)
{
    if (tt_hv.interface_version != 0x15)
        return -EACCES;
    return (int)n == tt_hv.fail_call ? tt_hv.fail_rc : 0;
}

static int S_sysctl(void *sess, struct xen_sysctl_support_table *op, void *buf,
                    size_t len)
{
    unsigned n = tt_hv.calls++;
    int rc;

    (void)sess;
    if ((rc = S_before(n)) == 0) {
        if (op->cmd == XEN_SYSCTL_SUPPORT_get_table)
            op->u.table.buffer.p = buf;
        else if (op->cmd == XEN_SYSCTL_SUPPORT_get_events)
            op->u.events.buffer.p = buf;
        (void)len;
        rc = hosted_do_sysctl(op);
        if (op->cmd == XEN_SYSCTL_SUPPORT_get_table) {
            op->u.table.buffer.p = NULL;
            if (!rc && buf && tt_hv.corrupt_at >= 0 &&
                (size_t)tt_hv.corrupt_at < len)
                ((uint8_t *)buf)[tt_hv.corrupt_at] ^= 0x40;
            if (!rc && (int)n == tt_hv.lie_call) {
                op->u.table.len -= tt_hv.lie_len_less;
                if (tt_hv.lie_size)
                    op->u.table.size = tt_hv.lie_size;
            }
        } else if (op->cmd == XEN_SYSCTL_SUPPORT_get_events) {
            op->u.events.buffer.p = NULL;
        }
    }
    if (tt_hv.after)
        tt_hv.after(n);
    return rc;
}

static int S_hypfs_read(void *sess, const char *path, void **buf, size_t *len)
{
    unsigned type;

    (void)sess;
    tt_hv.hypfs_reads++;
    if (tt_hv.hypfs_path && tt_hv.hypfs_text &&
        !strcmp(path, tt_hv.hypfs_path)) {
        *len = strlen(tt_hv.hypfs_text) + 1;
        *buf = malloc(*len);
        if (!*buf)
            return -ENOMEM;
        memcpy(*buf, tt_hv.hypfs_text, *len);
        return 0;
    }
    return hosted_hypfs_read(path, &type, buf, len);
}

static int S_load(void *sess, struct xen_sysctl_support_load *op,
                  const void *blob, size_t len)
{
    unsigned n = tt_hv.calls++;
    int rc;

    (void)sess;
    if ((rc = S_before(n)) == 0) {
        op->size = (uint32_t)len;
        op->buffer.p = (uint8_t *)blob;
        rc = hosted_do_sysctl_load(op);
        op->buffer.p = NULL;
    }
    if (tt_hv.after)
        tt_hv.after(n);
    return rc;
}

static int S_note(void *sess, struct xen_sysctl_support_note *op)
{
    unsigned n = tt_hv.calls++;
    int rc;

    (void)sess;
    if ((rc = S_before(n)) == 0)
        rc = hosted_do_sysctl_note(op);
    if (tt_hv.after)
        tt_hv.after(n);
    return rc;
}

static const struct xs_transport S_hosted = {
    .open = S_open,
    .sysctl = S_sysctl,
    .hypfs_read = S_hypfs_read,
    .load = S_load,
    .note = S_note,
    .close = S_close,
};

void tt_hv_install(void)
{
    hosted_reset();
    memset(&tt_hv, 0, sizeof(tt_hv));
    tt_hv.interface_version = 0x15;
    tt_hv.fail_call = tt_hv.lie_call = -1;
    tt_hv.corrupt_at = -1;
    xs_hv_set_transport(&S_hosted);
}

void tt_hv_uninstall(void)
{
    xs_hv_set_transport(NULL);
}
