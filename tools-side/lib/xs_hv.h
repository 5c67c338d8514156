/*
 * xs_hv.h: the hypervisor source's transport seam.  The core (xs_hv.c)
 * speaks XEN_SYSCTL_support_table through a small ops struct; the real
 * transport (xs_hv_xc.c) goes through libxenctrl, tests plug in one that
 * calls the hypervisor's handler compiled hosted.  Private to the library
 * (not exported from libxensupport.so).
 */
#ifndef XS_HV_H
#define XS_HV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The op, as public/sysctl.h defines it (see xs_hv_abi.h). */
struct xen_sysctl_support_table;
struct xen_sysctl_support_load;
struct xen_sysctl_support_note;

struct xs_transport {
    /*
     * Open a session in *sess: 0, or -1 with errno and a one-line message
     * in err: ENODEV not running on Xen (no privcmd device), EPERM not
     * privileged, anything else as it came.
     */
    int (*open)(void **sess, char *err, size_t errlen);
    /*
     * One XEN_SYSCTL_support_table call.  For get_table and get_events,
     * buf/len is the caller's data buffer (NULL/0: a NULL guest handle);
     * the transport points the op's handle at memory the hypervisor may
     * write and copies what was written back into buf.  The op's OUT
     * fields are updated as the hypervisor left them.  Returns 0 or a
     * negative errno (the hypervisor's, or the transport's own).
     */
    int (*sysctl)(void *sess, struct xen_sysctl_support_table *op, void *buf,
                  size_t len);
    /*
     * Read the hypfs node at path ("/support/table") into *buf
     * (malloc()ed) of *len bytes: 0, or a negative errno (-ENOENT no
     * such node, as libxenhypfs says).
     */
    int (*hypfs_read)(void *sess, const char *path, void **buf, size_t *len);
    /*
     * One XEN_SYSCTL_support_load call with the table blob[0..len): the
     * op's size and buffer are set by the transport, its OUT fields
     * updated as the hypervisor left them.  0 or a negative errno.
     */
    int (*load)(void *sess, struct xen_sysctl_support_load *op,
                const void *blob, size_t len);
    /*
     * One XEN_SYSCTL_support_note call; its OUT field updated.  0 or a
     * negative errno.  NULL: not supported (-ENOSYS).
     */
    int (*note)(void *sess, struct xen_sysctl_support_note *op);
    void (*close)(void *sess);
};

/* The real one: libxenctrl, xc_sysctl() with hypercall buffers. */
extern const struct xs_transport xs_transport_xc;

/*
 * Use t for every session opened later (NULL: back to the real one).  For
 * tests.  The choice is an atomic pointer, read once when a session
 * opens; a session keeps the transport it was opened with.
 */
void xs_hv_set_transport(const struct xs_transport *t);

/* How a session reads the hypervisor (xensupport_session_via()). */
enum xs_via { XS_VIA_NONE, XS_VIA_SYSCTL, XS_VIA_HYPFS };

/* A session: the transport and its open state (libxenctrl's handle). */
struct xensupport_session {
    const struct xs_transport *tp;
    void *sess;
    enum xs_via via; /* what the last successful read went through */
    bool hypfs_only; /* xensupport_session_use_hypfs() */
    /* The checksum of the last table read through the sysctl. */
    bool have_table;
    uint32_t table_checksum;
};

/*
 * The hypfs fallback (xs_hv_hypfs.c), for a sysctl that failed with rc.
 * Usable when the sysctl is not: rc is -EACCES (an interface version
 * other than these tools', or XSM) or -ENOSYS (no such op).
 */
int xs_hv_hypfs_usable(int rc);
/* /support/table into *out: 0, or -1 with errno and err. */
struct xs_fetched;
int xs_hv_hypfs_table(struct xensupport_session *s, struct xs_fetched *out,
                      char *err, size_t errlen);
/* get_info's facts from /support/{table,policy,record}: 0 or -1. */
struct xensupport_hv_info;
int xs_hv_hypfs_info(struct xensupport_session *s,
                     struct xensupport_hv_info *out, char *err, size_t errlen);

/*
 * A failed call (rc < 0) of sub-op what: sets errno (ENOSYS no table,
 * EPROTO interface mismatch, EPERM not privileged, EIO otherwise) and the
 * message; returns -1.
 */
int xs_hv_fail(int rc, const char *what, char *err, size_t errlen);
/* An inconsistent answer: the message, errno EIO; returns -1. */
int xs_hv_bad(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A zeroed op for sub-op cmd. */
void xs_hv_op(struct xen_sysctl_support_table *op, uint32_t cmd);

#endif
