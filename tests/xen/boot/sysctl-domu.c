/*
 * sysctl-domu.c: runs in an unprivileged PV guest (domU) of the boot
 * test, created by xl in dom0, and issues the support ops itself: the
 * first test of an unprivileged caller on a real Xen.  Each op is issued
 * the way a tool would (libxenctrl's xc_sysctl) and raw (libxencall, the
 * struct untouched), and one line per call gives what Xen answered:
 *
 *   domu: OP via PATH: rc NAME, written no|yes
 *
 * Xen must deny every one before looking at it (xsm_sysctl(): EPERM
 * under the dummy policy, EACCES under FLASK for domU_t) and write
 * nothing back.  The host judges the lines; this program never does.
 */
#include "sysctl-raw.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/*
 * One raw sysctl of cmd at interface version vers, the union's first
 * bytes from op (len); its line.
 */
static void raw_other(struct raw *r, const char *what, uint32_t cmd,
                      uint32_t vers, const void *op, size_t len)
{
    struct xen_sysctl before;
    int rc;

    memset(r->sc, 0, sizeof(*r->sc));
    r->sc->cmd = cmd;
    r->sc->interface_version = vers;
    memcpy(r->sc->u.pad, op, len);
    memcpy(&before, r->sc, sizeof(before));
    rc = raw_call(r, (uint64_t)(uintptr_t)r->sc);
    printf("domu: %s via raw: rc %s, written %s\n", what, raw_errname(rc),
           memcmp(&before, r->sc, sizeof(before)) ? "yes" : "no");
}

int main(void)
{
    struct xen_sysctl_support_table st;
    struct xen_sysctl_support_load ld;
    struct xen_sysctl_support_note nt;
    xc_interface *xch;
    char what[64];
    struct raw r;
    int rc, changed;

    xch = xc_interface_open(NULL, NULL, 0);
    if (!xch) {
        printf("domu: xc_interface_open: errno %d (%s)\n", errno,
               strerror(errno));
    } else {
        memset(&st, 0xa5, sizeof(st));
        st.cmd = XEN_SYSCTL_SUPPORT_get_info;
        st.pad = 0;
        rc = xc_support_op(xch, &st);
        printf("domu: get_info via xc_sysctl: rc %s\n", raw_errname(rc));
        xc_interface_close(xch);
    }

    if (raw_open(&r))
        return 1;
    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_info;
    rc = raw_op(&r, &st, &changed);
    printf("domu: get_info via raw: rc %s, written %s\n", raw_errname(rc),
           changed ? "yes" : "no");
    /* Xen's interface check runs before XSM: this answer is Xen's. */
    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_info;
    snprintf(what, sizeof(what), "get_info, interface version 0x%x,",
             XEN_SYSCTL_INTERFACE_VERSION - 1);
    raw_other(&r, what, XEN_SYSCTL_support_table,
              XEN_SYSCTL_INTERFACE_VERSION - 1, &st, sizeof(st));
    memset(&st, 0, sizeof(st));
    st.cmd = XEN_SYSCTL_SUPPORT_get_events;
    rc = raw_op(&r, &st, &changed);
    printf("domu: get_events via raw: rc %s, written %s\n", raw_errname(rc),
           changed ? "yes" : "no");
    /* The writing ops: a load of nothing, a note of a made-up finding. */
    memset(&ld, 0, sizeof(ld));
    ld.size = 1;
    raw_other(&r, "load", XEN_SYSCTL_support_load, XEN_SYSCTL_INTERFACE_VERSION,
              &ld, sizeof(ld));
    memset(&nt, 0, sizeof(nt));
    nt.domid = 0;
    snprintf(nt.text, sizeof(nt.text), "domu=1");
    raw_other(&r, "note", XEN_SYSCTL_support_note, XEN_SYSCTL_INTERFACE_VERSION,
              &nt, sizeof(nt));
    raw_close(&r);
    printf("domu: done\n");
    return 0;
}
