/*
 * cmd_dump.c: "xen-support dump -o FILE": write the validated table blob,
 * atomically (temporary file in the same folder, then rename; nothing
 * is left behind on failure).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static int S_write_all(int fd, const unsigned char *p, size_t len)
{
    while (len) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

static int S_atomic_write(const char *path, const void *buf, size_t len)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    int fd, saved;

    if (!tmp)
        return -1;
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
    fd = mkstemp(tmp);
    if (fd < 0) {
        saved = errno;
        free(tmp);
        errno = saved;
        return -1;
    }
    if (S_write_all(fd, buf, len) || fchmod(fd, 0644) || fsync(fd)) {
        saved = errno;
        close(fd);
        goto err;
    }
    if (close(fd)) {
        saved = errno;
        goto err;
    }
    if (rename(tmp, path)) {
        saved = errno;
        goto err;
    }
    free(tmp);
    return 0;

err:
    unlink(tmp);
    free(tmp);
    errno = saved;
    return -1;
}

int cmd_dump(struct cli *c, int n, char **args)
{
    const char *outp = NULL;
    const struct cli_opt opts[] = {
        {"output", 'o', &outp, NULL},
        {NULL, 0, NULL, NULL},
    };
    xensupport_table *t;
    const void *blob;
    size_t len;
    int rc;

    if (cli_parse(c, n, args, opts, NULL, 0) < 0)
        return CLI_USAGE;
    if (!outp || !outp[0]) {
        cli_err("usage: xen-support dump -o FILE");
        return CLI_USAGE;
    }
    rc = cli_open(c, 0, &t);
    if (rc)
        return rc;
    blob = xensupport_blob(t, &len);
    if (S_atomic_write(outp, blob, len)) {
        cli_err("%s: cannot write: %s", outp, strerror(errno));
        rc = CLI_USAGE;
    }
    xensupport_close(t);
    return rc;
}
