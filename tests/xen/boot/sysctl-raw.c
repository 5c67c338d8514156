/*
 * sysctl-raw.c: the support-table sysctl through libxencall with the
 * caller's guest handles untouched, and through xc_sysctl as tools do
 * (see sysctl-raw.h).
 */
#include "sysctl-raw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int xc_support_op(xc_interface *xch, struct xen_sysctl_support_table *st)
{
    struct xen_sysctl sysctl;
    int rc;

    memset(&sysctl, 0, sizeof(sysctl));
    sysctl.cmd = XEN_SYSCTL_support_table;
    memcpy(sysctl.u.pad, st, sizeof(*st));
    rc = xc_sysctl(xch, &sysctl);
    memcpy(st, sysctl.u.pad, sizeof(*st));
    return rc ? -errno : 0;
}

int raw_open(struct raw *r)
{
    r->xcall = xencall_open(NULL, 0);
    if (!r->xcall) {
        perror("xencall_open");
        return -1;
    }
    r->sc = xencall_alloc_buffer(r->xcall, sizeof(*r->sc));
    if (!r->sc) {
        perror("xencall_alloc_buffer");
        xencall_close(r->xcall);
        return -1;
    }
    return 0;
}

void raw_close(struct raw *r)
{
    xencall_free_buffer(r->xcall, r->sc);
    xencall_close(r->xcall);
}

int raw_call(struct raw *r, uint64_t arg)
{
    int rc = xencall1(r->xcall, __HYPERVISOR_sysctl, arg);

    return rc < 0 ? -errno : rc;
}

int raw_op(struct raw *r, struct xen_sysctl_support_table *st, int *changed)
{
    struct xen_sysctl before;
    int rc;

    memset(r->sc, 0, sizeof(*r->sc));
    r->sc->cmd = XEN_SYSCTL_support_table;
    r->sc->interface_version = XEN_SYSCTL_INTERFACE_VERSION;
    memcpy(r->sc->u.pad, st, sizeof(*st));
    memcpy(&before, r->sc, sizeof(before));
    rc = raw_call(r, (uint64_t)(uintptr_t)r->sc);
    *changed = memcmp(&before, r->sc, sizeof(before)) != 0;
    memcpy(st, r->sc->u.pad, sizeof(*st));
    return rc;
}

uint8_t *raw_buffer(struct raw *r, size_t size, uint8_t byte)
{
    uint8_t *buf = xencall_alloc_buffer(r->xcall, size);

    if (!buf)
        perror("xencall_alloc_buffer");
    else
        memset(buf, byte, size);
    return buf;
}

void raw_buffer_free(struct raw *r, uint8_t *buf)
{
    xencall_free_buffer(r->xcall, buf);
}

uint8_t *raw_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf = NULL;
    long n;

    if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 ||
        fseek(f, 0, SEEK_SET) || !(buf = malloc((size_t)n)) ||
        fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        buf = NULL;
    } else {
        *size = (size_t)n;
    }
    if (f)
        fclose(f);
    return buf;
}

const char *raw_errname(int rc)
{
    static char other[16];

    switch (rc) {
    case 0:
        return "0";
    case -EINVAL:
        return "EINVAL";
    case -EFAULT:
        return "EFAULT";
    case -ENOBUFS:
        return "ENOBUFS";
    case -EPERM:
        return "EPERM";
    case -EACCES:
        return "EACCES";
    case -ENOSYS:
        return "ENOSYS";
    case -EOPNOTSUPP:
        return "EOPNOTSUPP";
    default:
        snprintf(other, sizeof(other), "%d", rc);
        return other;
    }
}
