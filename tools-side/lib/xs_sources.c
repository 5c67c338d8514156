/*
 * xs_sources.c: the table sources behind xensupport_open(): a memory
 * buffer (copied or borrowed), a table file (the hypervisor's is in
 * xs_hv.c; a SUPPORT.md is compiled by libxensupport-doc, tools-side/doc).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xs_private.h"

int xs_fetch_memory(const struct xensupport_source *src, struct xs_fetched *out,
                    char *err, size_t errlen)
{
    if (!src->buf && src->len) {
        xs_seterr(err, errlen, "no buffer");
        errno = EINVAL;
        return -1;
    }
    if (src->flags & XENSUPPORT_BORROW) {
        out->p = src->buf ? src->buf : (const uint8_t *)"";
        out->len = src->len;
        return 0;
    }
    out->owned = malloc(src->len ? src->len : 1);
    if (!out->owned) {
        xs_seterr(err, errlen, "out of memory");
        return -1;
    }
    if (src->len)
        memcpy(out->owned, src->buf, src->len);
    out->p = out->owned;
    out->len = src->len;
    return 0;
}

int xs_fetch_file(const struct xensupport_source *src, struct xs_fetched *out,
                  char *err, size_t errlen)
{
    struct stat st;
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    int fd, saved;

    if (!src->path) {
        xs_seterr(err, errlen, "no path");
        errno = EINVAL;
        return -1;
    }
    fd = open(src->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        goto err;
    if (fstat(fd, &st))
        goto err;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        goto err;
    }
    /* Read at most one byte past the cap: /dev/zero ends here too. */
    if (S_ISREG(st.st_mode) && st.st_size > (off_t)XEN_SUPTAB_SIZE_MAX)
        goto big;
    for (;;) {
        if (len == cap) {
            if (cap > XEN_SUPTAB_SIZE_MAX)
                goto big;
            cap = cap ? cap * 2 : 8192;
            if (cap > XEN_SUPTAB_SIZE_MAX)
                cap = XEN_SUPTAB_SIZE_MAX + 1;
            uint8_t *n = realloc(buf, cap);
            if (!n)
                goto err;
            buf = n;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            goto err;
        if (r == 0)
            break;
        len += (size_t)r;
    }
    if (len > XEN_SUPTAB_SIZE_MAX)
        goto big;
    close(fd);
    out->owned = buf;
    out->p = buf;
    out->len = len;
    return 0;

big:
    xs_seterr(err, errlen, "larger than the %u MiB limit for tables",
              XEN_SUPTAB_SIZE_MAX >> 20);
    close(fd);
    free(buf);
    errno = EFBIG;
    return -1;

err:
    saved = errno;
    xs_seterr(err, errlen, "%s", strerror(saved));
    if (fd >= 0)
        close(fd);
    free(buf);
    errno = saved;
    return -1;
}
