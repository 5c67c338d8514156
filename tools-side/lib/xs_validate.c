/*
 * xs_validate.c: the library's face of the core's validator
 * (core/suptab_check.c): errno instead of a negative return, and the
 * message helper the other modules share.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

#include "xs_private.h"

void xs_seterr(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;

    if (!err || !errlen)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

int xs_validate(const uint8_t *blob, size_t len, struct suptab *tab, char *err,
                size_t errlen)
{
    struct suptab local;
    int rc = suptab_validate(tab ? tab : &local, blob, len, err, errlen);

    if (!rc)
        return 0;
    errno = rc == -EOPNOTSUPP ? ENOTSUP : -rc;
    return -1;
}
