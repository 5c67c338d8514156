/*
 * fileio.c: reading inputs under a size cap, and writing output files
 * safely (the rules are in fileio.h): regular files through a temporary
 * file and rename, devices and FIFOs in place, symbolic links followed to
 * their target.
 */
#define _XOPEN_SOURCE 700 /* realpath() */

#include "fileio.h"

#include <xsgen.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How one output is written. */
struct S_plan {
    char *target; /* the path written: path, or a link's resolved target */
    char *tmp;    /* staged regular file, NULL otherwise */
    bool exists;  /* a regular target exists: keep its mode and owner */
    bool in_place;
    struct stat st;
};

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

/* Decide how o is written; -1 with errno when it cannot be. */
static int S_plan(const struct xsg_outfile *o, struct S_plan *p)
{
    struct stat lst;

    if (!strcmp(o->path, "-")) {
        p->in_place = true;
        return 0;
    }
    if (lstat(o->path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        /* Written through to the target; a dangling link is refused. */
        p->target = realpath(o->path, NULL);
        if (!p->target)
            return -1;
    } else if (!(p->target = strdup(o->path))) {
        return -1;
    }
    if (stat(p->target, &p->st)) {
        if (errno != ENOENT)
            return -1;
        return 0; /* a new regular file */
    }
    if (S_ISDIR(p->st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    if (S_ISREG(p->st.st_mode))
        p->exists = true;
    else
        p->in_place = true; /* device, FIFO; a socket fails at open() */
    return 0;
}

/* Stage a regular file: its temporary file, written and synced. */
static int S_stage(const struct xsg_outfile *o, struct S_plan *p)
{
    int fd, e;

    if (!(p->tmp = S_temp_name(p->target)))
        return -1;
    fd = mkstemp(p->tmp);
    if (fd < 0) {
        free(p->tmp);
        p->tmp = NULL;
        return -1;
    }
    if (p->exists) {
        /* Keep the owner (only root can give a file away) and mode. */
        if (geteuid() == 0 && fchown(fd, p->st.st_uid, p->st.st_gid))
            goto fail;
        if (fchmod(fd, p->st.st_mode & 07777))
            goto fail;
    } else {
        mode_t um = umask(0);
        umask(um);
        if (fchmod(fd, 0666 & ~um))
            goto fail;
    }
    if (S_write_all(fd, o->data, o->len) || fsync(fd))
        goto fail;
    if (close(fd)) {
        fd = -1;
        goto fail;
    }
    return 0;
fail:
    e = errno;
    if (fd >= 0)
        close(fd);
    unlink(p->tmp);
    free(p->tmp);
    p->tmp = NULL;
    errno = e;
    return -1;
}

/* Write to a device, a FIFO or standard output, never replacing it. */
static int S_in_place(const struct xsg_outfile *o, const struct S_plan *p)
{
    int fd, e;

    if (!p->target)
        return S_write_all(STDOUT_FILENO, o->data, o->len);
    fd = open(p->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (S_write_all(fd, o->data, o->len)) {
        e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return close(fd);
}

int xsg_write_outputs(const struct xsg_outfile *outs, size_t n,
                      const char **failed)
{
    struct S_plan *plans = calloc(n ? n : 1, sizeof(*plans));
    size_t i;
    int rc = -1, e = 0;

    *failed = NULL;
    if (!plans)
        return -1;
    /* Every output is checked before anything is written. */
    for (i = 0; i < n; i++)
        if (S_plan(&outs[i], &plans[i]))
            goto fail;
    for (i = 0; i < n; i++)
        if (!plans[i].in_place && S_stage(&outs[i], &plans[i]))
            goto fail;
    for (i = 0; i < n; i++)
        if (plans[i].in_place && S_in_place(&outs[i], &plans[i]))
            goto fail;
    for (i = 0; i < n; i++) {
        if (plans[i].tmp && rename(plans[i].tmp, plans[i].target))
            goto fail;
        free(plans[i].tmp);
        plans[i].tmp = NULL;
    }
    rc = 0;
    goto out;
fail:
    e = errno;
    *failed = outs[i].path;
out:
    for (i = 0; i < n; i++) {
        if (plans[i].tmp)
            unlink(plans[i].tmp);
        free(plans[i].tmp);
        free(plans[i].target);
    }
    free(plans);
    if (rc)
        errno = e;
    return rc;
}

int xsg_close_stdout(void)
{
    int e = 0;

    if (ferror(stdout))
        e = errno ? errno : EIO;
    if (fflush(stdout) && !e)
        e = errno ? errno : EIO;
    if (fclose(stdout) && !e)
        e = errno ? errno : EIO;
    errno = e;
    return e ? -1 : 0;
}

int xsg_read_input(const char *path, size_t max, char **text, size_t *len)
{
    char *buf = NULL;
    size_t n = 0, cap = 0;
    int fd, e;

    *text = NULL;
    *len = 0;
    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return -1;
    for (;;) {
        if (n == cap) {
            /* Grow up to max + 1 bytes: one more says "too big". */
            size_t ncap = cap ? cap * 2 : 65536;
            if (ncap > max + 1)
                ncap = max + 1;
            if (ncap <= cap) {
                errno = EFBIG;
                goto fail;
            }
            char *nb = realloc(buf, ncap + 1);
            if (!nb)
                goto fail;
            buf = nb;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max) {
            errno = EFBIG;
            goto fail;
        }
    }
    close(fd);
    buf = buf ? buf : malloc(1);
    if (!buf)
        return -1;
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
fail:
    e = errno;
    close(fd);
    free(buf);
    errno = e;
    return -1;
}

const char *xsg_input_error(char *buf, size_t len, int err, size_t max,
                            const char *what)
{
    if (err == EFBIG)
        snprintf(buf, len, "larger than the %zu %s limit for %s",
                 max >= (1u << 20) ? max >> 20 : max >> 10,
                 max >= (1u << 20) ? "MiB" : "KiB", what);
    else
        snprintf(buf, len, "%s", strerror(err));
    return buf;
}
