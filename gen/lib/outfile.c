/* outfile.c: atomic (temp file + rename) writing of output files. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "DIR/.NAME.XXXXXX" next to path. */
static char *S_temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dl;
    size_t n = dl + 1 + strlen(base) + 8;
    char *t = malloc(n);
    if (t)
        snprintf(t, n, "%.*s.%s.XXXXXX", (int)dl, path, base);
    return t;
}

static int S_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static int S_write_temp(const struct xsg_outfile *o, char *tmp)
{
    int fd = mkstemp(tmp);
    if (fd < 0)
        return -1;
    mode_t um = umask(0);
    umask(um);
    if (fchmod(fd, 0666 & ~um) || S_write_all(fd, o->data, o->len) ||
        fsync(fd)) {
        int e = errno;
        close(fd);
        unlink(tmp);
        errno = e;
        return -1;
    }
    if (close(fd)) {
        int e = errno;
        unlink(tmp);
        errno = e;
        return -1;
    }
    return 0;
}

int xsg_write_outputs(const struct xsg_outfile *outs, size_t n,
                      const char **failed)
{
    char **tmps = calloc(n ? n : 1, sizeof(*tmps));
    size_t done = 0;
    int rc = -1, e = 0;
    struct stat st;

    *failed = NULL;
    if (!tmps)
        return -1;
    /* A target that cannot be replaced fails before anything is written. */
    for (size_t i = 0; i < n; i++) {
        if (stat(outs[i].path, &st) == 0 && S_ISDIR(st.st_mode)) {
            *failed = outs[i].path;
            e = EISDIR;
            goto out;
        }
    }
    for (; done < n; done++) {
        tmps[done] = S_temp_name(outs[done].path);
        if (!tmps[done] || S_write_temp(&outs[done], tmps[done])) {
            e = tmps[done] ? errno : ENOMEM;
            *failed = outs[done].path;
            free(tmps[done]);
            tmps[done] = NULL;
            goto out;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (rename(tmps[i], outs[i].path)) {
            e = errno;
            *failed = outs[i].path;
            goto out;
        }
        free(tmps[i]);
        tmps[i] = NULL;
    }
    rc = 0;
out:
    for (size_t i = 0; i < n; i++) {
        if (tmps[i]) {
            unlink(tmps[i]);
            free(tmps[i]);
        }
    }
    free(tmps);
    if (rc)
        errno = e;
    return rc;
}
