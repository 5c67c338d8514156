/*
 * xs_hv_xc.c: the real transport of the hypervisor source: libxenctrl
 * (xc_interface_open, xc_sysctl) with hypercall-safe buffers, and
 * libxenhypfs for the hypfs reads.  The op is
 * placed in struct xen_sysctl's u.pad, since Debian's <xen/sysctl.h> has
 * no member for it.  libxenctrl logs through a silent logger, one per
 * session (libxenctrl takes it as a mutable pointer), so the caller's
 * one-line message is the only output.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xenctrl.h>
#include <xenhypfs.h>

#include "xs_hv_abi.h"
#include "xs_hv.h"
#include "xs_private.h"

static const char *const S_privcmd[] = {"/dev/xen/privcmd",
                                        "/proc/xen/privcmd"};

static void S_quiet_vmessage(struct xentoollog_logger *l, xentoollog_level lv,
                             int errnoval, const char *context,
                             const char *format, va_list al)
{
    (void)l, (void)lv, (void)errnoval, (void)context, (void)format, (void)al;
}

static void S_quiet_destroy(struct xentoollog_logger *l)
{
    (void)l;
}

/* A session: the silent logger lives as long as the handle using it. */
struct S_xc {
    xentoollog_logger quiet;
    xc_interface *xch;
};

/*
 * What libxencall will find: 0 when a privcmd device opens, else -1 with
 * errno ENODEV (none: not on Xen) or the open's errno (EACCES, ...).
 */
static int S_probe(const char **path)
{
    int first = 0;

    for (size_t i = 0; i < sizeof(S_privcmd) / sizeof(S_privcmd[0]); i++) {
        int fd = open(S_privcmd[i], O_RDWR | O_CLOEXEC);

        if (fd >= 0) {
            close(fd);
            return 0;
        }
        if (errno != ENOENT && errno != ENODEV && errno != ENXIO && !first) {
            first = errno;
            *path = S_privcmd[i];
        }
    }
    errno = first ? first : ENODEV;
    return -1;
}

static int S_open(void **sess, char *err, size_t errlen)
{
    const char *path = S_privcmd[0];
    struct S_xc *x;
    int saved;

    if (S_probe(&path)) {
        saved = errno;
        if (saved == ENODEV)
            xs_seterr(err, errlen,
                      "not running on Xen: no %s (dom0 needs the "
                      "xen-privcmd module and xenfs)",
                      S_privcmd[0]);
        else if (saved == EACCES || saved == EPERM)
            xs_seterr(err, errlen, "not privileged: cannot open %s: %s", path,
                      strerror(saved));
        else
            xs_seterr(err, errlen, "cannot open %s: %s", path, strerror(saved));
        errno = saved == EACCES ? EPERM : saved;
        return -1;
    }
    x = calloc(1, sizeof(*x));
    if (!x) {
        xs_seterr(err, errlen, "out of memory");
        return -1;
    }
    x->quiet.vmessage = S_quiet_vmessage;
    x->quiet.destroy = S_quiet_destroy;
    errno = 0;
    x->xch = xc_interface_open(&x->quiet, &x->quiet, 0);
    if (!x->xch) {
        saved = errno ? errno : EIO;
        free(x);
        xs_seterr(err, errlen, "xc_interface_open failed: %s", strerror(saved));
        errno = saved == ENOENT ? ENODEV : saved == EACCES ? EPERM : saved;
        return -1;
    }
    *sess = x;
    return 0;
}

static void S_close(void *sess)
{
    struct S_xc *x = sess;

    xc_interface_close(x->xch);
    free(x);
}

