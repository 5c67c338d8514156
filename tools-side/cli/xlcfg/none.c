/*
 * none.c: the static dom0 build of xen-support has no libxlutil (it
 * would pull in libxenlight and its dependencies): `audit` says so.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../cli.h"

const bool cli_xlcfg = false;

int xlcfg_read(const char *path, struct xlcfg *x, char *err, size_t errlen)
{
    memset(x, 0, sizeof(*x));
    snprintf(err, errlen,
             "%s: audit needs the host build of xen-support (xl's "
             "libxlutil); this static dom0 build has none",
             path);
    errno = ENOSYS;
    return -1;
}

void xlcfg_free(struct xlcfg *x)
{
    memset(x, 0, sizeof(*x));
}
