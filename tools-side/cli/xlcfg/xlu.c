/*
 * xlu.c: an xl domain configuration file read for `xen-support audit`
 * with xl's own parser (tools-side/xlcfg/, over libxlutil), in the host
 * build of xen-support; xlcfg/none.c is the static one's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cli.h"
#include "fileio.h"

const bool cli_xlcfg = true;

int xlcfg_read(const char *path, struct xlcfg *x, char *err, size_t errlen)
{
    char *text = NULL;
    size_t len;
    int rc, e;

    memset(x, 0, sizeof(*x));
    if (xsg_read_input(path, XLCFG_MAX, &text, &len)) {
        e = errno;
        if (e == EFBIG)
            snprintf(err, errlen,
                     "%s: larger than the 1 MiB limit for xl "
                     "configurations",
                     path);
        else
            snprintf(err, errlen, "%s: %s", path, strerror(e));
        errno = e;
        return -1;
    }
    rc = xlcfg_parse(path, text, len, x, err, errlen);
    e = errno;
    free(text);
    errno = e;
    return rc;
}
