/*
 * cmd_load.c: "xen-support load FILE": make a compiled table the running
 * hypervisor's active one (XEN_SYSCTL_support_load), for the gates that
 * run from then on and for every query.  The table is validated here
 * first, for a message that names the problem; the hypervisor checks it
 * again, whole, and changes nothing unless it passes.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <public/support_table.h>

#include "cli.h"
#include "fileio.h"

static const struct cli_cmd S_cmd = {
    "load", "load [--no-verify] FILE",
    "\nMake the table in FILE (compiled by xen-support-gen) the running\n"
    "hypervisor's active one: the gates that run from now on and every\n"
    "query use it; events already recorded keep their reading.  Needs the\n"
    "control domain (FLASK: xen2:support_load).  The table is validated\n"
    "here first; the hypervisor checks it again and changes nothing if it\n"
    "fails.  Prints where the active table now comes from, as info does.\n\n"
    "options:\n"
    "  --no-verify  send FILE as it is, unchecked here (to test the\n"
    "               hypervisor's own checks)\n",
    0};

int cmd_load(struct cli *c, int n, char **args)
{
    bool no_verify = false;
    const struct cli_opt opts[] = {
        {"no-verify", 0, NULL, &no_verify},
        {NULL, 0, NULL, NULL},
    };
    struct xensupport_hv_active a;
    char err[XENSUPPORT_ERRLEN];
    const char *path;
    xensupport_session *s;
    char *blob;
    size_t len;
    int rc;

    rc = cli_parse(c, &S_cmd, n, args, opts, &path, 1);
    if (rc < 0)
        return cli_parse_status(rc);
    if (rc != 1) {
        cli_err("usage: xen-support %s", S_cmd.usage);
        return CLI_USAGE;
    }
    /* Up to the format's cap: the hypervisor's own is lower. */
    if (xsg_read_input(path, XEN_SUPTAB_SIZE_MAX, &blob, &len)) {
        if (errno == EFBIG)
            cli_err("%s: larger than %u bytes, the table format's limit", path,
                    (unsigned)XEN_SUPTAB_SIZE_MAX);
        else
            cli_err("%s: %s", path, strerror(errno));
        return CLI_USAGE;
    }
    if (!no_verify) {
        xensupport_table *t = xensupport_open_memory(
            blob, len, XENSUPPORT_BORROW, err, sizeof(err));

        if (!t) {
            cli_err("%s: not a valid support table: %s", path, err);
            free(blob);
            return CLI_INVALID;
        }
        xensupport_close(t);
    }
    rc = cli_session(c, &s);
    if (rc) {
        free(blob);
        return rc;
    }
    if (xensupport_session_load(s, blob, len, &a, err, sizeof(err))) {
        int e = errno;

        cli_err("%s: %s", path, err);
        free(blob);
        switch (e) {
        case EBADMSG:
        case EOPNOTSUPP:
        case ENOEXEC:
        case E2BIG:
        case EINVAL:
            return CLI_INVALID;
        case EACCES:
            return CLI_INTERFACE;
        default:
            return cli_hv_status(e);
        }
    }
    free(blob);
    cli_active_text(c->out, &a, true);
    return CLI_OK;
}