static int S_sysctl(void *sess, struct xen_sysctl_support_table *op, void *buf,
                    size_t len)
{
    xc_interface *xch = ((struct S_xc *)sess)->xch;
    DECLARE_HYPERCALL_BUFFER(uint8_t, hbuf);
    struct xen_sysctl sysctl;
    struct xen_sysctl_support_table *in = (void *)sysctl.u.pad;
    int rc = 0;

    if (buf && len) {
        hbuf = xc_hypercall_buffer_alloc(xch, hbuf, len);
        if (!hbuf)
            return -(errno ? errno : ENOMEM);
        memset(hbuf, 0, len);
    }
    memset(&sysctl, 0, sizeof(sysctl));
    sysctl.cmd = XEN_SYSCTL_support_table;
    sysctl.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    memcpy(in, op, sizeof(*op));
    if (op->cmd == XEN_SYSCTL_SUPPORT_get_table && hbuf)
        set_xen_guest_handle(in->u.table.buffer, hbuf);
    else if (op->cmd == XEN_SYSCTL_SUPPORT_get_events && hbuf)
        set_xen_guest_handle_raw(in->u.events.buffer,
                                 (xen_support_event_t *)(void *)hbuf);
    if (xc_sysctl(xch, &sysctl))
        rc = -(errno ? errno : EIO);
    /* The hypervisor writes OUT fields back on success and -ENOBUFS. */
    memcpy(op, in, sizeof(*op));
    if (!rc && hbuf)
        memcpy(buf, hbuf, len);
    if (hbuf)
        xc_hypercall_buffer_free(xch, hbuf);
    return rc;
}

static int S_load(void *sess, struct xen_sysctl_support_load *op,
                  const void *blob, size_t len)
{
    xc_interface *xch = ((struct S_xc *)sess)->xch;
    DECLARE_HYPERCALL_BUFFER(uint8_t, hbuf);
    struct xen_sysctl sysctl;
    struct xen_sysctl_support_load *in = (void *)sysctl.u.pad;
    int rc = 0;

    if (len > UINT32_MAX)
        return -E2BIG;
    if (len) {
        hbuf = xc_hypercall_buffer_alloc(xch, hbuf, len);
        if (!hbuf)
            return -(errno ? errno : ENOMEM);
        memcpy(hbuf, blob, len);
    }
    memset(&sysctl, 0, sizeof(sysctl));
    sysctl.cmd = XEN_SYSCTL_support_load;
    sysctl.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    memcpy(in, op, sizeof(*op));
    in->size = (uint32_t)len;
    if (hbuf)
        set_xen_guest_handle(in->buffer, hbuf);
    if (xc_sysctl(xch, &sysctl))
        rc = -(errno ? errno : EIO);
    if (!rc)
        memcpy(op, in, sizeof(*op));
    if (hbuf)
        xc_hypercall_buffer_free(xch, hbuf);
    return rc;
}

static int S_note(void *sess, struct xen_sysctl_support_note *op)
{
    xc_interface *xch = ((struct S_xc *)sess)->xch;
    struct xen_sysctl sysctl;
    struct xen_sysctl_support_note *in = (void *)sysctl.u.pad;

    memset(&sysctl, 0, sizeof(sysctl));
    sysctl.cmd = XEN_SYSCTL_support_note;
    sysctl.interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    memcpy(in, op, sizeof(*op));
    if (xc_sysctl(xch, &sysctl))
        return -(errno ? errno : EIO);
    memcpy(op, in, sizeof(*op));
    return 0;
}

static int S_hypfs_read(void *sess, const char *path, void **buf, size_t *len)
{
    struct S_xc *x = sess;
    struct xenhypfs_dirent *d = NULL;
    xenhypfs_handle *h;
    void *p;
    int saved;

    h = xenhypfs_open(&x->quiet, 0);
    if (!h)
        return -(errno ? errno : EIO);
    errno = 0;
    p = xenhypfs_read_raw(h, path, &d);
    saved = errno ? errno : EIO;
    xenhypfs_close(h);
    if (!p) {
        free(d);
        return -saved;
    }
    *len = d->size;
    *buf = p;
    free(d);
    return 0;
}

const struct xs_transport xs_transport_xc = {
    .open = S_open,
    .sysctl = S_sysctl,
    .hypfs_read = S_hypfs_read,
    .load = S_load,
    .note = S_note,
    .close = S_close,
};
