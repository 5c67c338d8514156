/*
 * xlcfg.h: an xl domain configuration as the settings it makes, in
 * order, each with its values and line (xlcfg.c, over libxlutil), for
 * xensupport_audit().  Used by `xen-support audit` and by xl's
 * create-time audit.
 */
#ifndef XLCFG_H
#define XLCFG_H

#include <stddef.h>

#include "xensupport.h"

/* Largest configuration read (xl's own are a few hundred bytes). */
#define XLCFG_MAX (1u << 20)

struct xlcfg {
    struct xensupport_xl_setting *s;
    unsigned n;
};

/*
 * Parse data[0..len), named name in messages: 0, or -1 with errno and
 * err: EINVAL a parse error ("NAME:LINE: ..." from libxlutil), EFBIG over
 * XLCFG_MAX, ENOMEM.  *x is empty on failure; xlcfg_free() it after.
 */
int xlcfg_parse(const char *name, const char *data, size_t len, struct xlcfg *x,
                char *err, size_t errlen);
void xlcfg_free(struct xlcfg *x);

#endif
